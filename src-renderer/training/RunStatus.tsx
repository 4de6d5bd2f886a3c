import type { EngineApi } from '../../src-shared/engine/engine-api';
import { isRestartable } from '../engine/connect';
import { backendLine, dataLine, engineErrorText } from '../engine/engine-words';
import { useFeatureT, useLanguageStore } from '../i18n/i18n';
import { dismissProblem, restartEngine } from './controller';
import { formatDuration, formatRate } from './format';
import { useTrainingT } from './i18n-context';
import { useTrainingStore } from './training-store';

/** Progress of the run: state, epoch and batch, throughput, time left, backend and data source. */
export function RunStatus() {
  const t = useTrainingT();
  const engineT = useFeatureT('engine');
  const language = useLanguageStore((s) => s.language);
  const status = useTrainingStore((s) => s.status);
  const progress = useTrainingStore((s) => s.progress);
  const stopped = useTrainingStore((s) => s.finished?.stopped ?? false);
  const epochsTotal = useTrainingStore((s) => s.runSettings?.epochs ?? 0);
  const backend = useTrainingStore((s) => s.backend);
  const dataset = useTrainingStore((s) => s.dataset);
  const link = useTrainingStore((s) => s.link);
  const done = progress ? (progress.epoch - 1) * progress.batchesPerEpoch + progress.batch : 0;
  const total = progress ? progress.batchesPerEpoch * (epochsTotal || progress.epochs) : 0;
  const fraction = status === 'finished' && !stopped ? 1 : total > 0 ? Math.min(1, done / total) : 0;
  const label = status === 'finished' && stopped ? t('run.status.stopped') : t(`run.status.${status}`);
  const running = status === 'starting' || status === 'training' || status === 'stopping';
  const backendWhy = backend
    ? backendLine(engineT, { backend: backend.name, backendReason: backend.reason, backendChoice: backend.choice })
    : '';
  const dataWhence = dataset ? dataLine(engineT, dataset) : '';
  return (
    <div className="tp-status" data-testid="run-status" data-status={status}>
      <div className="tp-status__line">
        <span className={`tp-pill tp-pill--${status}${stopped ? ' is-stopped' : ''}`}>
          {running && <span className="tp-spinner" aria-hidden="true" />}
          {link === 'connecting' && status === 'idle' ? t('run.connecting') : label}
        </span>
        {progress && (
          <>
            <span>{t('run.epochOf', { epoch: progress.epoch, epochs: epochsTotal || progress.epochs })}</span>
            <span className="tp-muted">{t('run.batchOf', { batch: progress.batch, batches: progress.batchesPerEpoch })}</span>
            <span data-testid="samples-per-sec">{t('run.samplesPerSec', { n: formatRate(language, progress.samplesPerSec) })}</span>
            {progress.threads !== undefined && (
              <span className="tp-muted" data-testid="run-threads">
                {t('run.threads', { n: progress.threads })}
              </span>
            )}
            {running && <span data-testid="time-left">{t('run.timeLeft', { time: formatDuration(t, progress.secondsLeft) })}</span>}
          </>
        )}
      </div>
      <div className="tp-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(fraction * 100)}>
        <span style={{ width: `${fraction * 100}%` }} />
      </div>
      <dl className="tp-facts">
        <div>
          <dt>{t('run.backend')}</dt>
          <dd data-testid="backend-name" title={backendWhy}>
            {backend ? (
              <>
                <strong>{backend.name}</strong> <span className="tp-muted">— {backendWhy}</span>
              </>
            ) : (
              <span className="tp-muted">{t('run.backendUnknown')}</span>
            )}
          </dd>
        </div>
        {dataset && (
          <div>
            <dt>{t('run.dataset')}</dt>
            <dd data-testid="dataset-source" title={dataset.origin?.location ?? dataset.source}>
              <strong>{dataWhence}</strong>{' '}
              <span className="tp-muted">
                — {t('run.datasetCounts', { train: dataset.trainCount, validation: dataset.validationCount, test: dataset.testCount })}
              </span>
            </dd>
          </div>
        )}
      </dl>
    </div>
  );
}

/** The engine's last problem in words, with "Restart engine" when the engine is gone. */
export function ProblemBanner({ engine }: { engine: EngineApi | undefined }) {
  const t = useTrainingT();
  const language = useLanguageStore((s) => s.language);
  const problem = useTrainingStore((s) => s.problem);
  const link = useTrainingStore((s) => s.link);
  const crashed = problem?.code === 'engine-crashed' || link === 'closed';
  if (!problem && !crashed) return null;
  const code = problem?.code ?? 'engine-crashed';
  const canRestart = crashed && isRestartable(engine);
  return (
    <div className={`tp-problem${crashed ? ' is-crash' : ''}`} role="alert" data-testid="training-error" data-code={code}>
      <div className="tp-problem__text">
        {/* A memory refusal travels as not-trainable (so every host ends the run), but its headline is its own. */}
        <strong>{problem?.reason?.code === 'memory-budget' ? t('trainable.memoryTitle') : t(`problem.${code}`)}</strong>
        {problem && <p title={problem.detail}>{engineErrorText(language, problem)}</p>}
        {crashed && !canRestart && <p className="tp-muted">{t('problem.reload')}</p>}
      </div>
      <div className="tp-problem__actions">
        {canRestart && engine && (
          <button
            type="button"
            className="btn btn--primary btn--small"
            data-testid="btn-restart-engine"
            onClick={() => restartEngine(engine)}
          >
            {t('problem.restart')}
          </button>
        )}
        {!crashed && (
          <button type="button" className="btn btn--ghost btn--small" onClick={dismissProblem}>
            {t('problem.dismiss')}
          </button>
        )}
      </div>
    </div>
  );
}
