// A layout check that runs in the page: visible text that is clipped, spills out of its box,
// lies outside the window, or overlaps other text or boxes. The test tsconfig has no DOM
// library, so the few DOM shapes it uses are typed structurally here.
import type { Page } from 'playwright-core';

/** One part of the window to check. */
export interface LayoutScope {
  /** A name for the failure message, e.g. 'toolbar'. */
  readonly name: string;
  /** CSS selector of the part's root elements (every match is checked). */
  readonly root: string;
  /** Boxes that must not overlap one another (e.g. node cards), besides the text. */
  readonly boxes?: string;
  /** Elements floating over the part that its boxes must not be under (e.g. the minimap). */
  readonly obstacles?: string;
  /**
   * The root scrolls vertically (the canvas: a network taller than a readable fit is scrolled):
   * what its top or bottom edge cuts is a scroll away; what its left or right edge cuts is clipped.
   */
  readonly scrollsVertically?: boolean;
}

/** One element the check found wrong. */
export interface LayoutOffender {
  readonly scope: string;
  readonly problem: 'clipped' | 'spills' | 'outside' | 'overlap';
  /** The element (and, for overlaps, the other one), described by test id, class and text. */
  readonly element: string;
  readonly detail: string;
}

interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly width: number;
  readonly height: number;
}
interface El {
  readonly tagName: string;
  readonly className: unknown;
  readonly childNodes: ArrayLike<{ readonly nodeType: number; readonly textContent: string | null }>;
  readonly parentElement: El | null;
  readonly scrollWidth: number;
  readonly clientWidth: number;
  readonly scrollHeight: number;
  readonly clientHeight: number;
  readonly textContent: string | null;
  readonly value?: unknown;
  readonly type?: unknown;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): Box;
  contains(other: El): boolean;
  querySelectorAll(selector: string): ArrayLike<El>;
}
interface Style {
  readonly display: string;
  readonly visibility: string;
  readonly opacity: string;
  readonly overflowX: string;
  readonly overflowY: string;
  readonly textOverflow: string;
  readonly webkitLineClamp: string;
  readonly position: string;
}
interface PageGlobals {
  readonly document: { querySelectorAll(selector: string): ArrayLike<El> };
  readonly innerWidth: number;
  readonly innerHeight: number;
  getComputedStyle(el: El): Style;
}

/**
 * Runs in the page (self-contained: page.evaluate sends its source). For every scope: text elements
 * (elements with text of their own, and text inputs) must not be clipped (wider or taller than
 * their box with no ellipsis or line clamp), spill out of their box, be cut by a non-scrolling
 * ancestor or the window, or overlap another text element; `boxes` must not overlap one another
 * nor lie under `obstacles`.
 */
