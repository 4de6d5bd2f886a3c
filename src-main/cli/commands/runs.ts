import { parseArgs } from 'node:util';
import { translator } from '../../../src-shared/i18n/catalog';
import { formatBytesApprox, formatCountApprox, formatNumber } from '../../../src-shared/i18n/format';
import type { RunManifest, StoredRun } from '../../../src-shared/runs/manifest';
import { diffGraphs, isEmptyDiff, type GraphDiff } from '../../../src-shared/runs/graph-diff';
import { diffLines, diffTotals } from '../../../src-shared/i18n/run-diff-text';
import { compareRuns, type ComparedMetric, type MetricRow } from '../../../src-shared/runs/run-compare';
import { RunStore, RunStoreError } from '../../runs/store';
import { runsBeside } from '../../runs/locations';
import { CliError, usage } from '../errors';
import { resolveFrom, type CliIo } from '../io';

const USAGE =
  'usage: runs <project> [--json] | runs <project> --compare A B [C…] [--json] | runs <project> --delete ID | runs <project> --rename ID NAME';

const t = translator('en', 'experiments');

/** A run named on the command line: its id, or a prefix of exactly one run's name (or id). */
function findRun(runs: readonly RunManifest[], key: string): RunManifest {
  const exact = runs.find((r) => r.id === key);
  if (exact) return exact;
  const byName = runs.filter((r) => r.name.startsWith(key));
  const candidates = byName.length > 0 ? byName : runs.filter((r) => r.id.startsWith(key));
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0) throw new CliError(`no run is named or numbered '${key}'`);
  throw new CliError(`'${key}' names ${candidates.length} runs: ${candidates.map((r) => `${r.name} [${r.id}]`).join(', ')}`);
}

const pct = (x: number | null) => (x === null ? t('row.none') : `${(x * 100).toFixed(2)}%`);

