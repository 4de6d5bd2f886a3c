import type { Locator } from 'playwright-core';

/** A canvas's pixels as one string (to tell two drawings apart) and how many distinct colours it shows (1: blank). */
export function canvasPixels(canvas: Locator): Promise<{ key: string; colours: number }> {
  return canvas.evaluate((el) => {
    // Typed structurally: the test tsconfig has no DOM library.
    const c = el as unknown as {
      width: number;
      height: number;
      getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
    };
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return { key: Array.from(data).join(','), colours: seen.size };
  });
}

/** How many distinct colours a canvas shows: 1 means blank. */
export async function distinctPixels(canvas: Locator): Promise<number> {
  return (await canvasPixels(canvas)).colours;
}
