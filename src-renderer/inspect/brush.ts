/** Painting on a small grayscale grid with a soft round brush (pure: no DOM). */

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Stamps one anti-aliased disc of `radius` grid cells at `p` (grid coordinates, cell centres at .5). */
export function stamp(pixels: Uint8Array, side: number, p: Point, radius: number): void {
  const r = Math.max(0.25, radius);
  const x0 = Math.max(0, Math.floor(p.x - r - 1));
  const x1 = Math.min(side - 1, Math.ceil(p.x + r + 1));
  const y0 = Math.max(0, Math.floor(p.y - r - 1));
  const y1 = Math.min(side - 1, Math.ceil(p.y + r + 1));
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const d = Math.hypot(x + 0.5 - p.x, y + 0.5 - p.y);
      // Full ink inside the radius, fading to nothing over one cell outside it.
      const ink = Math.max(0, Math.min(1, r + 0.5 - d));
      if (ink <= 0) continue;
      const v = Math.round(ink * 255);
      const i = y * side + x;
      if (v > pixels[i]!) pixels[i] = v;
    }
  }
}

/** Paints a stroke from `from` to `to`, stamping often enough that it has no gaps. */
export function paintStroke(pixels: Uint8Array, side: number, from: Point, to: Point, radius: number): void {
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  const steps = Math.max(1, Math.ceil(length / 0.3));
  for (let s = 0; s <= steps; s++) {
    const k = s / steps;
    stamp(pixels, side, { x: from.x + (to.x - from.x) * k, y: from.y + (to.y - from.y) * k }, radius);
  }
}
