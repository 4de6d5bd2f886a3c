import { parseArgs } from 'node:util';
import { axisPadding, conv1d, conv2dPlain, type ConvOp, type ConvPadding, type SameStyle } from '../../../src-shared/learn/convolution';
import { usage } from '../errors';
import type { CliIo } from '../io';

/** "1,2,3" → [1,2,3]; "1,2;3,4" → [[1,2],[3,4]]; undefined when a value is not a number. */
export function parseNumbers(text: string): number[] | number[][] | undefined {
  // Spaces around commas are fine; an empty entry ("1,,2") is a mistake, not a value to skip.
  const rows = text.split(';').map((r) =>
    r
      .trim()
      .split(/\s*,\s*|\s+/)
      .map((v) => (v === '' ? NaN : Number(v))),
  );
  if (rows.some((r) => r.length === 0 || r.some((v) => !Number.isFinite(v)))) return undefined;
  return text.includes(';') ? rows : rows[0];
}

function oneOf<T extends string>(value: string | undefined, options: readonly T[], flag: string, fallback?: T): T {
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw usage(`${flag} is required: ${options.join('|')}`);
  }
  if (!options.includes(value as T)) throw usage(`${flag} must be one of ${options.join(', ')} (got '${value}')`);
  return value as T;
}

/** `conv --x … --w … --op convolve|correlate --padding valid|same|full [--same-style scipy|keras] [--stride S] [--json]`. */
export async function convCommand(argv: string[], io: CliIo): Promise<void> {
  const { out } = io;
  const { values } = parseArgs({
    args: argv,
    options: {
      x: { type: 'string' },
      w: { type: 'string' },
      op: { type: 'string' },
      padding: { type: 'string' },
      'same-style': { type: 'string' },
      stride: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (values.x === undefined || values.w === undefined)
    throw usage(
      'usage: conv --x <numbers> --w <numbers> --op convolve|correlate --padding valid|same|full [--same-style scipy|keras] [--stride S] [--json]',
    );
  const x = parseNumbers(values.x);
  const w = parseNumbers(values.w);
  if (!x) throw usage(`--x must be numbers separated by commas (rows by ';'), got '${values.x}'`);
  if (!w) throw usage(`--w must be numbers separated by commas (rows by ';'), got '${values.w}'`);
  const op = oneOf<ConvOp>(values.op, ['convolve', 'correlate'], '--op');
  const padding = oneOf<ConvPadding>(values.padding, ['valid', 'same', 'full'], '--padding');
  const sameStyle = oneOf<SameStyle>(values['same-style'], ['scipy', 'keras'], '--same-style', 'scipy');
  const stride = values.stride === undefined ? 1 : Number(values.stride);
  if (!Number.isInteger(stride) || stride < 1) throw usage(`--stride must be a whole number ≥ 1 (got '${values.stride}')`);
  const twoD = Array.isArray(x[0]) || Array.isArray(w[0]);
  const matrix = (v: number[] | number[][]): number[][] => (Array.isArray(v[0]) ? (v as number[][]) : [v as number[]]);
  if (twoD) {
    const xm = matrix(x);
    const wm = matrix(w);
    if (xm.some((r) => r.length !== xm[0]!.length) || wm.some((r) => r.length !== wm[0]!.length))
      throw usage('every row of a 2-D input or kernel must have the same length');
    if (padding === 'valid' && (wm.length > xm.length || wm[0]!.length > xm[0]!.length))
      throw usage("with padding 'valid' the kernel must fit inside the input — use padding 'same' or 'full'");
    const result = conv2dPlain(xm, wm, { op, padding, sameStyle, strides: [stride, stride] });
    if (values.json) out(JSON.stringify(result));
    else {
      const rows = axisPadding(xm.length, wm.length, padding, stride, sameStyle);
      const cols = axisPadding(xm[0]!.length, wm[0]!.length, padding, stride, sameStyle);
      out(`rows: ${rows.formula}   columns: ${cols.formula}`);
      for (const row of result) out(row.map((v) => String(v).padStart(6)).join(''));
    }
    return;
  }
  const xs = x as number[];
  const ws = w as number[];
  if (padding === 'valid' && ws.length > xs.length)
    throw usage(
      `with padding 'valid' the kernel (${ws.length}) must not be longer than the input (${xs.length}) — use padding 'same' or 'full'`,
    );
  const result = conv1d(xs, ws, { op, padding, sameStyle, stride });
  if (values.json) out(JSON.stringify(result));
  else {
    out(`output length: ${axisPadding(xs.length, ws.length, padding, stride, sameStyle).formula}`);
    out(`[${result.join(', ')}]`);
  }
}
