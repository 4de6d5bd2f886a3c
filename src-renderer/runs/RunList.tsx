import { formatBytesApprox, formatCountApprox, formatNumber, formatPercent } from '../../src-shared/i18n/format';
import { LOCALES, type Language } from '../../src-shared/i18n/language';
import type { RunManifest } from '../../src-shared/runs/manifest';
import { useLanguage } from '../i18n/i18n';
import { useUiStore } from '../store/ui-store';
import { useTrainingT } from '../training/i18n-context';
import type { TrainingT } from '../training/strings';
import { useExperimentsT, type ExperimentsT } from './i18n';
import { RunNameField } from './RunNameField';
import { deleteRun, openRunDesign, openTrainedModel, renameRun, toggleSelected } from './runs-controller';
import { useRunsStore } from './runs-store';

/** Fits the canvas to a design a run put there. */
function fitCanvas(): void {
  useUiStore.getState().requestFit();
}

/** A run's start time in the language's medium date and short time ("Dec 1, 2026, 12:15 PM"). */
function formatWhen(language: Language, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** The settings that tell runs apart: optimizer, learning rate, batch size, epochs and dataset. */
function settingsText(t: ExperimentsT, tt: TrainingT, language: Language, run: RunManifest): string {
  const s = run.settings;
  return t('row.settings', {
    optimizer: tt(`settings.optimizer.${s.optimizer}`),
    // As typed: 0.0001 must not round to 0.
    lr: String(s.learningRate),
    batch: formatNumber(language, s.batchSize, 0),
    epochs: t('row.epochs', { n: s.epochs }),
    dataset: tt(`settings.dataset.${s.dataset}`),
  });
}

/** Asks before a run's files go. */
async function confirmDelete(t: ExperimentsT, language: Language, run: RunManifest): Promise<void> {
  const ok = await useUiStore.getState().confirm({
    title: t('delete.title', { name: run.name }),
    body: t('delete.body', { size: formatBytesApprox(language, run.sizeBytes) }),
    confirm: t('delete.confirm'),
    cancel: t('delete.cancel'),
    danger: true,
  });
  if (ok) deleteRun(run.id);
}

interface RowProps {
  readonly run: RunManifest;
  readonly selected: boolean;
  /** A run is training now: continuing or reopening another must wait. */
  readonly busy: boolean;
  /** The name of the run this one continued, when it is still listed. */
  readonly resumedFrom: string | undefined;
  onContinue(id: string): void;
}

function RunRow({ run, selected, busy, resumedFrom, onContinue }: RowProps) {
  const t = useExperimentsT();
  const tt = useTrainingT();
  const language = useLanguage();
  const m = run.metrics;
  const none = t('row.none');
  const hasWeights = run.weights !== 'none';
  const running = run.status === 'running';
  return (
    <tr className={selected ? 'is-selected' : undefined} data-testid={`run-${run.id}`} data-status={run.status}>
      <td>
        <input
          type="checkbox"
          className="rv-check"
          checked={selected}
          aria-label={t('row.select', { name: run.name })}
          data-testid={`run-select-${run.id}`}
          onChange={() => toggleSelected(run.id)}
        />
      </td>
      <td>
        <RunNameField
          name={run.name}
          label={t('row.nameLabel', { name: run.name })}
          testId={`run-name-${run.id}`}
          onRename={(name) => renameRun(run.id, name)}
        />
        {resumedFrom !== undefined && <div className="rv-sub tp-muted">{t('row.resumedFrom', { name: resumedFrom })}</div>}
      </td>
      <td className="rv-when">
        <time dateTime={run.createdAt}>{formatWhen(language, run.createdAt)}</time>
      </td>
      <td>{t('row.network', { layers: run.network.layers, params: formatCountApprox(language, run.network.totalParams) })}</td>
      <td className="rv-settings">{settingsText(t, tt, language, run)}</td>
      <td
        className="rv-num"
        data-testid={`run-bestval-${run.id}`}
        title={m.bestValEpoch !== null ? t('row.bestValTip', { epoch: m.bestValEpoch }) : undefined}
      >
        {m.bestValAccuracy !== null ? formatPercent(language, m.bestValAccuracy) : none}
      </td>
      <td className="rv-num" data-testid={`run-test-${run.id}`}>
        {m.testAccuracy !== null ? formatPercent(language, m.testAccuracy) : none}
      </td>
      <td>
        <span className={`rv-status rv-status--${run.status}`} data-testid={`run-status-${run.id}`}>
          {t(`status.${run.status}`)}
        </span>
      </td>
      <td className="rv-num">{formatBytesApprox(language, run.sizeBytes)}</td>
      <td className="rv-actions-cell">
        <div className="rv-row-actions">
          <button
            type="button"
            className="btn btn--small btn--ghost"
            title={t('action.designTip')}
            data-testid={`run-design-${run.id}`}
            onClick={() => openRunDesign(run.id, fitCanvas)}
          >
            {t('action.design')}
          </button>
          <button
            type="button"
            className="btn btn--small btn--ghost"
            title={hasWeights ? t('action.modelTip') : t('action.noWeights')}
            disabled={!hasWeights || running || busy}
            data-testid={`run-open-${run.id}`}
            onClick={() => openTrainedModel(run.id, fitCanvas)}
          >
            {t('action.model')}
          </button>
          <button
            type="button"
            className="btn btn--small btn--ghost"
            title={hasWeights ? t('action.continueTip') : t('action.noWeights')}
            disabled={!hasWeights || running || busy}
            data-testid={`run-continue-${run.id}`}
            onClick={() => onContinue(run.id)}
          >
            {t('action.continue')}
          </button>
          <button
            type="button"
            className="btn btn--small btn--danger-ghost"
            title={t('action.deleteTip')}
            aria-label={`${t('action.delete')}: ${run.name}`}
            disabled={running}
            data-testid={`run-delete-${run.id}`}
            onClick={() => void confirmDelete(t, language, run)}
          >
            {t('action.delete')}
          </button>
        </div>
      </td>
    </tr>
  );
}

/** The project's stored runs, newest first: what each trained, how it did, its size; tick runs to compare them. */
export function RunList({ busy, onContinue }: { readonly busy: boolean; onContinue(id: string): void }) {
  const t = useExperimentsT();
  const runs = useRunsStore((s) => s.runs);
  const selected = useRunsStore((s) => s.selected);
  const names = new Map(runs.map((r) => [r.id, r.name]));
  return (
    <div className="rv-table-wrap">
      <table className="rv-table" data-testid="run-list" data-count={runs.length} aria-label={t('list.label')}>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('col.compare')}</span>
            </th>
            <th scope="col">{t('col.name')}</th>
            <th scope="col">{t('col.when')}</th>
            <th scope="col">{t('col.network')}</th>
            <th scope="col">{t('col.settings')}</th>
            <th scope="col">{t('col.bestVal')}</th>
            <th scope="col">{t('col.test')}</th>
            <th scope="col">{t('col.status')}</th>
            <th scope="col">{t('col.size')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('col.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <RunRow
              key={run.id}
              run={run}
              selected={selected.includes(run.id)}
              busy={busy}
              resumedFrom={run.resumedFrom ? names.get(run.resumedFrom.id) : undefined}
              onContinue={onContinue}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
