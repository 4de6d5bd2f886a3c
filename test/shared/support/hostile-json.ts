/** Hostile JSON texts for the readers' tests and the fuzzer: built as text, since JSON.stringify itself overflows on them. */

/** A JSON array nested `depth` deep around `inner` ("[[[…1…]]]"). */
export function deepArrayText(depth: number, inner = '1'): string {
  return `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
}

/** A JSON object nested `depth` deep ({"a":{"a":…}}). */
export function deepObjectText(depth: number, inner = '1'): string {
  return `${'{"a":'.repeat(depth)}${inner}${'}'.repeat(depth)}`;
}

/** The JSON text of `doc` with the value at `path` replaced by raw JSON text (which may be too deep to stringify). */
export function withRawValue(doc: unknown, path: readonly (string | number)[], rawJson: string): string {
  const marker = `__convas_raw_${Math.random().toString(36).slice(2)}__`;
  const copy: unknown = structuredClone(doc);
  let at = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = marker;
  return JSON.stringify(copy).replace(JSON.stringify(marker), rawJson);
}
