import { fmt } from './format';

export interface WindowBox {
  /** Top-left corner in padded coordinates (0 = the first padding row/column). */
  readonly top: number;
  readonly left: number;
  readonly h: number;
  readonly w: number;
}

/**
 * A small matrix drawn as cells, with its zero padding around it (hatched) and the sliding
 * window outlined. Cells inside the window are tinted; `dimPadInWindow` marks padding cells
 * that do not count (pooling).
 */
export function PaddedGrid(props: {
  values: readonly (readonly number[])[];
  padTop: number;
  padBottom: number;
  padLeft: number;
  padRight: number;
  window: WindowBox | null;
  cell: number;
  testId: string;
  padTip: string;
  /** Pooling: padding cells are shown empty, since they never count. */
  padLabel?: string;
  highlight?: (r: number, c: number) => boolean;
}) {
  const h = props.values.length;
  const w = props.values[0]?.length ?? 0;
  const rows = props.padTop + h + props.padBottom;
  const cols = props.padLeft + w + props.padRight;
  const gap = 3;
  const step = props.cell + gap;
  const win = props.window;
  const inWindow = (r: number, c: number) => !!win && r >= win.top && r < win.top + win.h && c >= win.left && c < win.left + win.w;
  return (
    <div
      className="lx-pgrid"
      data-testid={props.testId}
      data-rows={rows}
      data-cols={cols}
      style={{ width: cols * step - gap, height: rows * step - gap }}
    >
      <div
        className="lx-pgrid__cells"
        style={{ gridTemplateColumns: `repeat(${cols}, ${props.cell}px)`, gridAutoRows: `${props.cell}px`, gap }}
      >
        {Array.from({ length: rows }, (_, r) =>
          Array.from({ length: cols }, (_, c) => {
            const ir = r - props.padTop;
            const ic = c - props.padLeft;
            const isPad = ir < 0 || ir >= h || ic < 0 || ic >= w;
            const v = isPad ? 0 : props.values[ir]![ic]!;
            const on = inWindow(r, c);
            const hl = !isPad && props.highlight?.(ir, ic);
            return (
              <div
                key={`${r}-${c}`}
                className={`lx-gcell${isPad ? ' lx-gcell--pad' : ''}${on ? ' lx-gcell--in' : ''}${hl ? ' lx-gcell--hl' : ''}`}
                data-pad={isPad || undefined}
                title={isPad ? props.padTip : `[${ir}][${ic}]`}
              >
                {isPad ? (props.padLabel ?? '0') : fmt(v)}
              </div>
            );
          }),
        )}
      </div>
      {win && (
        <div
          className="lx-pgrid__window"
          aria-hidden="true"
          style={{
            width: win.w * step - gap + 6,
            height: win.h * step - gap + 6,
            transform: `translate(${win.left * step - 3}px, ${win.top * step - 3}px)`,
          }}
        />
      )}
    </div>
  );
}
