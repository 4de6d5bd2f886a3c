// A connection that would run through other layers (a skip connection drawn straight past the
// layers it skips) is drawn along a vertical lane beside them instead.
import type { XY } from '../store/graph-edit';

export interface Box {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The lane a connection takes: down the line x = `x` from height `top` to `bottom` (flow coordinates). */
export interface Detour {
  readonly x: number;
  readonly top: number;
  readonly bottom: number;
}

/**
 * How close a connection may pass a layer: half its shape label (about 130 px wide at 11 px
 * monospace) and a little air, so the label does not cover the layer either.
 */
export const CLEARANCE = 72;
/** How far the lane runs from the layers it passes. */
export const LANE_GAP = 84;

/**
 * The boxes sorted by their top edge, to find those a connection could pass without looking at all
 * of them (a drag rebuilds every connection's lane on each frame).
 */
export function boxIndex(boxes: readonly Box[]): (top: number, bottom: number) => readonly Box[] {
  const sorted = [...boxes].sort((a, b) => a.y - b.y);
  const tallest = Math.max(0, ...boxes.map((b) => b.height));
  /** The first index whose box's top is at least `y`. */
  const from = (y: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.y < y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (top, bottom) => sorted.slice(from(top - tallest), from(bottom));
}

/** The boxes, other than the connection's own ends, that the straight line from `a` down to `b` passes within CLEARANCE of. */
function blocking(a: XY, b: XY, boxes: readonly Box[], ends: ReadonlySet<string>): Box[] {
  const xAt = (y: number) => a.x + ((b.x - a.x) * (y - a.y)) / (b.y - a.y);
  return boxes.filter((box) => {
    if (ends.has(box.id)) return false;
    const y0 = Math.max(box.y, a.y);
    const y1 = Math.min(box.y + box.height, b.y);
    if (y1 <= y0) return false;
    const x0 = xAt(y0);
    const x1 = xAt(y1);
    return Math.max(x0, x1) > box.x - CLEARANCE && Math.min(x0, x1) < box.x + box.width + CLEARANCE;
  });
}

/**
 * The lane for a connection from `a` (its source's output point) down to `b` (the target's input
 * point) past the layers in `boxes`, or null when the straight way is clear (or the connection
 * runs upwards, where the user's own arrangement rules). The lane runs beside all layers in the
 * way, on the side that is the shorter way round, and clear of the layers it passes on that side.
 */
export function detourAround(a: XY, b: XY, boxes: readonly Box[], ends: readonly [string, string]): Detour | null {
  if (b.y - a.y < 1) return null;
  const endSet = new Set(ends);
  let inWay = blocking(a, b, boxes, endSet);
  if (inWay.length === 0) return null;
  const top = Math.min(...inWay.map((box) => box.y));
  const bottom = Math.max(...inWay.map((box) => box.y + box.height));
  const span = boxes.filter((box) => !endSet.has(box.id) && box.y < bottom && box.y + box.height > top);
  let left = Math.min(...inWay.map((box) => box.x)) - LANE_GAP;
  let right = Math.max(...inWay.map((box) => box.x + box.width)) + LANE_GAP;
  // Push each candidate lane out past any layer it would itself run through, a few times at most.
  for (let i = 0; i < 4; i++) {
    inWay = span.filter((box) => left > box.x - CLEARANCE && left < box.x + box.width + CLEARANCE);
    if (inWay.length === 0) break;
    left = Math.min(...inWay.map((box) => box.x)) - LANE_GAP;
  }
  for (let i = 0; i < 4; i++) {
    inWay = span.filter((box) => right > box.x - CLEARANCE && right < box.x + box.width + CLEARANCE);
    if (inWay.length === 0) break;
    right = Math.max(...inWay.map((box) => box.x + box.width)) + LANE_GAP;
  }
  const cost = (x: number) => Math.abs(a.x - x) + Math.abs(b.x - x);
  return { x: cost(left) <= cost(right) ? left : right, top, bottom };
}

/** The SVG path of a connection along a lane, and where its label goes (the middle of the lane). */
export function detourPath(a: XY, b: XY, lane: Detour): { path: string; labelX: number; labelY: number } {
  const y1 = Math.max(a.y + 1, lane.top);
  const y2 = Math.min(b.y - 1, lane.bottom);
  const m1 = (a.y + y1) / 2;
  const m2 = (y2 + b.y) / 2;
  const path = `M${a.x},${a.y} C${a.x},${m1} ${lane.x},${m1} ${lane.x},${y1} L${lane.x},${y2} C${lane.x},${m2} ${b.x},${m2} ${b.x},${b.y}`;
  return { path, labelX: lane.x, labelY: (y1 + y2) / 2 };
}

/**
 * A connection into a merge: a vertical S-curve like React Flow's, with its label a third of the
 * way from the source, so the labels of a merge's inputs stand apart and clear of its numbered
 * input points.
 */
export function mergeInputPath(a: XY, b: XY): { path: string; labelX: number; labelY: number } {
  const d = Math.max(Math.abs(b.y - a.y) / 2, 25);
  const c1 = { x: a.x, y: a.y + d };
  const c2 = { x: b.x, y: b.y - d };
  const t = 1 / 3;
  const u = 1 - t;
  const at = (p: number, q: number, r: number, s: number) => u * u * u * p + 3 * u * u * t * q + 3 * u * t * t * r + t * t * t * s;
  return {
    path: `M${a.x},${a.y} C${c1.x},${c1.y} ${c2.x},${c2.y} ${b.x},${b.y}`,
    labelX: at(a.x, c1.x, c2.x, b.x),
    labelY: at(a.y, c1.y, c2.y, b.y),
  };
}
