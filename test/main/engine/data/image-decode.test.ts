import { describe, expect, it } from 'vitest';
import {
  decodePicture,
  resizePixels,
  sniffPictureFormat,
  UnusablePictureError,
  type PictureSize,
} from '../../../../src-main/engine/data/image-decode';
import { animatedGif, encodePicture, rgbPixels, type Rgb, type WrittenFormat } from './picture-helpers';

const FORMATS: readonly WrittenFormat[] = ['png', 'jpeg', 'webp', 'gif', 'bmp'];

/** Left half red, right half blue: a picture whose layout a wrong row or channel order would break. */
const halves = (width: number, height: number) => rgbPixels(width, height, (x) => (x < width / 2 ? [255, 0, 0] : [0, 0, 255]));

async function rejection(p: Promise<unknown>): Promise<UnusablePictureError> {
  const e = await p.then(
    () => new Error('expected the picture to be refused'),
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(UnusablePictureError);
  return e as UnusablePictureError;
}

/** The colour of pixel (x, y) of an RGB result. */
const at = (px: Uint8Array, width: number, x: number, y: number): Rgb => {
  const i = (y * width + x) * 3;
  return [px[i]!, px[i + 1]!, px[i + 2]!];
};

describe('sniffPictureFormat', () => {
  it('knows the five formats by their first bytes, whatever the file is called, and nothing else', async () => {
    for (const f of FORMATS) expect(sniffPictureFormat(await encodePicture(halves(4, 4), 4, 4, f))).toBe(f);
    expect(sniffPictureFormat(new TextEncoder().encode('hello, world'))).toBeNull();
    expect(sniffPictureFormat(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffPictureFormat(new Uint8Array(0))).toBeNull();
  });
});

describe('decodePicture', () => {
  it('decodes every format to RGB at the size asked, keeping left and right, rows and channels in place', async () => {
    const size: PictureSize = { height: 6, width: 8, channels: 3 };
    for (const format of FORMATS) {
      // 40×30 pictures shrunk to 8×6: red stays left, blue right (JPEG within its loss).
      const px = await decodePicture(await encodePicture(halves(40, 30), 40, 30, format), size);
      expect(px.length, format).toBe(6 * 8 * 3);
      const tolerance = format === 'jpeg' ? 40 : 1;
      for (const y of [0, 5]) {
        at(px, 8, 0, y).forEach((v, k) => expect(Math.abs(v - [255, 0, 0][k]!), `${format} left`).toBeLessThanOrEqual(tolerance));
        at(px, 8, 7, y).forEach((v, k) => expect(Math.abs(v - [0, 0, 255][k]!), `${format} right`).toBeLessThanOrEqual(tolerance));
      }
    }
  });

  it('brings any size up or down to the Input, and converts colour to grayscale and grayscale to colour', async () => {
    const gray: PictureSize = { height: 28, width: 28, channels: 1 };
    for (const format of FORMATS) {
      const small = await encodePicture(
        rgbPixels(3, 5, () => [200, 200, 200]),
        3,
        5,
        format,
      );
      const px = await decodePicture(small, gray);
      expect(px.length).toBe(784);
      for (const v of px) expect(Math.abs(v - 200), format).toBeLessThanOrEqual(3);
    }
    // A picture stored with one channel comes back as three equal ones.
    for (const format of ['png', 'jpeg', 'webp'] as const) {
      const stored = await encodePicture(
        rgbPixels(10, 10, () => [90, 90, 90]),
        10,
        10,
        format,
        { gray: true },
      );
      const rgb = await decodePicture(stored, { height: 4, width: 4, channels: 3 });
      for (let i = 0; i < 16; i++) {
        const [r, g, b] = at(rgb, 4, i % 4, Math.floor(i / 4));
        expect(r).toBe(g);
        expect(g).toBe(b);
        expect(Math.abs(r - 90), format).toBeLessThanOrEqual(3);
      }
    }
    // Pure red and pure blue are different grays: colour really is weighed, not one channel copied.
    const red = await decodePicture(
      await encodePicture(
        rgbPixels(4, 4, () => [255, 0, 0]),
        4,
        4,
        'png',
      ),
      { height: 1, width: 1, channels: 1 },
    );
    const blue = await decodePicture(
      await encodePicture(
        rgbPixels(4, 4, () => [0, 0, 255]),
        4,
        4,
        'png',
      ),
      { height: 1, width: 1, channels: 1 },
    );
    expect(red[0]).toBeGreaterThan(0);
    expect(blue[0]).toBeGreaterThan(0);
    expect(red[0]).not.toBe(blue[0]);
  });

  it("takes a GIF's first frame", async () => {
    const px = await decodePicture(
      await animatedGif([
        [255, 0, 0],
        [0, 0, 255],
        [0, 255, 0],
      ]),
      { height: 2, width: 2, channels: 3 },
    );
    expect(at(px, 2, 1, 1)).toEqual([255, 0, 0]);
  });

  it('refuses an empty file, a file that is not a picture, and a damaged one, saying which', async () => {
    const size: PictureSize = { height: 4, width: 4, channels: 3 };
    expect((await rejection(decodePicture(new Uint8Array(0), size))).reason).toBe('empty');
    expect((await rejection(decodePicture(new TextEncoder().encode('name,label\na,1\n'), size))).reason).toBe('not-image');
    const png = await encodePicture(halves(64, 64), 64, 64, 'png');
    const cut = await rejection(decodePicture(png.subarray(0, png.length / 2), size));
    expect(cut.reason).toBe('corrupt');
    expect(cut.message).toMatch(/^PNG could not be decoded/);
    const bmp = await encodePicture(halves(8, 8), 8, 8, 'bmp');
    expect((await rejection(decodePicture(bmp.subarray(0, 30), size))).reason).toBe('corrupt');
    // A JPEG header and nothing after it.
    expect((await rejection(decodePicture(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), size))).reason).toBe('corrupt');
  });
});

describe('resizePixels', () => {
  it('returns pixels already of the size as they are, and resizes and converts others as pictures are', async () => {
    const px = new Uint8Array(32 * 32 * 3).fill(120);
    const same = { height: 32, width: 32, channels: 3 } as const;
    expect(await resizePixels(px, same, same)).toBe(px);
    const gray = await resizePixels(px, same, { height: 28, width: 28, channels: 1 });
    expect(gray.length).toBe(784);
    for (const v of gray) expect(Math.abs(v - 120)).toBeLessThanOrEqual(2);
    const drawing = new Uint8Array(784).fill(255);
    const colour = await resizePixels(drawing, { height: 28, width: 28, channels: 1 }, { height: 14, width: 14, channels: 3 });
    expect(colour.length).toBe(14 * 14 * 3);
    expect(colour.every((v) => v === 255)).toBe(true);
  });
});
