// Pictures written by the tests themselves (with sharp, and bmp-ts for BMP): solid colours and
// simple patterns of any size, in every format Convas reads, plus files that are not pictures.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import sharp from 'sharp';
import { encode as encodeBmp } from 'bmp-ts';

export type Rgb = readonly [number, number, number];
export type WrittenFormat = 'png' | 'jpeg' | 'webp' | 'gif' | 'bmp';

/** Raw RGB pixels of a picture: `paint(x, y)` gives each pixel's colour. */
export function rgbPixels(width: number, height: number, paint: (x: number, y: number) => Rgb): Buffer {
  const out = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = paint(x, y);
      out.set([r, g, b], (y * width + x) * 3);
    }
  }
  return out;
}

/** Encodes RGB pixels in `format`; `gray` stores a single-channel picture (not BMP). */
export async function encodePicture(
  pixels: Buffer,
  width: number,
  height: number,
  format: WrittenFormat,
  options: { gray?: boolean } = {},
): Promise<Buffer> {
  if (format === 'bmp') {
    // bmp-ts takes ABGR bytes.
    const abgr = Buffer.alloc(width * height * 4);
    for (let i = 0; i < width * height; i++) abgr.set([255, pixels[i * 3 + 2]!, pixels[i * 3 + 1]!, pixels[i * 3]!], i * 4);
    return encodeBmp({ width, height, data: abgr, bitPP: 24 }).data;
  }
  let image = sharp(pixels, { raw: { width, height, channels: 3 } });
  if (options.gray) image = image.toColourspace('b-w');
  if (format === 'jpeg') return image.jpeg({ quality: 95 }).toBuffer();
  if (format === 'png') return image.png().toBuffer();
  if (format === 'webp') return image.webp({ lossless: true }).toBuffer();
  return image.gif().toBuffer();
}

/** Writes a solid-colour picture of `width`×`height` to `path` (folders made as needed). */
export async function writeSolid(
  path: string,
  color: Rgb,
  format: WrittenFormat,
  size: { width: number; height: number } = { width: 16, height: 16 },
  options: { gray?: boolean } = {},
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(
    path,
    await encodePicture(
      rgbPixels(size.width, size.height, () => color),
      size.width,
      size.height,
      format,
      options,
    ),
  );
}

/** An animated GIF whose frames are the colours given, in order. */
export async function animatedGif(colors: readonly Rgb[], size = 8): Promise<Buffer> {
  const frames = Buffer.concat(colors.map((c) => rgbPixels(size, size, () => c)));
  return sharp(frames, { raw: { width: size, height: size * colors.length, channels: 3, pageHeight: size } })
    .gif()
    .toBuffer();
}

const FORMATS: readonly WrittenFormat[] = ['png', 'jpeg', 'webp', 'gif', 'bmp'];
const EXT: Readonly<Record<WrittenFormat, string>> = { png: 'png', jpeg: 'jpg', webp: 'webp', gif: 'gif', bmp: 'bmp' };

/**
 * Writes `count` pictures of one class into `dir`: the class colour plus a little noise, cycling
 * through the five formats and several sizes, some stored as grayscale. Returns the file names.
 */
export async function writeClass(dir: string, color: Rgb, count: number, seed = 1): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const format = FORMATS[(i + seed) % FORMATS.length]!;
    const width = 12 + ((i * 7 + seed) % 21);
    const height = 10 + ((i * 5 + seed) % 17);
    const jitter = (x: number, y: number, k: number) =>
      Math.max(0, Math.min(255, color[k]! + (((x * 31 + y * 17 + i * 13 + k) % 21) - 10)));
    const pixels = rgbPixels(width, height, (x, y) => [jitter(x, y, 0), jitter(x, y, 1), jitter(x, y, 2)]);
    const name = `img_${String(i).padStart(3, '0')}.${EXT[format]}`;
    await mkdir(dir, { recursive: true });
    await writeFile(`${dir}/${name}`, await encodePicture(pixels, width, height, format));
    names.push(name);
  }
  return names;
}
