/**
 * Binary framing of protocol messages for byte streams (the browser-mode WebSocket): a JSON
 * header in which every typed array is replaced by a reference, followed by the arrays' raw
 * bytes, 4-byte aligned so a Float32Array can view them without copying.
 *
 *   [u32 LE header length][header UTF-8][pad to 4][blob 0][pad][blob 1]…
 */

type BlobType = 'f32' | 'u8';
interface BlobRef {
  readonly $bin: number;
}
interface Header {
  readonly message: unknown;
  readonly blobs: { offset: number; length: number; type: BlobType }[];
}

/** UTF-8 encoding without TextEncoder (src-shared has no DOM or Node types). */
export function utf8Encode(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/** UTF-8 decoding of well-formed input (invalid sequences become U+FFFD). */
export function utf8Decode(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    let c: number;
    let n: number;
    if (b < 0x80) [c, n] = [b, 1];
    else if (b >> 5 === 6) [c, n] = [b & 31, 2];
    else if (b >> 4 === 14) [c, n] = [b & 15, 3];
    else if (b >> 3 === 30) [c, n] = [b & 7, 4];
    else [c, n] = [0xfffd, 1];
    for (let k = 1; k < n; k++) c = (c << 6) | ((bytes[i + k] ?? 0) & 63);
    s += String.fromCodePoint(c > 0x10ffff ? 0xfffd : c);
    i += n;
  }
  return s;
}

const align = (n: number) => (n + 3) & ~3;

/** Encodes a message (plain JSON values plus Float32Array / Uint8Array) into one binary frame. */
export function encodeFrame(message: unknown): Uint8Array {
  const arrays: (Float32Array | Uint8Array)[] = [];
  const replace = (v: unknown): unknown => {
    if (v instanceof Float32Array || v instanceof Uint8Array) {
      arrays.push(v);
      return { $bin: arrays.length - 1 } satisfies BlobRef;
    }
    if (Array.isArray(v)) return v.map(replace);
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, replace(x)]));
    return v;
  };
  const replaced = replace(message);
  let offset = 0;
  const blobs = arrays.map((a) => {
    const ref = { offset, length: a.length, type: (a instanceof Float32Array ? 'f32' : 'u8') as BlobType };
    offset = align(offset + a.byteLength);
    return ref;
  });
  const header = utf8Encode(JSON.stringify({ message: replaced, blobs } satisfies Header));
  const start = align(4 + header.length);
  const frame = new Uint8Array(start + offset);
  new DataView(frame.buffer).setUint32(0, header.length, true);
  frame.set(header, 4);
  arrays.forEach((a, i) => frame.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), start + blobs[i]!.offset));
  return frame;
}

/** Decodes a frame from encodeFrame; throws on a truncated or malformed frame (callers validate the result). */
export function decodeFrame(frame: Uint8Array): unknown {
  if (frame.byteLength < 4) throw new Error('frame too short');
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const headerLength = view.getUint32(0, true);
  if (4 + headerLength > frame.byteLength) throw new Error('frame header is truncated');
  const header = JSON.parse(utf8Decode(frame.subarray(4, 4 + headerLength))) as Header;
  const start = align(4 + headerLength);
  // Copy into a fresh aligned buffer so typed-array views are always 4-byte aligned.
  const body = frame.slice(start);
  const arrays = header.blobs.map((b) => {
    const bytes = b.type === 'f32' ? b.length * 4 : b.length;
    if (b.offset + bytes > body.byteLength) throw new Error('frame body is truncated');
    return b.type === 'f32' ? new Float32Array(body.buffer, b.offset, b.length) : new Uint8Array(body.buffer, b.offset, b.length);
  });
  const restore = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(restore);
    if (typeof v === 'object' && v !== null) {
      if ('$bin' in v && typeof (v as BlobRef).$bin === 'number') {
        const a = arrays[(v as BlobRef).$bin];
        if (!a) throw new Error('frame refers to a missing blob');
        return a;
      }
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, restore(x)]));
    }
    return v;
  };
  return restore(header.message);
}