/** The local date and time of an ISO time, to the minute. */
function when(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** One run as the list shows it: name and id, then its figures labelled as the app's run list labels them. */
function runLines(r: RunManifest): string[] {
  const s = r.settings;
  const settings = t('row.settings', {
    optimizer: s.optimizer,
    lr: String(s.learningRate),
    batch: s.batchSize,
    epochs: t('row.epochs', { n: s.epochs }),
    dataset: s.dataset,
  });
  const network = t('row.network', { layers: r.network.layers, params: formatCountApprox('en', r.network.totalParams) });
  return [
    `${r.name}  [${r.id}]`,
    `  ${t('col.when')}: ${when(r.createdAt)}   ${t('col.status')}: ${t(`status.${r.status}`)}   ${t('col.size')}: ${formatBytesApprox('en', r.sizeBytes)}`,
    `  ${t('col.network')}: ${network}   ${t('col.settings')}: ${settings}`,
    `  ${t('col.bestVal')}: ${pct(r.metrics.bestValAccuracy)}   ${t('col.test')}: ${pct(r.metrics.testAccuracy)}`,
  ];
}

const PERCENT_METRICS: readonly ComparedMetric[] = ['bestValAccuracy', 'testAccuracy', 'trainAccuracy'];

/** A metric's value as the compare table shows it. */
function metricText(metric: ComparedMetric, v: number | null): string {
  if (v === null) return t('row.none');
  if (PERCENT_METRICS.includes(metric)) return pct(v);
  if (metric === 'durationSeconds') return `${formatNumber('en', v, 1)} s`;
  if (metric === 'testLoss' || metric === 'trainLoss') return formatNumber('en', v, 4);
  return formatCountApprox('en', v);
}

/** A delta with its sign: percentage points for accuracies. */
function deltaText(metric: ComparedMetric, d: number | null): string {
  if (d === null) return '';
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  if (PERCENT_METRICS.includes(metric)) return ` (${t('compare.points', { value: `${sign}${(Math.abs(d) * 100).toFixed(2)}` })})`;
  return ` (${sign}${metricText(metric, Math.abs(d))})`;
}

function metricLines(rows: readonly MetricRow[]): string[] {
  return rows.map((row) => {
    const cells = row.values.map((v, i) => `${metricText(row.metric, v)}${deltaText(row.metric, row.deltas[i] ?? null)}`);
    return `  ${t(`metric.${row.metric}`).padEnd(30)} ${cells.join('   ')}`;
  });
}

function diffText(before: StoredRun, after: StoredRun, diff: GraphDiff): string[] {
  const lines = [`${t('diff.title')}: ${t('diff.pair', { before: before.manifest.name, after: after.manifest.name })}`];
  if (isEmptyDiff(diff)) lines.push(`  ${t('diff.same')}`);
  for (const l of diffLines('en', t, diff))
    lines.push(`  ${t(`diff.${l.kind}`)} ${l.name} (${l.layerKind})${l.details.length > 0 ? `: ${l.details.join('; ')}` : ''}`);
  const totals = diffTotals('en', t, diff);
  lines.push(`  ${totals.params}`, `  ${totals.macs}`);
  return lines;
}

/** `runs <project> …`: lists, compares, renames or deletes the runs recorded beside a project (by `train --record`). */
export async function runsCommand(argv: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      compare: { type: 'boolean', default: false },
      delete: { type: 'string' },
      rename: { type: 'string' },
    },
  });
  const [file, ...rest] = positionals;
  const actions = [values.compare, values.delete !== undefined, values.rename !== undefined].filter(Boolean).length;
  if (!file || actions > 1) throw usage(USAGE);
  const store = new RunStore(runsBeside(resolveFrom(io, file)));
  try {
    const { runs, unreadable, totalBytes } = await store.list();
    for (const id of unreadable) io.err(`warning: run ${id} cannot be read (damaged, or written by another version of Convas)`);
    if (values.delete !== undefined || values.rename !== undefined) {
      const target = findRun(runs, (values.delete ?? values.rename)!);
      if (values.delete !== undefined) {
        if (rest.length > 0) throw usage(USAGE);
        await store.delete(target.id);
        io.out(`deleted run ${target.name} [${target.id}] (${formatBytesApprox('en', target.sizeBytes)})`);
      } else {
        const name = rest.join(' ').trim();
        if (!name || name.length > 200) throw usage(USAGE);
        await store.rename(target.id, name);
        io.out(`renamed run [${target.id}] to ${name}`);
      }
      return;
    }
    if (values.compare) {
      if (rest.length < 2) throw usage(USAGE);
      const chosen = await Promise.all(rest.map(async (key) => store.read(findRun(runs, key).id)));
      const rows = compareRuns(chosen.map((r) => r.manifest));
      const [base, ...others] = chosen;
      const diffs = others.map((o) => diffGraphs(base!.graph, o.graph));
      if (values.json) {
        io.out(JSON.stringify({ runs: chosen.map((r) => r.manifest), metrics: rows, diffs }));
        return;
      }
      io.out(chosen.map((r, i) => `${i + 1}. ${r.manifest.name}  [${r.manifest.id}]`).join('\n'));
      io.out(`${t('compare.metrics')} (${t('compare.deltaHint')}):`);
      io.out(metricLines(rows).join('\n'));
      for (const [i, o] of others.entries()) io.out(diffText(base!, o, diffs[i]!).join('\n'));
      return;
    }
    if (rest.length > 0) throw usage(USAGE);
    if (values.json) {
      io.out(JSON.stringify({ dir: store.dir, runs, totalBytes }));
      return;
    }
    if (runs.length === 0) {
      io.out(`no runs recorded beside ${file} (train ${file} --record records one in ${store.dir})`);
      return;
    }
    io.out(`${t('list.total', { n: runs.length, size: formatBytesApprox('en', totalBytes) })} — ${store.dir}`);
    for (const r of runs) io.out(runLines(r).join('\n'));
  } catch (e) {
    if (e instanceof RunStoreError) throw new CliError(e.message);
    throw e;
  }
}
