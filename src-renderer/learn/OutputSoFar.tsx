import type { ReactNode } from 'react';
import { Card } from './controls';
import { fmt } from './format';
import { stepOf, type GridPosition } from './positions';
import { useLearnT } from './strings';

/**
 * "Output so far": every output cell of the lab, filled in up to the current step (the values
 * are computed once; a step only reveals them). Clicking a cell jumps to it. `row` lays a single
 * 1-D output out as one strip, `grid` each map as a grid under its label.
 */
export function OutputSoFar(props: {
  /** maps[map][row][col]. */
  maps: readonly (readonly (readonly number[])[])[];
  /** The current step: cells up to it are shown, it is marked. */
  current: number;
  onPick: (step: number) => void;
  layout: 'row' | 'grid';
  /** Cell size in pixels (grid layout). */
  cell?: number;
  cellTestId: (p: GridPosition) => string;
  cellTitle: (p: GridPosition) => string;
  /** A short name of the cell (data-label), e.g. y3. */
  cellLabel?: (p: GridPosition) => string;
  mapLabel?: (map: number) => string;
  aside?: ReactNode;
}) {
  const t = useLearnT();
  const rows = props.maps[0]?.length ?? 0;
  const cols = props.maps[0]?.[0]?.length ?? 0;
  const cellOf = (map: number, row: number, col: number, v: number) => {
    const p = { map, row, col };
    const n = stepOf(p, rows, cols);
    const done = n <= props.current;
    return (
      <button
        type="button"
        key={`${row}-${col}`}
        className={`lx-cell lx-cell--out${done ? ' is-done' : ''}${n === props.current ? ' is-current' : ''}`}
        style={props.layout === 'grid' && props.cell ? { height: props.cell + 4 } : undefined}
        data-testid={props.cellTestId(p)}
        data-value={done ? v : undefined}
        data-label={props.cellLabel?.(p)}
        title={props.cellTitle(p)}
        onClick={() => props.onPick(n)}
      >
        {done ? fmt(v) : ''}
      </button>
    );
  };
  return (
    <Card title={t('lab.outputSoFar')} aside={props.aside}>
      {props.layout === 'row' ? (
        <div className="lx-outrow" data-testid="lab-output" data-length={cols}>
          {props.maps[0]?.[0]?.map((v, c) => cellOf(0, 0, c, v))}
        </div>
      ) : (
        <div className="lx-outmaps" data-testid="lab-output">
          {props.maps.map((map, k) => (
            <div className="lx-outmap" key={k} data-testid={`lab-output-f${k}`}>
              {props.mapLabel && <div className="lx-outmap__label">{props.mapLabel(k)}</div>}
              <div className="lx-outgrid" style={{ gridTemplateColumns: `repeat(${cols}, ${(props.cell ?? 36) + 6}px)` }}>
                {map.map((r, i) => r.map((v, j) => cellOf(k, i, j, v)))}
              </div>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}
