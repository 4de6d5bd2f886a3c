import { assemble, op, wasmApi, type WasmMemory, type WasmModule } from './assembler';

/*
 * One tap of a convolution's filter gradient in WebAssembly SIMD, for few output channels: over a
 * block of output pixels, sum x(tap's input pixel) × dy(pixel, 0…CO) with the CO sums held in
 * registers (groups of 4 lanes, then single floats), and store them. Specialised per CO, so every
 * load has a fixed offset. This replaces the patch matrix and XNNPACK product where that product
 * is long and thin (K × few outputs over every pixel of the batch), which XNNPACK handles poorly.
 */

const [XA, XPIX, XROW, DYA, DYROW, COUNT, ROWS, OUT] = [0, 1, 2, 3, 4, 5, 6, 7];
const [R, I, XP, DP, S, SF] = [8, 9, 10, 11, 12, 13];
const ACC = 14;

/** The largest CO this kernel takes (registers for the sums). */
export const MAX_TAP_CHANNELS = 24;

function tapModule(co: number): Uint8Array<ArrayBuffer> {
  const groups = Math.floor(co / 4);
  const tail = co % 4;
  const vec = (g: number) => ACC + g;
  const sca = (t: number) => ACC + groups + t;
  const inc = (local: number, by: readonly number[]) => [op.localGet(local), by, op.i32Add, op.localSet(local)];
  const body = [
    op.i32Const(0),
    op.localSet(R),
    op.block,
    op.loop,
    op.localGet(R),
    op.localGet(ROWS),
    op.i32GeU,
    op.brIf(1),
    op.localGet(XA),
    op.localSet(XP),
    op.localGet(DYA),
    op.localSet(DP),
    op.i32Const(0),
    op.localSet(I),
    op.block,
    op.loop,
    op.localGet(I),
    op.localGet(COUNT),
    op.i32GeU,
    op.brIf(1),
    op.localGet(XP),
    op.f32Load(),
    op.localTee(SF),
    op.f32x4Splat,
    op.localSet(S),
    ...Array.from({ length: groups }, (_, g) => [
      op.localGet(vec(g)),
      op.localGet(S),
      op.localGet(DP),
      op.v128Load(16 * g),
      op.f32x4Mul,
      op.f32x4Add,
      op.localSet(vec(g)),
    ]).flat(),
    ...Array.from({ length: tail }, (_, t) => [
      op.localGet(sca(t)),
      op.localGet(SF),
      op.localGet(DP),
      op.f32Load(16 * groups + 4 * t),
      op.f32Mul,
      op.f32Add,
      op.localSet(sca(t)),
    ]).flat(),
    ...inc(XP, op.localGet(XPIX)),
    ...inc(DP, op.i32Const(co * 4)),
    ...inc(I, op.i32Const(1)),
    op.br(0),
    op.end,
    op.end,
    ...inc(XA, op.localGet(XROW)),
    ...inc(DYA, op.localGet(DYROW)),
    ...inc(R, op.i32Const(1)),
    op.br(0),
    op.end,
    op.end,
    ...Array.from({ length: groups }, (_, g) => [op.localGet(OUT), op.localGet(vec(g)), op.v128Store(16 * g)]).flat(),
    ...Array.from({ length: tail }, (_, t) => [op.localGet(OUT), op.localGet(sca(t)), op.f32Store(16 * groups + 4 * t)]).flat(),
  ];
  return assemble([
    {
      name: 'tap',
      params: ['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32'],
      locals: ['i32', 'i32', 'i32', 'i32', 'v128', 'f32', ...Array<'v128'>(groups).fill('v128'), ...Array<'f32'>(tail).fill('f32')],
      body,
    },
  ]);
}

type Tap = (xa: number, xPix: number, xRow: number, dya: number, dyRow: number, count: number, rows: number, out: number) => void;

const modules = new Map<number, WasmModule | null>();
const instances = new WeakMap<WasmMemory, Map<number, Tap>>();

/** The tap kernel for `co` output channels on `memory`, or undefined (no SIMD, or too many channels). */
export function tapKernel(memory: WasmMemory, co: number): Tap | undefined {
  if (co < 1 || co > MAX_TAP_CHANNELS) return undefined;
  if (!modules.has(co)) {
    const bytes = tapModule(co);
    modules.set(co, wasmApi.validate(bytes) ? new wasmApi.Module(bytes) : null);
  }
  const mod = modules.get(co);
  if (!mod) return undefined;
  let byCo = instances.get(memory);
  if (!byCo) instances.set(memory, (byCo = new Map()));
  let f = byCo.get(co);
  if (!f) {
    f = new wasmApi.Instance(mod, { env: { memory } }).exports['tap'] as Tap;
    byCo.set(co, f);
  }
  return f;
}
