import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeFrame, encodeFrame, utf8Decode, utf8Encode } from '../../../src-shared/engine/wire';
import { engineEventSchema } from '../../../src-shared/engine/protocol';

describe('wire frames', () => {
  it('round-trips an inspection event with typed arrays as binary, not JSON lists', () => {
    const data = Float32Array.from({ length: 28 * 28 * 10 }, (_, i) => Math.sin(i));
    const event = {
      type: 'inspection',
      runId: 'r1',
      requestId: 'q',
      input: { shape: [28, 28, 1], data: new Float32Array(784).fill(0.5), min: 0.5, max: 0.5 },
      prediction: [0.1, 0.9],
      featureMaps: [{ layer: 'conv2d', kind: 'Conv2D', map: { shape: [28, 28, 10], data, min: -1, max: 1 } }],
      kernels: [],
    };
    const frame = encodeFrame(event);
    // Header plus 4 bytes per float: the numbers are not spelled out in JSON.
    expect(frame.byteLength).toBeLessThan(4 * (784 + data.length) + 1000);
    const back = engineEventSchema.parse(decodeFrame(frame));
    expect(back).toEqual(event);
  });

  it('round-trips Uint8Array and unicode text', () => {
    const msg = { text: '합성곱 → 특성 맵 🧠', pixels: Uint8Array.from([0, 255, 7]) };
    expect(decodeFrame(encodeFrame(msg))).toEqual(msg);
  });

  it('rejects truncated frames', () => {
    const frame = encodeFrame({ a: new Float32Array(100) });
    expect(() => decodeFrame(frame.subarray(0, frame.byteLength - 8))).toThrow(/truncated/);
    expect(() => decodeFrame(frame.subarray(0, 2))).toThrow(/too short/);
  });

  it('encodes UTF-8 like the platform does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const ours = utf8Encode(s);
        expect(Array.from(ours)).toEqual(Array.from(new TextEncoder().encode(s)));
        expect(utf8Decode(ours)).toBe(s);
      }),
    );
  });
});
