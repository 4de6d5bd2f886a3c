import { useMemo, type MouseEvent, type ReactNode } from 'react';
import { formatCount } from '../../src-shared/layers/format';
import { formatBytes, summaryText } from '../../src-shared/summary/text';
import type { Summary, SummaryRow } from '../../src-shared/summary/summary';
import { useLanguage, useT } from '../i18n/i18n';
import { analysisOf, summaryOf } from '../store/analysis';
import { useProjectStore } from '../store/project-store';
import { useUiStore } from '../store/ui-store';
import { IssueList } from './IssueList';
import { TrainingMemoryTotal } from './TrainingMemory';
import { showNodeFormula, type FormulaKind } from './show-formula';

function shapeText(shape: readonly (number | null)[]): string {
  return `(${shape.map((d) => (d === null ? 'None' : String(d))).join(', ')})`;
}

function Cell({ row, which, children }: { row: SummaryRow; which: FormulaKind; children: ReactNode }) {
  const language = useLanguage();
  const open = (e: MouseEvent<HTMLButtonElement>) => {
    e.stopPropagation();
    showNodeFormula(e.currentTarget, row.id, which, language);
  };
  return (
    <button type="button" className="link-value" data-testid={`summary-${which}-${row.name}`} onClick={open}>
      {children}
    </button>
  );
}

function Table({ summary }: { summary: Summary }) {
  const t = useT();
  const selected = useProjectStore((s) => s.selection.nodes);
  return (
    <div className="summary__tables">
      <dl className="totals">
        <div className="totals__item totals__item--main">
          <dt>{t('summary.total')}</dt>
          <dd data-testid="summary-total">{formatCount(summary.totalParams)}</dd>
          <dd className="totals__bytes">{formatBytes(summary.totalParams * 4)}</dd>
        </div>
        <div className="totals__item">
          <dt>{t('summary.trainable')}</dt>
          <dd data-testid="summary-trainable">{formatCount(summary.trainableParams)}</dd>
          <dd className="totals__bytes">{formatBytes(summary.trainableParams * 4)}</dd>
        </div>
        <div className="totals__item">
          <dt>{t('summary.nonTrainable')}</dt>
          <dd data-testid="summary-nontrainable">{formatCount(summary.nonTrainableParams)}</dd>
          <dd className="totals__bytes">{formatBytes(summary.nonTrainableParams * 4)}</dd>
        </div>
        <TrainingMemoryTotal />
      </dl>
      <table className="summary-table" data-testid="summary-table">
        <thead>
          <tr>
            <th>{t('summary.layer')}</th>
            <th>{t('summary.outputShape')}</th>
            <th className="num">{t('summary.params')}</th>
            <th className="num">{t('summary.macs')}</th>
            <th className="num">{t('summary.memory')}</th>
            {summary.functional && <th>{t('summary.connectedTo')}</th>}
          </tr>
        </thead>
        <tbody>
          {summary.layers.map((row) => (
            <tr
              key={row.id}
              data-testid={`summary-row-${row.name}`}
              className={selected.includes(row.id) ? 'is-selected' : undefined}
              onClick={() => useProjectStore.getState().select({ nodes: [row.id], edges: [] })}
            >
              <td>
                <span className="summary-table__name">{row.name}</span> <span className="summary-table__type">({row.type})</span>
              </td>
              <td className="mono">
                <Cell row={row} which="shape">
                  {shapeText(row.outputShape)}
                </Cell>
              </td>
              <td className="num mono">
                <Cell row={row} which="params">
                  {formatCount(row.params)}
                </Cell>
              </td>
              <td className="num mono">
                <Cell row={row} which="macs">
                  {formatCount(row.macs)}
                </Cell>
              </td>
              <td className="num mono">
                <Cell row={row} which="memory">
                  {formatBytes(row.memoryBytes)}
                </Cell>
              </td>
              {summary.functional && (
                <td className="mono summary-table__inbound" data-testid={`summary-inbound-${row.name}`}>
                  {row.inbound.length === 0 ? '-' : row.inbound.map((name) => <div key={name}>{name}</div>)}
                </td>
              )}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={2}>{t('summary.totals')}</td>
            <td className="num mono">{formatCount(summary.totalParams)}</td>
            <td className="num mono" data-testid="summary-total-macs">
              {formatCount(summary.totalMacs)}
            </td>
            <td className="num mono" data-testid="summary-total-memory">
              {formatBytes(summary.totalMemoryBytes)}
            </td>
            {summary.functional && <td />}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** The Keras summary with costs, or the list of problems while the graph is invalid. */
export function SummaryPanel() {
  const t = useT();
  const graph = useProjectStore((s) => s.project.graph);
  const analysis = useMemo(() => analysisOf(graph), [graph]);
  const summary = summaryOf(analysis);
  const copy = () => {
    if (!summary) return;
    void navigator.clipboard?.writeText(summaryText(summary)).then(
      () => useUiStore.getState().notify('success', t('summary.copied')),
      () => undefined,
    );
  };
  return (
    <section className="summary" aria-label={t('summary.title')} data-testid="summary-panel">
      <header className="summary__head">
        <span className="panel-title panel-title--inline">{t('summary.title')}</span>
        <span className={`badge ${summary ? 'badge--ok' : 'badge--error'}`} data-testid="summary-status">
          {summary
            ? t('status.valid')
            : analysis.issues.length === 1
              ? t('status.problem')
              : t('status.problems', { n: analysis.issues.length })}
        </span>
        <span className="summary__hint">{summary ? t('summary.hint') : ''}</span>
        <span className="spacer" />
        {summary && (
          <button type="button" className="btn btn--ghost btn--small" data-testid="btn-copy-summary" onClick={copy}>
            {t('summary.copy')}
          </button>
        )}
        <button
          type="button"
          className="btn btn--ghost btn--small btn--icon"
          aria-label={t('summary.close')}
          title={t('summary.close')}
          onClick={() => useUiStore.getState().setSummaryOpen(false)}
        >
          ×
        </button>
      </header>
      <div className="summary__body">{summary ? <Table summary={summary} /> : <IssueList issues={analysis.issues} />}</div>
    </section>
  );
}
