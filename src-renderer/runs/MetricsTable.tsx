import type { MetricLine } from './compare-lines';

interface Props {
  readonly caption: string;
  readonly runs: readonly { readonly name: string; readonly colour: string }[];
  readonly lines: readonly MetricLine[];
  /** What the delta column means ("against <first run>"), read by screen readers with each delta. */
  readonly deltaHint: string;
}

/** The selected runs' figures side by side, each later run with its change against the first. */
export function MetricsTable({ caption, runs, lines, deltaHint }: Props) {
  return (
    <table className="rv-metrics" data-testid="compare-metrics">
      <caption className="tp-h">{caption}</caption>
      <thead>
        <tr>
          <td />
          {runs.map((run, i) => (
            <th key={i} scope="col">
              <span className="rv-swatch" style={{ background: run.colour }} aria-hidden="true" />
              {run.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.id} data-testid={`metric-${line.id}`}>
            <th scope="row">{line.label}</th>
            {line.cells.map((cell, i) => (
              <td key={i}>
                {cell.text}
                {cell.delta && (
                  <span className={`rv-delta rv-delta--${cell.delta.tone}`} title={deltaHint} data-testid="metric-delta">
                    {cell.delta.text}
                  </span>
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
