// Between what the user types and the raw params stored in the graph. Values that do not parse
// stay as typed, so the layer's schema reports them instead of the form dropping them silently.

/** "12" → 12, "" → undefined (the Keras default applies), "abc" → "abc" (reported as an error). */
export function parseNumber(text: string): unknown {
  const s = text.trim();
  if (s === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : text;
}

/** Text for a raw number-ish value. */
export function numberText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  return JSON.stringify(value);
}

/** "28, 28, 1" (also "28×28×1" or "28 28 1") → [28, 28, 1]; parts that are not numbers stay text. */
export function parseShape(text: string): unknown[] {
  return text
    .split(/[\s,×x*]+/)
    .filter((p) => p.length > 0)
    .map((p) => parseNumber(p) ?? p);
}

export function shapeText(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => numberText(v)).join(', ');
  return numberText(value);
}

/** The two texts of a pair field; Keras's single number (3) means (3, 3). */
export function pairTexts(value: unknown): [string, string] {
  if (Array.isArray(value)) return [numberText(value[0]), numberText(value[1])];
  if (value === undefined || value === null) return ['', ''];
  return [numberText(value), numberText(value)];
}

/** The raw value of a pair after editing one side; both sides empty → undefined (default). */
export function pairValue(a: string, b: string): unknown {
  if (a.trim() === '' && b.trim() === '') return undefined;
  return [parseNumber(a) ?? a, parseNumber(b) ?? b];
}

/** Keras's sides of ZeroPadding2D and Cropping2D as Python writes them: 1, (1, 2) or ((1, 2), (3, 4)). */
export function sidesText(value: unknown): string {
  if (Array.isArray(value)) return `(${value.map(sidesText).join(', ')})`;
  return numberText(value);
}

/**
 * "1", "1, 2", "(1, 2)", "((1, 2), (3, 4))", "(1, 2), (3, 4)" or "[[1, 2], [3, 4]]" → 1, [1, 2] or
 * [[1, 2], [3, 4]]; "" → undefined (the Keras default). Text that is no such tuple stays text.
 */
export function parseSides(text: string): unknown {
  const s = text.trim();
  if (s === '') return undefined;
  // Python's tuples as JSON lists, a trailing comma dropped; the outer brackets make "1, 2" a list too.
  const json = `[${s
    .replace(/\(/g, '[')
    .replace(/\)/g, ']')
    .replace(/,\s*\]/g, ']')}]`;
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) && parsed.length === 1 ? parsed[0] : parsed;
  } catch {
    return text;
  }
}
