import { useEffect, useMemo } from 'react';
import type { RunManifest, StoredRun } from '../../src-shared/runs/manifest';
import { useLanguage } from '../i18n/i18n';
import { useTrainingT } from '../training/i18n-context';
import { CompareCharts, type ChartRun } from './CompareCharts';
import { metricLines } from './compare-lines';
import { GraphDiffView } from './GraphDiffView';
import { useExperimentsT } from './i18n';
import { MetricsTable } from './MetricsTable';
import { runColour } from './overlay';
import { readRuns } from './runs-controller';
import { batchCurveOf } from './stored-run';

/** The runs ticked for comparison (two or more, the first the baseline): curves overlaid, figures with deltas, design changes. */
export function CompareView({
  runs,
  stored,
}: {
  readonly runs: readonly RunManifest[];
  readonly stored: Readonly<Record<string, StoredRun>>;
}) {
  const t = useExperimentsT();
  const tt = useTrainingT();
  const language = useLanguage();
  const ids = runs.map((r) => r.id).join('\n');
  useEffect(() => readRuns(ids.split('\n')), [ids]);
  const records = runs.map((r) => stored[r.id]);
  const ready = records.every((r) => r !== undefined);
  const chartRuns = useMemo<ChartRun[]>(
    () =>
      runs.flatMap((run, i) => {
        const record = stored[run.id];
        return record
          ? [{ name: run.name, colour: runColour(i), epochs: record.curves.epochs, batches: batchCurveOf(record.manifest, record.curves) }]
          : [];
      }),
    [runs, stored],
  );
  const lines = metricLines(runs, { language, t, tt });
  const baseline = runs[0]!;
  const baseRecord = stored[baseline.id];
  return (
    <section className="rv-compare" data-testid="compare-view" data-runs={runs.length} aria-label={t('compare.title')}>
      <div className="rv-head">
        <h3 className="tp-h">{t('compare.title')}</h3>
        <span className="rv-head__total">{t('compare.baseline', { name: baseline.name })}</span>
      </div>
      {ready ? <CompareCharts runs={chartRuns} /> : <p className="tp-muted">{t('compare.loading')}</p>}
      <div className="rv-compare__grid">
        <MetricsTable
          caption={t('compare.metrics')}
          runs={runs.map((r, i) => ({ name: r.name, colour: runColour(i) }))}
          lines={lines}
          deltaHint={t('compare.deltaHint')}
        />
        {baseRecord && (
          <div className="rv-diff">
            <h4 className="tp-h">{t('diff.title')}</h4>
            {runs.slice(1).map((run, i) => {
              const record = stored[run.id];
              return record ? (
                <GraphDiffView
                  key={run.id}
                  index={i + 1}
                  before={{ name: baseline.name, graph: baseRecord.graph }}
                  after={{ name: run.name, graph: record.graph }}
                />
              ) : null;
            })}
          </div>
        )}
      </div>
    </section>
  );
}
