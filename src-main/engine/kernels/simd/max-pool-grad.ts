import { assemble, op, wasmApi, type WasmMemory, type WasmModule } from './assembler';

/*
 * The gradient of 2×2, stride-2 max pooling in WebAssembly SIMD, four channels at a time, straight
 * on TensorFlow.js's wasm heap: each window's gradient goes to the first of its four values equal
 * to the window's maximum (the forward output), chosen with lane masks instead of branches.
 * A window whose maximum is NaN passes nothing.
 */

// Parameters (byte addresses and byte strides), then locals.
const [XP, YP, DYP, DXP, COUNT, CB, DOWN, CLAST] = [0, 1, 2, 3, 4, 5, 6, 7];
const [W, C, CC] = [8, 9, 10];
const [M, D, E0, E1, E2, ANY] = [11, 12, 13, 14, 15, 16];

/** Pushes base + cc (+ extra local strides). */
const addr = (base: number, ...strides: number[]) => [
  op.localGet(base),
  op.localGet(CC),
  op.i32Add,
  ...strides.flatMap((s) => [op.localGet(s), op.i32Add]),
];
const load = (base: number, ...strides: number[]) => [...addr(base, ...strides), op.v128Load()];
const eq = (base: number, ...strides: number[]) => [...load(base, ...strides), op.localGet(M), op.f32x4Eq];
/** Stores d & mask at dx + cc + strides. */
const store = (mask: (readonly number[])[], ...strides: number[]) => [
  ...addr(DXP, ...strides),
  op.localGet(D),
  ...mask,
  op.v128And,
  op.v128Store(),
];
const advance = (local: number, stride: number, times = 1) => [
  op.localGet(local),
  op.localGet(stride),
  ...(times === 2 ? [op.localGet(stride), op.i32Add] : []),
  op.i32Add,
  op.localSet(local),
];

const body = [
  op.block,
  op.loop,
  op.localGet(W),
  op.localGet(COUNT),
  op.i32GeU,
  op.brIf(1),
  op.i32Const(0),
  op.localSet(C),
  op.block,
  op.loop,
  // cc = c > clast ? clast : c (the last group overlaps the one before: same values written twice)
  op.localGet(CLAST),
  op.localGet(C),
  op.localGet(C),
  op.localGet(CLAST),
  op.i32GtU,
  op.select,
  op.localSet(CC),
  ...load(YP),
  op.localSet(M),
  ...load(DYP),
  op.localSet(D),
  ...eq(XP),
  op.localSet(E0),
  ...eq(XP, CB),
  op.localGet(E0),
  op.v128AndNot,
  op.localSet(E1),
  op.localGet(E0),
  op.localGet(E1),
  op.v128Or,
  op.localSet(ANY),
  ...eq(XP, DOWN),
  op.localGet(ANY),
  op.v128AndNot,
  op.localSet(E2),
  ...store([op.localGet(E0)]),
  ...store([op.localGet(E1)], CB),
  ...store([op.localGet(E2)], DOWN),
  // e3 = eq(x3, m) & ~(e0 | e1 | e2)
  ...store([...eq(XP, DOWN, CB), op.localGet(ANY), op.localGet(E2), op.v128Or, op.v128AndNot], DOWN, CB),
  op.localGet(C),
  op.localGet(CLAST),
  op.i32GeU,
  op.brIf(1),
  op.localGet(C),
  op.i32Const(16),
  op.i32Add,
  op.localSet(C),
  op.br(0),
  op.end,
  op.end,
  ...advance(XP, CB, 2),
  ...advance(DXP, CB, 2),
  ...advance(YP, CB),
  ...advance(DYP, CB),
  op.localGet(W),
  op.i32Const(1),
  op.i32Add,
  op.localSet(W),
  op.br(0),
  op.end,
  op.end,
];

const BYTES = assemble([
  {
    name: 'pool2x2grad',
    params: ['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32'],
    locals: ['i32', 'i32', 'i32', 'v128', 'v128', 'v128', 'v128', 'v128', 'v128'],
    body,
  },
]);

let compiled: WasmModule | null | undefined;
const instances = new WeakMap<WasmMemory, (...args: number[]) => void>();

/** The kernel bound to `memory` (the wasm backend's heap), or undefined without WebAssembly SIMD. */
function kernelFor(memory: WasmMemory): ((...args: number[]) => void) | undefined {
  if (compiled === undefined) compiled = wasmApi.validate(BYTES) ? new wasmApi.Module(BYTES) : null;
  if (!compiled) return undefined;
  let f = instances.get(memory);
  if (!f) {
    f = new wasmApi.Instance(compiled, { env: { memory } }).exports['pool2x2grad'] as (...args: number[]) => void;
    instances.set(memory, f);
  }
  return f;
}

/** Tensors as byte addresses on the heap, and the geometry of plain 2×2 pooling. */
export interface Pool2x2Args {
  readonly x: number;
  readonly y: number;
  readonly dy: number;
  readonly dx: number;
  readonly batch: number;
  readonly inHeight: number;
  readonly inWidth: number;
  readonly channels: number;
  readonly outHeight: number;
  readonly outWidth: number;
}

/**
 * Writes the whole of dx (zeros outside the windows included) for plain 2×2 pooling with at least
 * 4 channels; returns false (and writes nothing) where WebAssembly SIMD is not available.
 */
export function simdMaxPool2x2Grad(memory: WasmMemory, heap: Float32Array, a: Pool2x2Args): boolean {
  const f = a.channels >= 4 ? kernelFor(memory) : undefined;
  if (!f) return false;
  const { batch: B, inHeight: H, inWidth: Wd, channels: C, outHeight: OH, outWidth: OW } = a;
  // Rows and columns no window covers (an odd size) keep their zeros.
  if (2 * OH < H || 2 * OW < Wd) heap.fill(0, a.dx / 4, a.dx / 4 + B * H * Wd * C);
  for (let b = 0; b < B; b++) {
    for (let oh = 0; oh < OH; oh++) {
      const x = (b * H + 2 * oh) * Wd * C * 4;
      const o = (b * OH + oh) * OW * C * 4;
      f(a.x + x, a.y + o, a.dy + o, a.dx + x, OW, C * 4, Wd * C * 4, (C - 4) * 4);
    }
  }
  return true;
}
