// Where the canvas looks after Arrange, opening a file or a template, and Fit view: the whole
// network inside the part of the canvas nothing covers, never smaller than readable.

/**
 * The smallest zoom at which a node's smallest text (11 px: kind, shape and parameter chips)
 * still shows at 9 px or more; a network that needs less is shown from its top and scrolled.
 */
export const READABLE_ZOOM = 0.82;

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

export interface FitInput {
  /** The nodes' bounds in flow coordinates. */
  readonly bounds: Rect;
  /** The canvas's size in screen pixels. */
  readonly width: number;
  readonly height: number;
  /** What floats over the canvas (minimap, zoom buttons), in canvas pixels: the network avoids them. */
  readonly obstacles: readonly Rect[];
  /** Screen pixels kept free around the network. */
  readonly padding: number;
  /** Below this zoom node text is too small to read: a larger network is shown from its top instead. */
  readonly minZoom: number;
  readonly maxZoom: number;
}

function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Places the bounds in a column [left, right] of the canvas: fitted and centred, or at the readable zoom from the top. */
function placeIn(input: FitInput, left: number, right: number): Viewport {
  const { bounds, height, padding, minZoom, maxZoom } = input;
  const w = Math.max(1, right - left - 2 * padding);
  const h = Math.max(1, height - 2 * padding);
  const fitted = Math.min(w / Math.max(1, bounds.width), h / Math.max(1, bounds.height), maxZoom);
  const zoom = Math.max(fitted, minZoom);
  const shownW = bounds.width * zoom;
  const shownH = bounds.height * zoom;
  // Centred when it fits; otherwise its left and top edges (the Input) come first, the rest is a scroll away.
  const x = shownW <= w ? left + padding + (w - shownW) / 2 : left + padding;
  const y = shownH <= h ? padding + (h - shownH) / 2 : padding;
  return { x: x - bounds.x * zoom, y: y - bounds.y * zoom, zoom };
}

function screenRect(bounds: Rect, v: Viewport): Rect {
  return { x: bounds.x * v.zoom + v.x, y: bounds.y * v.zoom + v.y, width: bounds.width * v.zoom, height: bounds.height * v.zoom };
}

/**
 * The viewport that shows the network best: centred on the whole canvas when that keeps it clear
 * of the minimap and buttons, else in the column between them; never below `minZoom`.
 */
export function fitViewport(input: FitInput): Viewport {
  const whole = placeIn(input, 0, input.width);
  const clear = (v: Viewport) => input.obstacles.every((o) => !intersects(screenRect(input.bounds, v), o));
  if (clear(whole)) return whole;
  // The column between the obstacles on the left half and those on the right half.
  const mid = input.width / 2;
  const left = Math.max(0, ...input.obstacles.filter((o) => o.x + o.width / 2 < mid).map((o) => o.x + o.width));
  const right = Math.min(input.width, ...input.obstacles.filter((o) => o.x + o.width / 2 >= mid).map((o) => o.x));
  return right - left > input.width / 3 ? placeIn(input, left, right) : whole;
}
