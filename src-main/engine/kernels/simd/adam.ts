import { assemble, op, wasmApi, type WasmModule } from './assembler';

/*
 * Adam's update as a WebAssembly SIMD loop, four weights at a time, in float32 and in TensorFlow.js's
 * order of operations (every f32x4 operation used here is IEEE-rounded like its scalar float32
 * counterpart, so the weights are those of the scalar loop in fused-optimizer.ts to the bit).
 * Memory holds five regions of S bytes: values, gradient, new values, first and second moments.
 */

// Parameters: i, end, S (bytes), then the f32 constants; then v128 locals.
const [I, END, S] = [0, 1, 2];
const [BETA1, BETA2, KEEP1, KEEP2, C1, C2, EPS, LR] = [3, 4, 5, 6, 7, 8, 9, 10];
const [G, M, V] = [11, 12, 13];
const SPLAT = 14; // 8 splatted constants: SPLAT + k for the k-th of BETA1…LR

/** Pushes address i + k·S. */
const at = (k: number) => (k === 0 ? [op.localGet(I)] : [op.localGet(I), op.localGet(S), op.i32Const(k), op.i32Mul, op.i32Add]);
const splat = (k: number) => op.localGet(SPLAT + k);

const body = [
  // Splat the constants once.
  ...[BETA1, BETA2, KEEP1, KEEP2, C1, C2, EPS, LR].flatMap((p, k) => [op.localGet(p), op.f32x4Splat, op.localSet(SPLAT + k)]),
  op.block,
  op.loop,
  op.localGet(I),
  op.localGet(END),
  op.i32GeU,
  op.brIf(1),
  // g
  ...at(1),
  op.v128Load(),
  op.localSet(G),
  // m = m·β1 + g·(1−β1), stored
  ...at(3),
  ...at(3),
  op.v128Load(),
  splat(0),
  op.f32x4Mul,
  op.localGet(G),
  splat(2),
  op.f32x4Mul,
  op.f32x4Add,
  op.localTee(M),
  op.v128Store(),
  // v = v·β2 + g²·(1−β2), stored
  ...at(4),
  ...at(4),
  op.v128Load(),
  splat(1),
  op.f32x4Mul,
  op.localGet(G),
  op.localGet(G),
  op.f32x4Mul,
  splat(3),
  op.f32x4Mul,
  op.f32x4Add,
  op.localTee(V),
  op.v128Store(),
  // new = (m/c1) / (√(v/c2) + ε) · lr + value
  ...at(2),
  op.localGet(M),
  splat(4),
  op.f32x4Div,
  op.localGet(V),
  splat(5),
  op.f32x4Div,
  op.f32x4Sqrt,
  splat(6),
  op.f32x4Add,
  op.f32x4Div,
  splat(7),
  op.f32x4Mul,
  ...at(0),
  op.v128Load(),
  op.f32x4Add,
  op.v128Store(),
  // i += 16
  op.localGet(I),
  op.i32Const(16),
  op.i32Add,
  op.localSet(I),
  op.br(0),
  op.end,
  op.end,
];

const BYTES = assemble([
  {
    name: 'adam',
    params: ['i32', 'i32', 'i32', 'f32', 'f32', 'f32', 'f32', 'f32', 'f32', 'f32', 'f32'],
    locals: ['v128', 'v128', 'v128', ...Array<'v128'>(8).fill('v128')],
    body,
  },
]);

let compiled: WasmModule | null | undefined;

/** The compiled module, or null where WebAssembly SIMD is not available. */
function module(): WasmModule | null {
  if (compiled === undefined) compiled = wasmApi.validate(BYTES) ? new wasmApi.Module(BYTES) : null;
  return compiled;
}

/** Adam's float32 constants for one step, as the scalar loop uses them. */
export interface AdamConstants {
  readonly beta1: number;
  readonly beta2: number;
  readonly keep1: number;
  readonly keep2: number;
  readonly c1: number;
  readonly c2: number;
  readonly eps: number;
  readonly lr: number;
}

/** Adam's state (moments) for `size` weights in WebAssembly memory, and its update. */
export interface SimdAdam {
  /** Updates [from, to) in whole groups of 4 and returns where it stopped (the caller does the rest). */
  update(values: Float32Array, gradient: Float32Array, out: Float32Array, from: number, to: number, k: AdamConstants): number;
  /** The moments (views into the module's memory). */
  readonly m: Float32Array;
  readonly v: Float32Array;
}

/** A SIMD Adam for `size` weights, or undefined where WebAssembly SIMD is not available. */
export function simdAdam(size: number): SimdAdam | undefined {
  const mod = module();
  if (!mod) return undefined;
  const padded = Math.ceil(size / 4) * 4;
  const regionBytes = padded * 4;
  const memory = new wasmApi.Memory({ initial: Math.ceil((5 * regionBytes) / 65536) || 1 });
  const instance = new wasmApi.Instance(mod, { env: { memory } });
  const adam = instance.exports['adam'] as (...args: number[]) => void;
  const region = (k: number) => new Float32Array(memory.buffer, k * regionBytes, padded);
  const [values, grad, out, m, v] = [0, 1, 2, 3, 4].map(region) as [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array];
  return {
    m,
    v,
    update(vals, g, o, from, to, k) {
      const stop = from + Math.floor((to - from) / 4) * 4;
      if (stop === from) return from;
      values.set(vals.subarray(from, stop), from);
      grad.set(g.subarray(from, stop), from);
      adam(from * 4, stop * 4, regionBytes, k.beta1, k.beta2, k.keep1, k.keep2, k.c1, k.c2, k.eps, k.lr);
      o.set(out.subarray(from, stop), from);
      return stop;
    },
  };
}
