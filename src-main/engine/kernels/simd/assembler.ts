/*
 * Just enough of a WebAssembly assembler to write a few SIMD loops by hand: functions of f32/i32
 * parameters over one imported memory, no toolchain. Opcodes follow the WebAssembly core and
 * fixed-width SIMD specifications; WebAssembly.validate checks every module this builds.
 */

export type ValueType = 'i32' | 'f32' | 'v128';

const TYPE_CODE: Record<ValueType, number> = { i32: 0x7f, f32: 0x7d, v128: 0x7b };

/** Unsigned LEB128. */
function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 (32-bit). */
function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const simd = (op: number) => [0xfd, ...uleb(op)];
/** Memory argument: alignment exponent and byte offset. */
const memarg = (align: number, offset = 0) => [align, ...uleb(offset)];

/** Instructions, each a list of bytes. */
export const op = {
  localGet: (i: number) => [0x20, ...uleb(i)],
  localSet: (i: number) => [0x21, ...uleb(i)],
  localTee: (i: number) => [0x22, ...uleb(i)],
  i32Const: (n: number) => [0x41, ...sleb(n)],
  f32Const: (x: number) => [0x43, ...new Uint8Array(new Float32Array([x]).buffer)],
  i32Add: [0x6a],
  i32Sub: [0x6b],
  i32Mul: [0x6c],
  i32Shl: [0x74],
  i32LtU: [0x49],
  i32GtU: [0x4b],
  /** select: [a, b, cond] → cond ? a : b */
  select: [0x1b],
  i32GeU: [0x4f],
  /** block with no result */
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, ...uleb(depth)],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
  f32Load: (offset = 0) => [0x2a, ...memarg(2, offset)],
  f32Store: (offset = 0) => [0x38, ...memarg(2, offset)],
  f32Add: [0x92],
  f32Mul: [0x94],
  v128Load: (offset = 0) => [...simd(0x00), ...memarg(0, offset)],
  v128Store: (offset = 0) => [...simd(0x0b), ...memarg(0, offset)],
  f32x4Splat: simd(0x13),
  f32x4Eq: simd(0x41),
  v128Not: simd(0x4d),
  v128And: simd(0x4e),
  v128AndNot: simd(0x4f),
  v128Or: simd(0x50),
  f32x4Sqrt: simd(0xe3),
  f32x4Add: simd(0xe4),
  f32x4Sub: simd(0xe5),
  f32x4Mul: simd(0xe6),
  f32x4Div: simd(0xe7),
} as const;

export interface FunctionDef {
  readonly name: string;
  readonly params: readonly ValueType[];
  /** Extra locals, numbered after the parameters. */
  readonly locals: readonly ValueType[];
  readonly body: readonly (readonly number[])[];
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

function vector(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

const name = (s: string) => [...uleb(s.length), ...new TextEncoder().encode(s)];

/** A module importing memory env.memory and exporting `functions` (no results). */
export function assemble(functions: readonly FunctionDef[]): Uint8Array<ArrayBuffer> {
  const types = functions.map((f) => [0x60, ...vector(f.params.map((p) => [TYPE_CODE[p]])), 0]);
  const imports = [[...name('env'), ...name('memory'), 0x02, 0x00, 0x00]];
  const exports = functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]);
  const bodies = functions.map((f) => {
    const locals = vector(f.locals.map((l) => [1, TYPE_CODE[l]]));
    const code = [...locals, ...f.body.flat(), ...op.end];
    return [...uleb(code.length), ...code];
  });
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, vector(types)),
    ...section(2, vector(imports)),
    ...section(3, vector(functions.map((_, i) => uleb(i)))),
    ...section(7, vector(exports)),
    ...section(10, vector(bodies)),
  ]);
}

/** The WebAssembly JavaScript API this engine uses (its types live in the DOM library, which the engine does not load). */
export interface WasmApi {
  validate(bytes: Uint8Array<ArrayBuffer>): boolean;
  readonly Module: new (bytes: Uint8Array<ArrayBuffer>) => WasmModule;
  readonly Instance: new (module: WasmModule, imports: { env: { memory: WasmMemory } }) => { readonly exports: Record<string, unknown> };
  readonly Memory: new (descriptor: { initial: number }) => WasmMemory;
}
export type WasmModule = object;
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}

export const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
