/**
 * The weights of Keras's bilinear upsampling along one axis of length `n` by a whole factor `s`, as an
 * (n, n·s) matrix in row-major order: output i samples the input at (i + 0.5) / s − 0.5 (TensorFlow's
 * half-pixel centres, which Keras's tf.image.resize uses), clamped to the edges, between its two
 * neighbours. The engine's layer and the ONNX export both multiply by it, so they compute the same.
 */
export function bilinearWeights(n: number, s: number): Float32Array {
  const out = n * s;
  const m = new Float32Array(n * out);
  for (let i = 0; i < out; i++) {
    const at = (i + 0.5) / s - 0.5;
    const below = Math.floor(at);
    const lerp = at - below;
    const lower = Math.max(below, 0);
    const upper = Math.min(Math.ceil(at), n - 1);
    m[lower * out + i]! += 1 - lerp;
    m[upper * out + i]! += lerp;
  }
  return m;
}
