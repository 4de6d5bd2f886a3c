import { assemble, op, wasmApi, type WasmMemory, type WasmModule } from './assembler';

/*
 * x + bias over the last axis ([pixels, C] + [C]) in WebAssembly SIMD: the bias sits in registers
 * (groups of 4 lanes, then single floats), each pixel is one pass. Specialised per C, like the tap
 * kernel, so every load has a fixed offset. XNNPACK's broadcasting add is ~3× slower here.
 */

const [XA, BA, OA, PIXELS] = [0, 1, 2, 3];
const I = 4;
const BIAS = 5;

/** The largest C this kernel takes. */
export const MAX_BIAS_CHANNELS = 32;

function biasModule(c: number): Uint8Array<ArrayBuffer> {
  const groups = Math.floor(c / 4);
  const tail = c % 4;
  const vec = (g: number) => BIAS + g;
  const sca = (t: number) => BIAS + groups + t;
  const inc = (local: number, by: readonly number[]) => [op.localGet(local), by, op.i32Add, op.localSet(local)];
  const body = [
    ...Array.from({ length: groups }, (_, g) => [op.localGet(BA), op.v128Load(16 * g), op.localSet(vec(g))]).flat(),
    ...Array.from({ length: tail }, (_, t) => [op.localGet(BA), op.f32Load(16 * groups + 4 * t), op.localSet(sca(t))]).flat(),
    op.block,
    op.loop,
    op.localGet(I),
    op.localGet(PIXELS),
    op.i32GeU,
    op.brIf(1),
    ...Array.from({ length: groups }, (_, g) => [
      op.localGet(OA),
      op.localGet(XA),
      op.v128Load(16 * g),
      op.localGet(vec(g)),
      op.f32x4Add,
      op.v128Store(16 * g),
    ]).flat(),
    ...Array.from({ length: tail }, (_, t) => [
      op.localGet(OA),
      op.localGet(XA),
      op.f32Load(16 * groups + 4 * t),
      op.localGet(sca(t)),
      op.f32Add,
      op.f32Store(16 * groups + 4 * t),
    ]).flat(),
    ...inc(XA, op.i32Const(c * 4)),
    ...inc(OA, op.i32Const(c * 4)),
    ...inc(I, op.i32Const(1)),
    op.br(0),
    op.end,
    op.end,
  ];
  return assemble([
    {
      name: 'biasAdd',
      params: ['i32', 'i32', 'i32', 'i32'],
      locals: ['i32', ...Array<'v128'>(groups).fill('v128'), ...Array<'f32'>(tail).fill('f32')],
      body,
    },
  ]);
}

type BiasAdd = (x: number, bias: number, out: number, pixels: number) => void;

const modules = new Map<number, WasmModule | null>();
const instances = new WeakMap<WasmMemory, Map<number, BiasAdd>>();

/** The bias-add kernel for `c` channels on `memory`, or undefined (no SIMD, or too many channels). */
export function biasAddKernel(memory: WasmMemory, c: number): BiasAdd | undefined {
  if (c < 1 || c > MAX_BIAS_CHANNELS) return undefined;
  if (!modules.has(c)) {
    const bytes = biasModule(c);
    modules.set(c, wasmApi.validate(bytes) ? new wasmApi.Module(bytes) : null);
  }
  const mod = modules.get(c);
  if (!mod) return undefined;
  let byC = instances.get(memory);
  if (!byC) instances.set(memory, (byC = new Map()));
  let f = byC.get(c);
  if (!f) {
    f = new wasmApi.Instance(mod, { env: { memory } }).exports['biasAdd'] as BiasAdd;
    byC.set(c, f);
  }
  return f;
}