export function findLayoutOffenders(scopes: readonly LayoutScope[]): LayoutOffender[] {
  const g = globalThis as unknown as PageGlobals;
  const out: LayoutOffender[] = [];
  const TOLERANCE = 1;
  const describe = (el: El): string => {
    const id = el.getAttribute('data-testid');
    const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const text = (typeof el.value === 'string' && el.value ? el.value : (el.textContent ?? '')).replace(/\s+/g, ' ').trim().slice(0, 60);
    return `<${el.tagName.toLowerCase()}${id ? ` data-testid="${id}"` : ''}${cls}> "${text}"`;
  };
  const round = (b: Box) => `[${Math.round(b.left)},${Math.round(b.top)} ${Math.round(b.width)}×${Math.round(b.height)}]`;
  const overlapArea = (a: Box, b: Box) =>
    Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
  const visible = (el: El): boolean => {
    const b = el.getBoundingClientRect();
    if (b.width < 1 || b.height < 1) return false;
    for (let e: El | null = el; e; e = e.parentElement) {
      const s = g.getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return false;
    }
    return true;
  };
  const ownText = (el: El): boolean => {
    if (el.tagName === 'INPUT')
      return (el.type === 'text' || el.type === 'search') && typeof el.value === 'string' && el.value.trim() !== '';
    if (el.tagName === 'SELECT' || el.tagName === 'TEXTAREA' || el.tagName === 'OPTION') return false;
    for (let i = 0; i < el.childNodes.length; i++) {
      const n = el.childNodes[i]!;
      if (n.nodeType === 3 && (n.textContent ?? '').trim() !== '') return true;
    }
    return false;
  };

  for (const scope of scopes) {
    const roots = Array.from(g.document.querySelectorAll(scope.root)).filter(visible);
    for (const root of roots) {
      const texts = Array.from(root.querySelectorAll('*')).filter((el) => ownText(el) && visible(el));
      const shown: { el: El; box: Box }[] = [];
      for (const el of texts) {
        const box = el.getBoundingClientRect();
        const s = g.getComputedStyle(el);
        const inline = s.display === 'inline';
        // Cut by an ancestor that does not scroll, or hidden by one that does (then it is a scroll away: skip it).
        let cutBy: El | null = null;
        let scrolledAway = false;
        let truncated = false;
        for (let a = el.parentElement; a; a = a.parentElement) {
          const as = g.getComputedStyle(a);
          const clips = as.overflowX !== 'visible' || as.overflowY !== 'visible';
          const pans = scope.scrollsVertically === true && a === root;
          if (!clips && !pans) continue;
          const ab = a.getBoundingClientRect();
          const insideX = box.left >= ab.left - TOLERANCE && box.right <= ab.right + TOLERANCE;
          const insideY = box.top >= ab.top - TOLERANCE && box.bottom <= ab.bottom + TOLERANCE;
          if (insideX && insideY) continue;
          if (/auto|scroll/.test(as.overflowX + as.overflowY) || (pans && insideX)) {
            scrolledAway = true;
            break;
          }
          // Text cut by a box that ends it in an ellipsis (or a line clamp) is truncated as designed.
          if (as.textOverflow === 'ellipsis' || (as.webkitLineClamp !== 'none' && as.webkitLineClamp)) truncated = true;
          else cutBy = a;
          break;
        }
        if (scrolledAway) continue;
        shown.push({ el, box });
        const ellipsis = s.textOverflow === 'ellipsis';
        const clamped = s.webkitLineClamp !== 'none' && s.webkitLineClamp !== '' && s.webkitLineClamp !== undefined;
        if (!inline && el.scrollWidth > el.clientWidth + TOLERANCE && !ellipsis) {
          const hidden = s.overflowX !== 'visible';
          out.push({
            scope: scope.name,
            problem: hidden ? 'clipped' : 'spills',
            element: describe(el),
            detail: `scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}`,
          });
        } else if (!inline && el.scrollHeight > el.clientHeight + TOLERANCE && s.overflowY !== 'visible' && !clamped) {
          out.push({
            scope: scope.name,
            problem: 'clipped',
            element: describe(el),
            detail: `scrollHeight ${el.scrollHeight} > clientHeight ${el.clientHeight}`,
          });
        } else if (cutBy) {
          out.push({
            scope: scope.name,
            problem: 'clipped',
            element: describe(el),
            detail: `${round(box)} cut by ${describe(cutBy).slice(0, 80)} ${round(cutBy.getBoundingClientRect())}`,
          });
        } else if (
          !truncated &&
          (box.left < -TOLERANCE || box.top < -TOLERANCE || box.right > g.innerWidth + TOLERANCE || box.bottom > g.innerHeight + TOLERANCE)
        ) {
          out.push({
            scope: scope.name,
            problem: 'outside',
            element: describe(el),
            detail: `${round(box)} outside the ${g.innerWidth}×${g.innerHeight} window`,
          });
        }
      }
      for (let i = 0; i < shown.length; i++)
        for (let j = i + 1; j < shown.length; j++) {
          const a = shown[i]!;
          const b = shown[j]!;
          if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
          if (overlapArea(a.box, b.box) > TOLERANCE * 4)
            out.push({
              scope: scope.name,
              problem: 'overlap',
              element: `${describe(a.el)} and ${describe(b.el)}`,
              detail: `${round(a.box)} ∩ ${round(b.box)}`,
            });
        }
      if (scope.boxes) {
        const boxes = Array.from(root.querySelectorAll(scope.boxes)).filter(visible);
        const obstacles = scope.obstacles ? Array.from(root.querySelectorAll(scope.obstacles)).filter(visible) : [];
        for (let i = 0; i < boxes.length; i++) {
          const a = boxes[i]!.getBoundingClientRect();
          for (let j = i + 1; j < boxes.length; j++) {
            const b = boxes[j]!.getBoundingClientRect();
            if (boxes[i]!.contains(boxes[j]!) || boxes[j]!.contains(boxes[i]!)) continue;
            if (overlapArea(a, b) > TOLERANCE * 4)
              out.push({
                scope: scope.name,
                problem: 'overlap',
                element: `${describe(boxes[i]!)} and ${describe(boxes[j]!)}`,
                detail: `${round(a)} ∩ ${round(b)}`,
              });
          }
          for (const o of obstacles) {
            const b = o.getBoundingClientRect();
            if (overlapArea(a, b) > TOLERANCE * 4)
              out.push({
                scope: scope.name,
                problem: 'overlap',
                element: `${describe(boxes[i]!)} under ${describe(o)}`,
                detail: `${round(a)} ∩ ${round(b)}`,
              });
          }
        }
      }
    }
  }
  return out;
}

/** The checks of issue 8: the toolbar, node cards with their call-outs and edge labels, the training panel. */
export const APP_SCOPES: readonly LayoutScope[] = [
  { name: 'toolbar', root: '[data-testid="toolbar"]' },
  {
    name: 'canvas',
    root: '[data-testid="canvas"] .react-flow',
    boxes: '.layer-node, .layer-node__error, .edge-label',
    obstacles: '.react-flow__minimap, .react-flow__controls',
    scrollsVertically: true,
  },
  { name: 'training', root: '[data-testid="training-panel"]' },
];

/** Runs the check in the page. esbuild may wrap inner functions in `__name(...)`; the page gets a stand-in. */
export function layoutOffenders(page: Page, scopes: readonly LayoutScope[] = APP_SCOPES): Promise<LayoutOffender[]> {
  return page.evaluate(`(() => { const __name = (f) => f; return (${findLayoutOffenders.toString()})(${JSON.stringify(scopes)}); })()`);
}

/** The offenders as lines for a failure message. */
export function formatOffenders(offenders: readonly LayoutOffender[]): string {
  return offenders.map((o) => `${o.scope}: ${o.problem} ${o.element} — ${o.detail}`).join('\n');
}
