import type { Rect } from './fit';

/** The minimap and zoom buttons that float over the canvas, in canvas pixels: a fitted network keeps clear of them. */
export function overlaysOf(canvas: HTMLElement): Rect[] {
  const origin = canvas.getBoundingClientRect();
  return [...canvas.querySelectorAll('.react-flow__minimap, .react-flow__controls')].map((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height };
  });
}
