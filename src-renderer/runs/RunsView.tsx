import { useEffect } from 'react';
import type { EngineApi } from '../../src-shared/engine/engine-api';
import type { TrainingSettings } from '../../src-shared/project/training';
import { formatBytesApprox } from '../../src-shared/i18n/format';
import { engineErrorText } from '../engine/engine-words';
import { useLanguage } from '../i18n/i18n';
import { useProjectStore } from '../store/project-store';
import { useUiStore } from '../store/ui-store';
import { startRun } from '../training/controller';
import { isRunning, useTrainingStore } from '../training/training-store';
import { CompareView } from './CompareView';
import { continueRun } from './continue-run';
import { useExperimentsT } from './i18n';
import { RunList } from './RunList';
import { refreshRuns } from './runs-controller';
import { selectedRuns, useRunsStore } from './runs-store';
import './runs.css';

interface Props {
  readonly engine: EngineApi | undefined;
  /** The settings in the Training tab: "Continue training" trains with them. */
  readonly settings: TrainingSettings;
}

/** Where the listed runs are kept, in words. */
function WhereNote() {
  const t = useExperimentsT();
  const location = useRunsStore((s) => s.location);
  if (!location) return null;
  return (
    <span className="rv-head__total" data-testid="runs-where">
      {location.kind === 'data'
        ? t('list.where.data', { collection: location.collection })
        : t('list.where.beside', { file: location.projectFile })}
    </span>
  );
}

/** The name of the run whose trained model is open, said once it is. */
function OpenedNote() {
  const t = useExperimentsT();
  const opened = useRunsStore((s) => s.opened);
  const name = useRunsStore((s) => s.runs.find((r) => r.id === s.opened?.id)?.name);
  const current = useTrainingStore((s) => s.runId !== null && s.runId === opened?.runId);
  if (!opened || !current || name === undefined) return null;
  return (
    <p className="rv-note" role="status" data-testid="run-opened-note">
      {t('opened', { name })}
    </p>
  );
}

/**
 * The Runs tab: every stored run of the project (read from the engine, so it survives a reload),
 * renamed, deleted, reopened or continued in place; tick two or more to compare them.
 */
export function RunsView({ engine, settings }: Props) {
  const t = useExperimentsT();
  const language = useLanguage();
  const projectName = useProjectStore((s) => s.project.name);
  const link = useTrainingStore((s) => s.link);
  const busy = useTrainingStore((s) => isRunning(s.status));
  const runs = useRunsStore((s) => s.runs);
  const loaded = useRunsStore((s) => s.loaded);
  const totalBytes = useRunsStore((s) => s.totalBytes);
  const selected = useRunsStore((s) => s.selected);
  const stored = useRunsStore((s) => s.stored);
  const problem = useRunsStore((s) => s.problem);
  // The list follows the project and the engine: another project (or a restarted engine) is listed afresh.
  useEffect(() => {
    if (engine && link === 'open') refreshRuns();
  }, [engine, link, projectName]);
  const compared = selectedRuns({ runs, selected });
  const onContinue = (id: string) => {
    if (!engine) return;
    continueRun(
      id,
      (graph, keeping) => startRun(engine, graph, settings, useProjectStore.getState().project.name, keeping),
      () => useUiStore.getState().requestFit(),
    );
  };
  return (
    <div className="rv" data-testid="runs-view">
      <div className="rv-head">
        <h3 className="tp-h">{t('list.title')}</h3>
        {loaded && (
          <span className="rv-head__total" data-testid="runs-total">
            {t('list.total', { n: runs.length, size: formatBytesApprox(language, totalBytes) })}
          </span>
        )}
        <WhereNote />
        <span className="tp-spacer" />
        <button
          type="button"
          className="btn btn--small btn--ghost"
          title={t('list.refreshTip')}
          disabled={!engine}
          data-testid="runs-refresh"
          onClick={() => refreshRuns()}
        >
          {t('list.refresh')}
        </button>
      </div>
      {!engine && <p className="rv-empty">{t('list.noEngine')}</p>}
      {problem && (
        <p className="rv-note rv-note--warn" role="alert" data-testid="runs-problem">
          {engineErrorText(language, problem)}
        </p>
      )}
      <OpenedNote />
      {engine && !loaded && <p className="rv-empty">{t('list.loading')}</p>}
      {loaded && runs.length === 0 && <p className="rv-empty">{t('list.empty')}</p>}
      {runs.length > 0 && <RunList busy={busy} onContinue={onContinue} />}
      {runs.length > 0 &&
        (compared.length >= 2 ? (
          <CompareView runs={compared} stored={stored} />
        ) : (
          <p className="tp-muted rv-hint" data-testid="compare-hint">
            {compared.length === 1 ? t('compare.hintOne', { name: compared[0]!.name }) : t('compare.hintNone')}
          </p>
        ))}
    </div>
  );
}
