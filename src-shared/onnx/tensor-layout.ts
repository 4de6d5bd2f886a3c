/** A float tensor's values in row-major order with its shape: a weight as TensorFlow.js holds it. */
export interface FloatTensor {
  readonly data: Float32Array;
  readonly shape: readonly number[];
}

/** The values of `t` with its axes reordered: output axis i is input axis perm[i] (numpy's transpose). */
export function permute(t: FloatTensor, perm: readonly number[]): FloatTensor {
  const shape = perm.map((p) => t.shape[p]!);
  const strides = new Array<number>(t.shape.length).fill(1);
  for (let i = t.shape.length - 2; i >= 0; i--) strides[i] = strides[i + 1]! * t.shape[i + 1]!;
  const out = new Float32Array(t.data.length);
  const index = new Array<number>(shape.length).fill(0);
  for (let o = 0; o < out.length; o++) {
    let from = 0;
    for (let i = 0; i < shape.length; i++) from += index[i]! * strides[perm[i]!]!;
    out[o] = t.data[from]!;
    for (let i = shape.length - 1; i >= 0; i--) {
      if (++index[i]! < shape[i]!) break;
      index[i] = 0;
    }
  }
  return { data: out, shape };
}
