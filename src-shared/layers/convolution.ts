import type { DescriptionPart, Explained, LayerProblem, Result } from './types';
import type { ActivationName, Padding } from './params';
import { effectiveKernel, outputLength } from './spatial';
import { fail, ok } from './checks';
import { num } from './format';
import { py } from './keras-values';

/** A (height, width) setting once the schema has read it. */
export type Pair = readonly [number, number];

/** The settings every Keras 2-D convolution shares. */
export interface ConvWindow {
  readonly kernel_size: Pair;
  readonly strides: Pair;
  readonly padding: Padding;
  readonly dilation_rate: Pair;
  readonly activation: ActivationName;
}

const isOnes = (p: Pair) => p[0] === 1 && p[1] === 1;

/** Keras 3 refuses strides > 1 together with dilation_rate > 1 in every convolution layer. */
export function stridesWithDilation(p: Pick<ConvWindow, 'strides' | 'dilation_rate'>): LayerProblem | undefined {
  if ((p.strides[0] > 1 || p.strides[1] > 1) && (p.dilation_rate[0] > 1 || p.dilation_rate[1] > 1)) {
    return { code: 'strides-with-dilation', values: {}, param: 'strides' };
  }
  return undefined;
}

/** Height and width after a sliding-window convolution over h×w, or why the (dilated) kernel does not fit. */
export function convolvedSize(h: number, w: number, p: ConvWindow): Result<readonly [Explained, Explained]> {
  const rows = outputLength(h, p.kernel_size[0], p.strides[0], p.dilation_rate[0], p.padding);
  const cols = outputLength(w, p.kernel_size[1], p.strides[1], p.dilation_rate[1], p.padding);
  if (rows.value >= 1 && cols.value >= 1) return ok([rows, cols]);
  const [kh, kw] = p.kernel_size;
  if (!isOnes(p.dilation_rate)) {
    const eh = effectiveKernel(kh, p.dilation_rate[0]);
    const ew = effectiveKernel(kw, p.dilation_rate[1]);
    return fail({ code: 'dilated-kernel-too-large', values: { kh, kw, eh, ew, h, w }, param: 'kernel_size' });
  }
  return fail({ code: 'kernel-too-large', values: { kh, kw, h, w }, param: 'kernel_size' });
}

/**
 * One spatial output dimension of a transposed convolution, as Keras 3 computes it
 * (compute_conv_transpose_output_shape, TensorFlow's rule), with k the dilated kernel:
 * valid → (n−1)·s + max(k, s), or (n−1)·s + k + output_padding;
 * same → n·s, or (n−1)·s + k mod 2 + output_padding.
 */
export function transposedLength(n: number, k: number, s: number, d: number, padding: Padding, outputPadding: number | null): Explained {
  const effective = effectiveKernel(k, d);
  const kernel = d === 1 ? num(k) : `((${num(k)}−1)·${num(d)}+1)`;
  const grown = `(${num(n)} − 1)·${num(s)}`;
  let value: number;
  let formula: string;
  if (padding === 'valid' && outputPadding === null) {
    value = (n - 1) * s + Math.max(effective, s);
    formula = `${grown} + max(${kernel}, ${num(s)})`;
  } else if (padding === 'valid') {
    value = (n - 1) * s + effective + (outputPadding ?? 0);
    formula = `${grown} + ${kernel} + ${num(outputPadding ?? 0)}`;
  } else if (outputPadding === null) {
    value = n * s;
    formula = `${num(n)}·${num(s)}`;
  } else {
    value = (n - 1) * s + (effective % 2) + outputPadding;
    formula = `${grown} + ${kernel} mod 2 + ${num(outputPadding)}`;
  }
  return { value, formula: `${formula} = ${num(value)}` };
}

/** The description parts after the kernel, in Conv2D's order: stride, dilation, padding, activation. */
export function windowParts(p: ConvWindow): DescriptionPart[] {
  const parts: DescriptionPart[] = [];
  if (!isOnes(p.strides)) parts.push({ code: 'stride', values: { h: p.strides[0], w: p.strides[1] } });
  if (!isOnes(p.dilation_rate)) parts.push({ code: 'dilation', values: { h: p.dilation_rate[0], w: p.dilation_rate[1] } });
  parts.push({ code: 'keras', values: { value: p.padding } });
  if (p.activation !== 'linear') parts.push({ code: 'keras', values: { value: p.activation } });
  return parts;
}

/** Python keyword arguments for strides and padding, only where they differ from Keras's defaults. */
export function stridePaddingArgs(p: Pick<ConvWindow, 'strides' | 'padding'>): string[] {
  const args: string[] = [];
  if (!isOnes(p.strides)) args.push(`strides=${py(p.strides)}`);
  if (p.padding !== 'valid') args.push(`padding=${py(p.padding)}`);
  return args;
}

/** Python keyword arguments for dilation, activation and bias, only where they differ from Keras's defaults. */
export function dilationActivationArgs(p: Pick<ConvWindow, 'dilation_rate' | 'activation'> & { readonly use_bias: boolean }): string[] {
  const args: string[] = [];
  if (!isOnes(p.dilation_rate)) args.push(`dilation_rate=${py(p.dilation_rate)}`);
  if (p.activation !== 'linear') args.push(`activation=${py(p.activation)}`);
  if (!p.use_bias) args.push('use_bias=False');
  return args;
}
