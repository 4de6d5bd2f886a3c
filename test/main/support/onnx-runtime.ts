import * as ort from 'onnxruntime-web';

// One thread: the wasm build's worker threads are not needed for small models and the machine is shared.
ort.env.wasm.numThreads = 1;

/** onnxruntime's output `output` for one NHWC float32 batch fed to `input` of a model's bytes. */
export async function runOnnx(
  model: Uint8Array,
  input: Float32Array,
  shape: readonly number[],
): Promise<{ data: Float32Array; dims: readonly number[] }> {
  const session = await ort.InferenceSession.create(model);
  try {
    const result = await session.run({ input: new ort.Tensor('float32', input, [...shape]) });
    const out = result['output']!;
    return { data: out.data as Float32Array, dims: out.dims };
  } finally {
    await session.release();
  }
}

/** Creates an onnxruntime session once for several runs (the acceptance test feeds many batches). */
export function onnxSession(model: Uint8Array): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(model);
}

/** Runs a session on one NHWC batch. */
export async function runSession(session: ort.InferenceSession, input: Float32Array, shape: readonly number[]): Promise<Float32Array> {
  const result = await session.run({ input: new ort.Tensor('float32', input, [...shape]) });
  return result['output']!.data as Float32Array;
}
