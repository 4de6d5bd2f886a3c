/**
 * A picture file's bytes as the viewer sends them to the engine. Most files go as they are; a
 * large one (a phone photo) is first scaled down in the page, because browser mode's server takes
 * messages of at most 4 MiB (src-main/server/limits.ts) and the engine resizes it to the Input anyway.
 */

/** Files up to this size are sent as they are (below the server's 4 MiB message limit, with room for the command around them). */
export const SEND_AS_IS_BYTES = 3 * 1024 * 1024;

/** The longer side a large picture is scaled down to before it is sent: far above any Input Convas trains. */
export const SHRINK_TO = 1024;

/** The size a width×height picture is scaled down to so its longer side is at most `max` (never up). */
export function shrunkSize(width: number, height: number, max: number = SHRINK_TO): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

// The browser's picture decoding, typed structurally: tests import this module under Node, without the DOM library.
interface Bitmap {
  readonly width: number;
  readonly height: number;
  close(): void;
}
interface Canvas {
  getContext(kind: '2d'): { drawImage(image: Bitmap, x: number, y: number, w: number, h: number): void } | null;
  convertToBlob(options: { type: string }): Promise<Blob>;
}
interface PictureApi {
  createImageBitmap?: (file: Blob) => Promise<Bitmap>;
  OffscreenCanvas?: new (width: number, height: number) => Canvas;
}

/** The bytes to send for `file`, or undefined when it is too large to send and the browser cannot read it as a picture. */
export async function pictureBytes(file: Blob): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (file.size <= SEND_AS_IS_BYTES) return new Uint8Array(await file.arrayBuffer());
  const api = globalThis as PictureApi;
  if (!api.createImageBitmap || !api.OffscreenCanvas) return undefined;
  let bitmap: Bitmap;
  try {
    bitmap = await api.createImageBitmap(file);
  } catch {
    return undefined;
  }
  const { width, height } = shrunkSize(bitmap.width, bitmap.height);
  const canvas = new api.OffscreenCanvas(width, height);
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const png = await canvas.convertToBlob({ type: 'image/png' });
  return new Uint8Array(await png.arrayBuffer());
}
