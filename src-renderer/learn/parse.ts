/**
 * Parsing what the user types into the lab: numbers separated by commas, spaces or tabs; for a
 * matrix, rows separated by ';' or new lines ("1, 2, 3; 4, 5, 6"). Brackets are ignored, so a
 * pasted NumPy or Python list works too.
 */

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ParseError };

/** Why a text is not a vector or matrix (turned into a sentence by the strings module). */
export type ParseError =
  | { readonly kind: 'empty' }
  | { readonly kind: 'not-a-number'; readonly token: string }
  | { readonly kind: 'ragged'; readonly row: number; readonly got: number; readonly expected: number };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function tokens(line: string): string[] {
  return line
    .replace(/[[\]()]/g, ' ')
    .split(/[\s,]+/)
    .filter((t) => t.length > 0);
}

function numbers(line: string): Parsed<number[]> {
  const out: number[] = [];
  for (const token of tokens(line.replace(/\u2212/g, '-'))) {
    if (!NUMBER.test(token)) return { ok: false, error: { kind: 'not-a-number', token } };
    out.push(Number(token));
  }
  return { ok: true, value: out };
}

/** A list of numbers ("2, 8, 3"); line breaks and ';' count as separators too. */
export function parseVector(text: string): Parsed<number[]> {
  const r = numbers(text.replace(/;/g, ' '));
  if (!r.ok) return r;
  if (r.value.length === 0) return { ok: false, error: { kind: 'empty' } };
  return r;
}

/** A matrix: rows separated by ';' or line breaks, all of the same length. */
export function parseMatrix(text: string): Parsed<number[][]> {
  const rows: number[][] = [];
  // "[[1,2],[3,4]]" pastes: a "],[" boundary also ends a row.
  for (const line of text.replace(/\]\s*,\s*\[/g, ';').split(/[;\n]/)) {
    const r = numbers(line);
    if (!r.ok) return r;
    if (r.value.length > 0) rows.push(r.value);
  }
  if (rows.length === 0) return { ok: false, error: { kind: 'empty' } };
  const expected = rows[0]!.length;
  const bad = rows.findIndex((r) => r.length !== expected);
  if (bad >= 0) return { ok: false, error: { kind: 'ragged', row: bad + 1, got: rows[bad]!.length, expected } };
  return { ok: true, value: rows };
}

/** Writes a matrix back as text, one row per line. */
export function matrixText(m: readonly (readonly number[])[]): string {
  return m.map((r) => r.join(', ')).join('\n');
}
