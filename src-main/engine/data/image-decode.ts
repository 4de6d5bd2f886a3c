// Pictures to bytes at a model's input size: sharp (libvips) decodes PNG, JPEG, WebP and GIF;
// libvips's prebuilt binaries have no BMP loader, so bmp-ts decodes BMP and sharp resizes it.
import sharp, { type Sharp } from 'sharp';
import { decode as decodeBmp } from 'bmp-ts';

// libvips's operation cache keeps recent images for reuse; decoding thousands of different files
// never reuses one, so it would only hold memory.
sharp.cache(false);

/** The size and colour model every picture is brought to: the model Input's height × width × channels. */
export interface PictureSize {
  readonly height: number;
  readonly width: number;
  readonly channels: 1 | 3;
}

/** The picture formats Convas reads. */
export type PictureFormat = 'png' | 'jpeg' | 'webp' | 'gif' | 'bmp';

/** Why a file gave no picture. */
export type UnusableReason = 'empty' | 'not-image' | 'corrupt';

/** A file that is not a picture Convas reads, with the reason and the decoder's own words. */
export class UnusablePictureError extends Error {
  override readonly name = 'UnusablePictureError';

  constructor(
    readonly reason: UnusableReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

/**
 * The format a file's first bytes announce, or null. Files are judged by content, not by name: a
 * PNG saved as .jpg still reads, and sharp's other loaders (SVG, TIFF, HEIF…) are never reached.
 */
export function sniffPictureFormat(bytes: Uint8Array): PictureFormat | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, ascii('BM')) && bytes.length >= 26) return 'bmp';
  return null;
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Resizes (stretching, as Keras's image_dataset_from_directory does) and converts to the size's colour model. */
async function toSize(pipeline: Sharp, size: PictureSize): Promise<Uint8Array> {
  // Alpha is dropped rather than composited, as PIL's convert('RGB') does for Keras.
  const { data, info } = await pipeline
    .resize(size.width, size.height, { fit: 'fill' })
    .removeAlpha()
    .toColourspace(size.channels === 1 ? 'b-w' : 'srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== size.channels || data.length !== size.height * size.width * size.channels) {
    throw new Error(`sharp gave ${info.width}×${info.height}×${info.channels} instead of ${size.width}×${size.height}×${size.channels}`);
  }
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * Decodes one picture file (PNG, JPEG, WebP, GIF's first frame, BMP), turns it upright by its EXIF
 * orientation, resizes it to `size` and converts it to grayscale or RGB: height × width × channels bytes.
 * Throws UnusablePictureError for an empty file, a file that is not a picture, or a damaged one.
 */
export async function decodePicture(bytes: Uint8Array, size: PictureSize): Promise<Uint8Array> {
  if (bytes.length === 0) throw new UnusablePictureError('empty', 'the file is empty');
  const format = sniffPictureFormat(bytes);
  if (format === null) throw new UnusablePictureError('not-image', 'not a PNG, JPEG, WebP, GIF or BMP file');
  try {
    if (format === 'bmp') {
      const bmp = decodeBmp(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { toRGBA: true });
      if (!(bmp.width > 0 && bmp.height > 0) || bmp.data.length < bmp.width * bmp.height * 4) throw new Error('the BMP holds no pixels');
      // Alpha is dropped here, as for the other formats, and before resizing: sharp would premultiply
      // by it, and bmp-ts gives 24-bit BMPs an alpha of 0, which would turn every pixel black.
      const pixels = bmp.width * bmp.height;
      const rgb = Buffer.alloc(pixels * 3);
      for (let i = 0; i < pixels; i++) {
        rgb[i * 3] = bmp.data[i * 4]!;
        rgb[i * 3 + 1] = bmp.data[i * 4 + 1]!;
        rgb[i * 3 + 2] = bmp.data[i * 4 + 2]!;
      }
      return await toSize(sharp(rgb, { raw: { width: bmp.width, height: bmp.height, channels: 3 } }), size);
    }
    return await toSize(sharp(bytes, { pages: 1 }).autoOrient(), size);
  } catch (e) {
    throw new UnusablePictureError('corrupt', `${format.toUpperCase()} could not be decoded (${describe(e)})`, { cause: e });
  }
}

/** Resizes raw pixels (height × width × channels, row-major) to another size and colour model, as pictures are. */
export async function resizePixels(
  pixels: Uint8Array,
  from: { readonly height: number; readonly width: number; readonly channels: 1 | 3 },
  size: PictureSize,
): Promise<Uint8Array> {
  if (from.height === size.height && from.width === size.width && from.channels === size.channels) return pixels;
  return toSize(sharp(pixels, { raw: { width: from.width, height: from.height, channels: from.channels } }), size);
}
