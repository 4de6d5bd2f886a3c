import { memo, useEffect, useRef } from 'react';

export interface CellBox {
  /** Rows/columns in data coordinates (negative inside the top/left padding). */
  readonly top: number;
  readonly left: number;
  readonly h: number;
  readonly w: number;
}

interface HeatGridProps {
  readonly height: number;
  readonly width: number;
  /** Value of cell (r, c). */
  readonly value: (r: number, c: number) => number;
  readonly min: number;
  readonly max: number;
  /** Zeros around the data, drawn hatched. */
  readonly pad?: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };
  /** Displayed size of one cell in CSS pixels. */
  readonly cell: number;
  /** The sliding window, outlined. */
  readonly window?: CellBox | null;
  /** Cells not yet computed are drawn blank (the output so far): the first `shown` in row-major order. */
  readonly shown?: number;
  readonly onPick?: (r: number, c: number) => void;
  readonly testId?: string;
  readonly label: string;
  /** Changes whenever the values change (the getter itself is not compared). */
  readonly version: string;
}

const PAD_A = [224, 231, 255];
const PAD_B = [238, 242, 255];
const BLANK = [246, 247, 249];

/**
 * A map drawn one canvas pixel per cell and scaled up crisply (grayscale: black = min, white =
 * max, as the feature-map viewer and the lecture's imshow(cmap='gray') show them), with the
 * padding hatched and the window outlined. Fast for 28×28 and bigger: no element per cell.
 */
export const HeatGrid = memo(function HeatGrid(props: HeatGridProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const pad = props.pad ?? { top: 0, bottom: 0, left: 0, right: 0 };
  const rows = pad.top + props.height + pad.bottom;
  const cols = pad.left + props.width + pad.right;
  const { value, min, max, shown } = props;

  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(cols, rows);
    const span = max - min;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const o = (r * cols + c) * 4;
        const ir = r - pad.top;
        const ic = c - pad.left;
        let rgb: number[];
        if (ir < 0 || ir >= props.height || ic < 0 || ic >= props.width) rgb = (r + c) % 2 === 0 ? PAD_A : PAD_B;
        else if (shown !== undefined && ir * props.width + ic >= shown) rgb = BLANK;
        else {
          const v = value(ir, ic);
          const g = span > 0 && Number.isFinite(v) ? Math.round(Math.max(0, Math.min(1, (v - min) / span)) * 255) : 0;
          rgb = [g, g, g];
        }
        img.data[o] = rgb[0]!;
        img.data[o + 1] = rgb[1]!;
        img.data[o + 2] = rgb[2]!;
        img.data[o + 3] = 255;
      }
    }
    ctx.putImageData(img, 0, 0);
    // Callers pass a new getter on every render; a 2-D canvas of a few hundred cells redraws in well under a millisecond.
  }, [value, props.version, props.height, props.width, rows, cols, shown, min, max, pad.top, pad.left]);

  const cell = props.cell;
  const win = props.window;
  return (
    <div
      className="lx-heat"
      style={{ width: cols * cell, height: rows * cell }}
      data-testid={props.testId}
      data-rows={props.height}
      data-cols={props.width}
    >
      <canvas
        ref={ref}
        width={cols}
        height={rows}
        className={`lx-heat__canvas${props.onPick ? ' is-clickable' : ''}`}
        style={{ width: cols * cell, height: rows * cell }}
        role="img"
        aria-label={props.label}
        onClick={
          props.onPick
            ? (e) => {
                const box = e.currentTarget.getBoundingClientRect();
                const c = Math.floor(((e.clientX - box.left) / box.width) * cols) - pad.left;
                const r = Math.floor(((e.clientY - box.top) / box.height) * rows) - pad.top;
                if (r >= 0 && r < props.height && c >= 0 && c < props.width) props.onPick?.(r, c);
              }
            : undefined
        }
      />
      {win && (
        <div
          className="lx-heat__window"
          aria-hidden="true"
          style={{
            width: win.w * cell + 4,
            height: win.h * cell + 4,
            transform: `translate(${(win.left + pad.left) * cell - 2}px, ${(win.top + pad.top) * cell - 2}px)`,
          }}
        />
      )}
    </div>
  );
});
