import { memo, useMemo, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartLegend } from '../training/ChartLegend';
import { formatLoss } from '../training/format';
import { usePercent } from '../training/i18n-context';
import { useExperimentsT } from './i18n';
import { batchOverlay, epochOverlay, seriesKey, type BatchCurvePoint, type EpochCurvePoint, type OverlayRow } from './overlay';

/** One run as the compare charts draw it. */
export interface ChartRun {
  readonly name: string;
  readonly colour: string;
  readonly epochs: readonly EpochCurvePoint[];
  readonly batches: readonly BatchCurvePoint[];
}

const AXIS = { fontSize: 11, fill: '#5d6679' };
const CHART_HEIGHT = 190;
/** Per-batch points drawn per run: enough for the shape, few enough for several runs at once. */
const BATCH_POINTS_PER_RUN = 300;

type Metric = 'loss' | 'accuracy';
type Axis = 'epoch' | 'batch';

function formatTick(v: number): string {
  return Number(v.toPrecision(3)).toString();
}

interface OverlayChartProps {
  readonly rows: readonly OverlayRow[];
  readonly runs: readonly ChartRun[];
  readonly metric: Metric;
  readonly axis: Axis;
  readonly caption: string;
}

/** Loss or accuracy of every run on one chart: training solid, validation dashed, one colour per run. */
const OverlayChart = memo(function OverlayChart({ rows, runs, metric, axis, caption }: OverlayChartProps) {
  const t = useExperimentsT();
  const percent = usePercent();
  const format = metric === 'loss' ? formatLoss : (v: number) => percent(v);
  const validation = metric === 'loss' ? 'valLoss' : 'valAccuracy';
  const maxX = rows.length ? rows[rows.length - 1]!.x : 1;
  const series = runs.flatMap((run, i) => {
    const lines = [
      { key: seriesKey(metric, i), name: axis === 'epoch' ? t('compare.seriesTrain', { run: run.name }) : run.name, run, dashed: false },
    ];
    if (axis === 'epoch' && rows.some((r) => seriesKey(validation, i) in r))
      lines.push({ key: seriesKey(validation, i), name: t('compare.seriesValidation', { run: run.name }), run, dashed: true });
    return lines;
  });
  return (
    <figure className="tp-chart" data-testid={`compare-chart-${axis}-${metric}`} data-series={series.length}>
      <figcaption>{caption}</figcaption>
      <LineChart
        responsive
        data={rows as OverlayRow[]}
        style={{ width: '100%', height: CHART_HEIGHT }}
        margin={{ top: 6, right: 14, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke="#eef0f3" />
        <XAxis
          dataKey="x"
          type="number"
          domain={axis === 'epoch' ? [1, Math.max(2, maxX)] : [0, Math.max(1, Math.ceil(maxX))]}
          allowDecimals={axis === 'batch'}
          tickFormatter={formatTick}
          tick={AXIS}
        />
        <YAxis
          width={48}
          tick={AXIS}
          domain={metric === 'accuracy' ? [0, 1] : [0, 'auto']}
          tickFormatter={(v: number) => (metric === 'accuracy' ? percent(v, 0) : formatTick(v))}
        />
        <Tooltip
          formatter={(v) => (typeof v === 'number' ? format(v) : String(v))}
          labelFormatter={(l) => t('compare.atEpoch', { x: formatTick(Number(l)) })}
          isAnimationActive={false}
        />
        <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={null} content={(p) => <ChartLegend payload={p.payload} />} />
        {series.map((s) => (
          <Line
            key={s.key}
            type="linear"
            dataKey={s.key}
            name={s.name}
            stroke={s.run.colour}
            strokeWidth={axis === 'epoch' ? 2 : 1.3}
            strokeDasharray={s.dashed ? '5 3' : undefined}
            dot={axis === 'epoch' ? { r: 2.5 } : false}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </figure>
  );
});

/** The selected runs' loss and accuracy overlaid, per epoch or per batch (on an axis in epochs, so batch sizes line up). */
export function CompareCharts({ runs }: { readonly runs: readonly ChartRun[] }) {
  const t = useExperimentsT();
  const [axis, setAxis] = useState<Axis>('epoch');
  const rows = useMemo(
    () =>
      axis === 'epoch'
        ? epochOverlay(runs.map((r) => r.epochs))
        : batchOverlay(
            runs.map((r) => r.batches),
            BATCH_POINTS_PER_RUN,
          ),
    [axis, runs],
  );
  return (
    <section className="rv-charts" aria-label={t('compare.curves')}>
      <div className="rv-charts__head">
        <h3 className="tp-h">{t('compare.curves')}</h3>
        <div className="rv-toggle" role="group" aria-label={t('compare.axis')}>
          {(['epoch', 'batch'] as const).map((a) => (
            <button
              key={a}
              type="button"
              aria-pressed={axis === a}
              className={`rv-toggle__item${axis === a ? ' is-active' : ''}`}
              data-testid={`compare-axis-${a}`}
              onClick={() => setAxis(a)}
            >
              {t(a === 'epoch' ? 'compare.perEpoch' : 'compare.perBatch')}
            </button>
          ))}
        </div>
      </div>
      <div className="tp-charts">
        <OverlayChart
          rows={rows}
          runs={runs}
          metric="loss"
          axis={axis}
          caption={t(axis === 'epoch' ? 'compare.lossPerEpoch' : 'compare.lossPerBatch')}
        />
        <OverlayChart
          rows={rows}
          runs={runs}
          metric="accuracy"
          axis={axis}
          caption={t(axis === 'epoch' ? 'compare.accuracyPerEpoch' : 'compare.accuracyPerBatch')}
        />
      </div>
    </section>
  );
}
