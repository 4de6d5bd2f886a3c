/**
 * Reference arithmetic for the tests, written from Keras's and TensorFlow's documentation and
 * source, independently of src-shared (nothing here imports the code under test).
 */

export type Padding = 'valid' | 'same';

/**
 * Keras's `conv_output_length` (keras/src/ops/operation_utils.py, also used by pooling), as Keras writes it:
 *   dilated = k + (k − 1)·(d − 1); valid: n − dilated + 1, same: n; then (len + s − 1) // s.
 * A result below 1 is Keras's "negative dimension" error.
 */
export function kerasOutputLength(n: number, k: number, s: number, d: number, padding: Padding): number {
  const dilated = k + (k - 1) * (d - 1);
  const length = padding === 'valid' ? n - dilated + 1 : n;
  return Math.floor((length + s - 1) / s);
}

/**
 * Evaluates the arithmetic of a formula string as Convas shows it ("3·3·1·10 + 10", "ceil(28 / 2)",
 * "floor((28 − ((3−1)·2+1)) / 1) + 1"): numbers, + − · /, parentheses, ceil(), floor().
 * Throws on anything else, so a formula with a typo fails the test that evaluates it.
 */
export function evaluate(expression: string): number {
  const tokens = expression.match(/\d+(?:\.\d+)?(?:e[+-]?\d+)?|ceil|floor|[()+\-−·/×*]/g) ?? [];
  const rest = expression.replace(/\d+(?:\.\d+)?(?:e[+-]?\d+)?|ceil|floor|[()+\-−·/×*]|\s/g, '');
  if (rest !== '') throw new Error(`unexpected "${rest}" in formula "${expression}"`);
  let i = 0;
  const peek = () => tokens[i];
  const take = (want?: string) => {
    const t = tokens[i++];
    if (t === undefined || (want !== undefined && t !== want)) throw new Error(`expected ${want ?? 'more'} in "${expression}"`);
    return t;
  };
  const factor = (): number => {
    const t = take();
    if (t === '(') {
      const v = sum();
      take(')');
      return v;
    }
    if (t === 'ceil' || t === 'floor') {
      take('(');
      const v = sum();
      take(')');
      return t === 'ceil' ? Math.ceil(v) : Math.floor(v);
    }
    const n = Number(t);
    if (Number.isNaN(n)) throw new Error(`unexpected "${t}" in "${expression}"`);
    return n;
  };
  const product = (): number => {
    let v = factor();
    while (peek() === '·' || peek() === '×' || peek() === '*' || peek() === '/') v = take() === '/' ? v / factor() : v * factor();
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (peek() === '+' || peek() === '−' || peek() === '-') v = take() === '+' ? v + product() : v - product();
    return v;
  };
  const value = sum();
  if (i !== tokens.length) throw new Error(`trailing "${tokens.slice(i).join(' ')}" in "${expression}"`);
  return value;
}

/**
 * Checks that a formula is pure arithmetic (words belong in its caption), states `value` and, where
 * it shows its arithmetic ("… = v"), that the arithmetic is right. Returns what is wrong, or undefined.
 * Accepted shapes: "EXPR = v", "EXPR B = v B", "v", with thousands separators ("784·250 = 196,000").
 */
export function formulaProblem(explained: { readonly formula: string }, value: number): string | undefined {
  const formula = explained.formula;
  if (/[A-Za-z]/.test(formula.replace(/\b(ceil|floor)\(/g, '(').replace(/ B\b/g, ''))) {
    return `"${formula}" has words: they belong in its caption`;
  }
  const text = formula
    .replace(/ B\b/g, '')
    .replace(/(?<=\d),(?=\d{3}(?!\d))/g, '')
    .trim();
  const at = text.lastIndexOf(' = ');
  if (at < 0) return Number(text) === value ? undefined : `"${formula}" does not state ${value}`;
  const stated = Number(text.slice(at + 3));
  if (stated !== value) return `"${formula}" states ${stated} but the value is ${value}`;
  const computed = evaluate(text.slice(0, at));
  return computed === value ? undefined : `"${formula}": the left side is ${computed}, not ${value}`;
}
