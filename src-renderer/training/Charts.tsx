import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { usePercent, useTrainingT } from './i18n-context';
import { formatLoss } from './format';
import { ChartLegend } from './ChartLegend';
import { isRunning, useTrainingStore, type BatchPoint, type EpochPoint } from './training-store';

const TRAIN = '#4f46e5';
const VALIDATION = '#dc6803';
const AXIS = { fontSize: 11, fill: '#5d6679' };
const CHART_HEIGHT = 170;

/** Axis ticks: 0.6, 1.2, 2.4 — no trailing zeros. */
function formatTick(v: number): string {
  return Number(v.toPrecision(3)).toString();
}

/** A round step (1, 2, 5, 10, 20, 50…) that gives at most `count` ticks up to `max`. */
function niceStep(max: number, count: number): number {
  const raw = Math.max(1, max / count);
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
}

function epochTicks(max: number): number[] {
  const step = niceStep(max, 8);
  const ticks = [1];
  for (let e = step; e <= max; e += step) if (e > 1) ticks.push(e);
  return ticks;
}

/** A chart's own message while it has no points, placed over its plot (not over its neighbours). */
function EmptyChart({ message }: { message: string | null }) {
  return message ? (
    <div className="tp-chart__empty" data-testid="chart-empty">
      {message}
    </div>
  ) : null;
}

interface EpochChartProps {
  readonly data: readonly EpochPoint[];
  readonly epochs: number;
  readonly metric: 'loss' | 'accuracy';
  /** Shown over the plot while there are no points. */
  readonly empty: string | null;
}

const EpochChart = memo(function EpochChart({ data, epochs, metric, empty }: EpochChartProps) {
  const t = useTrainingT();
  const percent = usePercent();
  const valKey = metric === 'loss' ? 'valLoss' : 'valAccuracy';
  const format = metric === 'loss' ? formatLoss : (v: number) => percent(v);
  const hasValidation = data.some((d) => d[valKey] !== null);
  const max = Math.max(epochs, data.length ? data[data.length - 1]!.epoch : 1, 1);
  return (
    <figure className="tp-chart">
      <figcaption>{t(metric === 'loss' ? 'chart.epochLoss' : 'chart.epochAccuracy')}</figcaption>
      <LineChart
        responsive
        data={data as EpochPoint[]}
        style={{ width: '100%', height: CHART_HEIGHT }}
        margin={{ top: 6, right: 14, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke="#eef0f3" />
        <XAxis
          dataKey="epoch"
          type="number"
          domain={max > 1 ? [1, max] : [0, 2]}
          ticks={epochTicks(max)}
          allowDecimals={false}
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
          labelFormatter={(l) => `${t('chart.epoch')} ${String(l)}`}
          isAnimationActive={false}
        />
        <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={null} content={(p) => <ChartLegend payload={p.payload} />} />
        <Line
          type="monotone"
          dataKey={metric}
          name={t('chart.train')}
          stroke={TRAIN}
          strokeWidth={2}
          dot={{ r: 3 }}
          isAnimationActive={false}
        />
        {hasValidation && (
          <Line
            type="monotone"
            dataKey={valKey}
            name={t('chart.validation')}
            stroke={VALIDATION}
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
            connectNulls
          />
        )}
      </LineChart>
      <EmptyChart message={empty} />
    </figure>
  );
});

/** Loss and accuracy per epoch, training and validation. */
export function EpochCharts() {
  const t = useTrainingT();
  const data = useTrainingStore((s) => s.epochs);
  const status = useTrainingStore((s) => s.status);
  // While running the axis spans the planned epochs; afterwards the ones that ran.
  const epochs = useTrainingStore((s) => (isRunning(s.status) ? (s.runSettings?.epochs ?? 0) : 0));
  const running = isRunning(status);
  // Each chart says it on its own, so no message straddles two charts.
  const empty = data.length > 0 ? null : running ? t('chart.waitEpoch') : t('chart.empty');
  return (
    <div className="tp-charts" data-testid="chart-epoch" data-points={data.length}>
      <EpochChart data={data} epochs={epochs} metric="loss" empty={empty} />
      <EpochChart data={data} epochs={epochs} metric="accuracy" empty={empty} />
    </div>
  );
}

/** The running loss (and accuracy) of the epoch, per batch, over the whole run. */
export function BatchChart() {
  const t = useTrainingT();
  const percent = usePercent();
  const running = useTrainingStore((s) => isRunning(s.status));
  const data = useTrainingStore((s) => s.batchChart);
  const perEpoch = useTrainingStore((s) => s.progress?.batchesPerEpoch ?? 0);
  const epochs = useTrainingStore((s) => (isRunning(s.status) ? (s.runSettings?.epochs ?? 0) : 0));
  const total = perEpoch * epochs;
  const last = data.length ? data[data.length - 1]!.step : 0;
  const shownEpochs = Math.ceil(Math.max(total, last) / Math.max(perEpoch, 1));
  const ticks =
    perEpoch > 0 && shownEpochs > 1 && shownEpochs <= 10 ? Array.from({ length: shownEpochs + 1 }, (_, i) => i * perEpoch) : undefined;
  return (
    <figure className="tp-chart tp-chart--batch" data-testid="chart-batch" data-points={data.length}>
      <figcaption>{t('chart.batchLoss')}</figcaption>
      <LineChart
        responsive
        data={data as BatchPoint[]}
        style={{ width: '100%', height: CHART_HEIGHT }}
        margin={{ top: 6, right: 14, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke="#eef0f3" />
        <XAxis dataKey="step" type="number" domain={[0, Math.max(total, last, 1)]} ticks={ticks} tick={AXIS} allowDecimals={false} />
        <YAxis yAxisId="loss" width={48} tick={AXIS} domain={[0, 'auto']} tickFormatter={formatTick} />
        <YAxis yAxisId="acc" orientation="right" width={40} tick={AXIS} domain={[0, 1]} tickFormatter={(v: number) => percent(v, 0)} />
        <Tooltip
          formatter={(v, _name, item) => (typeof v === 'number' ? (item.dataKey === 'accuracy' ? percent(v) : formatLoss(v)) : String(v))}
          labelFormatter={(l) => `${t('chart.batch')} ${String(l)}`}
          isAnimationActive={false}
        />
        <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={null} content={(p) => <ChartLegend payload={p.payload} />} />
        <Line
          yAxisId="loss"
          type="linear"
          dataKey="loss"
          name={t('chart.loss')}
          stroke={TRAIN}
          strokeWidth={1.5}
          dot={false}
          isAnimationActive={false}
        />
        <Line
          yAxisId="acc"
          type="linear"
          dataKey="accuracy"
          name={t('chart.accuracy')}
          stroke="#079455"
          strokeWidth={1.2}
          strokeOpacity={0.7}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
      <EmptyChart message={data.length > 0 ? null : running ? t('chart.waitBatch') : t('chart.empty')} />
    </figure>
  );
}
