// The IDX format (as used by MNIST): 2 zero bytes, a type code, a rank, rank × uint32 big-endian
// dimensions, then the values. http://yann.lecun.com/exdb/mnist/ describes it.
import { readFile } from 'node:fs/promises';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { DatasetError, describeError, formatCount } from './errors';

const gunzipAsync = promisify(gunzip);

const UBYTE = 0x08;
const TYPE_NAMES: Readonly<Record<number, string>> = {
  0x08: 'unsigned byte',
  0x09: 'signed byte',
  0x0b: 'int16',
  0x0c: 'int32',
  0x0d: 'float32',
  0x0e: 'float64',
};
// Far above the 47 MB of the largest MNIST file; stops a hostile gzip from filling memory.
const MAX_DECOMPRESSED = 1 << 30;

/** Images as read from an IDX file: count × height × width bytes, row-major. */
export interface IdxImages {
  readonly data: Uint8Array;
  readonly count: number;
  readonly height: number;
  readonly width: number;
}

/** Labels as read from an IDX file: one byte per example. */
export interface IdxLabels {
  readonly data: Uint8Array;
  readonly count: number;
}

/** True if the bytes start with the gzip magic 0x1f 0x8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Decompresses gzipped bytes; leaves raw IDX bytes as they are. `file` names the file in errors. */
export async function decompressIfGzip(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  try {
    return await gunzipAsync(bytes, { maxOutputLength: MAX_DECOMPRESSED });
  } catch (e) {
    throw new DatasetError(
      'bad-gzip',
      `${file}: not a valid gzip file (${describeError(e)}) — it is damaged or incomplete; download it again`,
      { cause: e },
    );
  }
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}

function expectedMagic(rank: number): string {
  return hex((UBYTE << 8) | rank);
}

function readDims(bytes: Uint8Array, file: string, rank: number, what: string): number[] {
  if (bytes.length < 4) {
    throw new DatasetError(
      'truncated',
      `${file}: file is truncated: ${bytes.length} bytes is shorter than an IDX header — download it again`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  const type = bytes[2]!;
  const actualRank = bytes[3]!;
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    throw new DatasetError(
      'bad-magic',
      `${file}: not an IDX file (magic number ${hex(magic)}, expected ${expectedMagic(rank)} for ${what}) — check that this is the right file`,
    );
  }
  if (type !== UBYTE) {
    const name = TYPE_NAMES[type] ?? 'unknown';
    throw new DatasetError(
      'bad-type',
      `${file}: IDX values are of type 0x${type.toString(16).padStart(2, '0')} (${name}); only unsigned bytes (magic ${expectedMagic(rank)}) are supported, as in MNIST`,
    );
  }
  if (actualRank !== rank) {
    const hint = actualRank === 1 ? ' — is this a labels file?' : actualRank === 3 ? ' — is this an images file?' : '';
    throw new DatasetError(
      'bad-rank',
      `${file}: holds a rank-${actualRank} array (magic ${hex(magic)}) but ${what} files must be rank ${rank} (magic ${expectedMagic(rank)})${hint}`,
    );
  }
  const headerLength = 4 + 4 * rank;
  if (bytes.length < headerLength) {
    throw new DatasetError(
      'truncated',
      `${file}: file is truncated inside its ${headerLength}-byte header (only ${bytes.length} bytes) — download it again`,
    );
  }
  const dims: number[] = [];
  for (let i = 0; i < rank; i++) dims.push(view.getUint32(4 + 4 * i));
  return dims;
}

function checkLength(bytes: Uint8Array, file: string, dims: readonly number[], unit: string): Uint8Array {
  const headerLength = 4 + 4 * dims.length;
  const expected = dims.reduce((a, b) => a * b, 1);
  const actual = bytes.length - headerLength;
  const shape = dims.length > 1 ? `${dims.join('×')} = ${formatCount(expected)}` : formatCount(expected);
  if (actual < expected) {
    throw new DatasetError(
      'truncated',
      `${file}: file is truncated: header says ${shape} ${unit} but only ${formatCount(actual)} bytes follow — download it again`,
    );
  }
  if (actual > expected) {
    throw new DatasetError(
      'trailing-bytes',
      `${file}: ${formatCount(actual - expected)} unexpected bytes after the ${shape} ${unit} the header announces — the file is damaged or not what its header says; download it again`,
    );
  }
  // A plain Uint8Array copy, not a Buffer view: callers may hand `.buffer` to code that assumes offset 0.
  const out = new Uint8Array(expected);
  out.set(bytes.subarray(headerLength));
  return out;
}

/** Parses a decompressed IDX images file (magic 0x00000803: uint8, count × height × width). */
export function parseIdxImages(bytes: Uint8Array, file: string): IdxImages {
  const dims = readDims(bytes, file, 3, 'image');
  const [count, height, width] = dims as [number, number, number];
  if (count === 0 || height === 0 || width === 0) {
    throw new DatasetError(
      'bad-dimensions',
      `${file}: header says ${dims.join('×')} — an images file needs at least one image of at least 1×1 pixels`,
    );
  }
  return { data: checkLength(bytes, file, dims, 'pixels'), count, height, width };
}

/** Parses a decompressed IDX labels file (magic 0x00000801: uint8, count). */
export function parseIdxLabels(bytes: Uint8Array, file: string): IdxLabels {
  const dims = readDims(bytes, file, 1, 'label');
  const count = dims[0]!;
  if (count === 0) {
    throw new DatasetError('bad-dimensions', `${file}: header says 0 labels — a labels file needs at least one label`);
  }
  return { data: checkLength(bytes, file, dims, 'labels'), count };
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DatasetError('not-found', `${path}: file not found`, { cause: e });
    throw new DatasetError('not-found', `${path}: cannot read the file (${describeError(e)})`, { cause: e });
  }
}

/** Reads an images file, gzipped or raw, with every check of parseIdxImages. */
export async function readIdxImages(path: string): Promise<IdxImages> {
  return parseIdxImages(await decompressIfGzip(await readBytes(path), path), path);
}

/** Reads a labels file, gzipped or raw, with every check of parseIdxLabels. */
export async function readIdxLabels(path: string): Promise<IdxLabels> {
  return parseIdxLabels(await decompressIfGzip(await readBytes(path), path), path);
}

/** Encodes uint8 values with the given dimensions as raw (uncompressed) IDX bytes. */
export function encodeIdx(values: Uint8Array, dims: readonly number[]): Uint8Array {
  const expected = dims.reduce((a, b) => a * b, 1);
  if (values.length !== expected) throw new RangeError(`encodeIdx: ${values.length} values do not fill ${dims.join('×')}`);
  const out = new Uint8Array(4 + 4 * dims.length + values.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, (UBYTE << 8) | dims.length);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d));
  out.set(values, 4 + 4 * dims.length);
  return out;
}
