import type { LegendPayload } from 'recharts';

/**
 * The charts' legend: a coloured line and the series name. Recharts's own legend labels its
 * icons "… legend icon" in English for screen readers; these swatches are decorative instead.
 */
export function ChartLegend(props: { readonly payload?: readonly LegendPayload[] }) {
  return (
    <ul className="chart-legend">
      {(props.payload ?? []).map((item) => (
        <li key={String(item.value)} className="chart-legend__item">
          <span className="chart-legend__swatch" style={{ background: item.color }} aria-hidden="true" />
          {String(item.value)}
        </li>
      ))}
    </ul>
  );
}
