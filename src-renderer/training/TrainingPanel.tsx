import { useLanguageStore } from '../i18n/i18n';
import { useCallback, useEffect, useState } from 'react';
import type { EngineApi } from '../../src-shared/engine/engine-api';
import type { Graph } from '../../src-shared/graph/schema';
import type { TrainingSettings } from '../../src-shared/project/training';
import { FeatureMapViewer } from '../inspect/FeatureMapViewer';
import { useProjectStore } from '../store/project-store';
import { BatchChart, EpochCharts } from './Charts';
import { bindEngine, setTab, startRun, stopRun } from './controller';
import { useTrainingT } from './i18n-context';
import { Results } from './Results';
import { conversionOf, pictureInputOf } from './conversion';
import { DatasetView } from './DatasetView';
import { ProblemBanner, RunStatus } from './RunStatus';
import { SettingsForm } from './SettingsForm';
import { AugmentPreview } from './AugmentPreview';
import { StaleResultsNote } from './StaleResults';
import { OpenedModelNote } from './OpenedModelNote';
import { blockedReason, useTrainability } from './trainability';
import { isRunning, useTrainingStore } from './training-store';
import { RunsView } from '../runs/RunsView';
import { ResumeNote } from '../runs/ResumeNote';
import { RunsTabLabel, trainingKeeping } from '../runs/panel-hooks';
import './training.css';

export interface TrainingPanelProps {
  /** The engine link (connectEngine()); undefined when none is available: the panel says so. */
  readonly engine: EngineApi | undefined;
  /** The graph to train, read when Start is pressed. */
  readonly getGraph: () => Graph;
  readonly settings: TrainingSettings;
  onSettingsChange(settings: TrainingSettings): void;
}

/** Says before Train that (and why) this network cannot train on the chosen dataset, or on this computer. */
function TrainBlocked({ reason, dataset, tooLarge }: { reason: string; dataset: string; tooLarge: boolean }) {
  const t = useTrainingT();
  return (
    <div className="tp-problem tp-problem--warn" data-testid="train-blocked">
      <div className="tp-problem__text">
        <strong>{tooLarge ? t('trainable.memoryTitle') : t('trainable.title', { dataset })}</strong>
        <p>{reason}</p>
      </div>
    </div>
  );
}

/** Says before Train how the dataset's pictures will be fitted to the Input (resized, made grayscale or colour). */
function ConversionNote({ dataset }: { dataset: TrainingSettings['dataset'] }) {
  const t = useTrainingT();
  const graph = useProjectStore((s) => s.project.graph);
  const input = pictureInputOf(graph);
  const conversion = input ? conversionOf(dataset, input) : null;
  if (!conversion) return null;
  return (
    <div className="tp-problem tp-problem--info" data-testid="train-conversion" data-key={conversion.key}>
      {t(conversion.key, conversion.values)}
    </div>
  );
}

/**
 * Training: settings, Start/Stop, live charts, test results with the confusion matrix and the
 * misclassified images; and a second tab with the feature-map viewer.
 */
export function TrainingPanel({ engine, getGraph, settings, onSettingsChange }: TrainingPanelProps) {
  const translate = useTrainingT();
  const language = useLanguageStore((s) => s.language);
  useEffect(() => bindEngine(engine), [engine]);
  const trainability = useTrainability(settings);
  const reason = blockedReason(translate, language, trainability);
  const status = useTrainingStore((s) => s.status);
  const tab = useTrainingStore((s) => s.tab);
  const link = useTrainingStore((s) => s.link);
  const running = isRunning(status);
  const [maximized, setMaximized] = useState(false);
  const dirMissing = settings.dataset === 'directory' && !settings.dataDir?.trim();
  const canStart = !!engine && !running && link !== 'closed' && !dirMissing && reason === null;

  const start = useCallback(() => {
    if (engine) startRun(engine, getGraph(), settings, useProjectStore.getState().project.name, trainingKeeping());
  }, [engine, getGraph, settings]);
  const stop = useCallback(() => {
    if (engine) stopRun(engine);
  }, [engine]);

  return (
    <>
      <section
        className={`tp${maximized ? ' tp--max' : ''}`}
        data-testid="training-panel"
        lang={language}
        data-status={status}
        aria-label={translate('panel.label')}
      >
        <header className="tp-head">
          <div className="tp-tabs" role="tablist">
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'training'}
              className={`tp-tab${tab === 'training' ? ' is-active' : ''}`}
              data-testid="tab-training"
              onClick={() => setTab('training')}
            >
              {translate('tab.training')}
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'featuremaps'}
              className={`tp-tab${tab === 'featuremaps' ? ' is-active' : ''}`}
              data-testid="tab-featuremaps"
              onClick={() => setTab('featuremaps')}
            >
              {translate('tab.featuremaps')}
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'runs'}
              className={`tp-tab${tab === 'runs' ? ' is-active' : ''}`}
              data-testid="tab-runs"
              onClick={() => setTab('runs')}
            >
              <RunsTabLabel />
            </button>
          </div>
          <span className="tp-spacer" />
          <button
            type="button"
            className="btn btn--primary"
            data-testid="btn-train"
            disabled={!canStart}
            title={reason ?? translate('run.startTip')}
            onClick={start}
          >
            <span aria-hidden="true">▶</span> {translate('run.start')}
          </button>
          <button
            type="button"
            className="btn btn--danger-ghost"
            data-testid="btn-stop"
            disabled={status !== 'training' && status !== 'starting'}
            title={translate('run.stopTip')}
            onClick={stop}
          >
            <span aria-hidden="true">■</span> {status === 'stopping' ? translate('run.stopping') : translate('run.stop')}
          </button>
          <button
            type="button"
            className="btn btn--ghost btn--small btn--icon"
            data-testid="btn-maximize"
            aria-pressed={maximized}
            title={translate(maximized ? 'panel.restore' : 'panel.maximize')}
            aria-label={translate(maximized ? 'panel.restore' : 'panel.maximize')}
            onClick={() => setMaximized((m) => !m)}
          >
            {maximized ? '⤡' : '⤢'}
          </button>
        </header>
        {!engine && <div className="tp-problem tp-problem--info">{translate('run.noEngine')}</div>}
        <ProblemBanner engine={engine} />
        <OpenedModelNote />
        {reason !== null && !running && (
          <TrainBlocked
            reason={reason}
            dataset={translate(`settings.dataset.${settings.dataset}`)}
            tooLarge={!trainability.ok && trainability.kind === 'too-large'}
          />
        )}
        {reason === null && !running && <ConversionNote dataset={settings.dataset} />}
        {tab === 'training' ? (
          <div className="tp-body tp-train">
            <aside className="tp-side">
              <SettingsForm settings={settings} disabled={running} onChange={onSettingsChange} />
              <AugmentPreview engine={engine} getGraph={getGraph} settings={settings} />
            </aside>
            <div className="tp-main">
              <StaleResultsNote />
              <ResumeNote />
              <RunStatus />
              <DatasetView engine={engine} getGraph={getGraph} settings={settings} />
              <div className="tp-chart-row">
                <EpochCharts />
                <BatchChart />
              </div>
              <Results />
            </div>
          </div>
        ) : tab === 'runs' ? (
          <div className="tp-body">
            <RunsView engine={engine} settings={settings} />
          </div>
        ) : (
          <div className="tp-body">
            <FeatureMapViewer />
          </div>
        )}
      </section>
    </>
  );
}
