import { memo, useEffect, useMemo, useState } from 'react';
import type { EngineEventOf } from '../../src-shared/engine/protocol';
import { chooseSample, requestThumbs, useInspectStore } from '../inspect/inspect-store';
import { PixelCanvas } from '../inspect/PixelCanvas';
import { explainSample } from '../inspect/why-store';
import { channelImage } from '../inspect/tensor-image';
import { ConfusionMatrix } from './ConfusionMatrix';
import { exportTrainedModel, pickCell, setTab } from './controller';
import { fileHost } from '../files/host';
import type { HostFile } from '../files/file-host';
import { formatDuration, formatLoss } from './format';
import { useFreshness } from './freshness';
import { usePercent, useTrainingT } from './i18n-context';
import { useClassNames } from './use-class-names';
import { useTrainingStore, type CellPick } from './training-store';
import { useLanguageStore } from '../i18n/i18n';
import { divergenceText } from '../../src-shared/i18n/divergence-text';

const PAGE = 40;
const INPUT_RANGE = { min: 0, max: 1 };

type Finished = EngineEventOf<'finished'>;

/** One test image of the gallery, and its "Why?" (the same image opened with its explanation); its pixels come from an inspection of that sample. */
const Thumb = memo(function Thumb({ index, tip, caption, whyTip }: { index: number; tip: string; caption: string; whyTip: string }) {
  const t = useTrainingT();
  const view = useInspectStore((s) => s.thumbs[index]);
  const image = useMemo(() => (view ? channelImage(view, 0, INPUT_RANGE) : undefined), [view]);
  const open = () => {
    chooseSample(index);
    setTab('featuremaps');
  };
  const why = () => {
    explainSample(index);
    setTab('featuremaps');
  };
  return (
    <div className="tp-thumb-cell">
      <button type="button" className="tp-thumb" title={tip} data-testid={`misclassified-${index}`} onClick={open}>
        {image ? <PixelCanvas image={image} size={56} /> : <span className="tp-thumb__placeholder" />}
        <span className="tp-thumb__caption">
          #{index} {caption}
        </span>
      </button>
      <button type="button" className="btn btn--small btn--ghost tp-thumb__why" title={whyTip} data-testid={`why-${index}`} onClick={why}>
        {t('result.why')}
      </button>
    </div>
  );
});

function Gallery({ finished, pick }: { finished: Finished; pick: CellPick }) {
  const t = useTrainingT();
  const [limit, setLimit] = useState(PAGE);
  const classNames = useClassNames(finished.classNames, finished.classNamesWorded ?? true);
  const name = (i: number) => classNames[i] ?? String(i);
  const items = useMemo(
    () => finished.misclassified.filter((m) => m.label === pick.label && (pick.predicted === null || m.predicted === pick.predicted)),
    [finished, pick],
  );
  const row = finished.confusionMatrix[pick.label] ?? [];
  const total = pick.predicted === null ? row.reduce((a, b, p) => (p === pick.label ? a : a + b), 0) : (row[pick.predicted] ?? 0);
  const shown = useMemo(() => items.slice(0, limit), [items, limit]);
  useEffect(() => {
    requestThumbs(shown.map((m) => m.index));
  }, [shown]);
  return (
    <div className="tp-gallery" data-testid="misclassified-gallery">
      <div className="tp-gallery__head">
        <strong>
          {pick.predicted === null
            ? t('result.misclassifiedAny', { label: name(pick.label) })
            : t('result.misclassified', { label: name(pick.label), predicted: name(pick.predicted) })}
        </strong>
        <span className="tp-muted">
          {items.length === 0
            ? t('result.noneListed', { n: finished.misclassified.length })
            : t('result.shown', { shown: shown.length, total })}
        </span>
        <span className="tp-spacer" />
        <button type="button" className="btn btn--small btn--ghost" onClick={() => pickCell(null)}>
          {t('result.close')}
        </button>
      </div>
      <div className="tp-gallery__grid">
        {shown.map((m) => (
          <Thumb
            key={m.index}
            index={m.index}
            caption={pick.predicted === null ? `→ ${name(m.predicted)}` : ''}
            tip={t('result.imageTip', { index: m.index, label: name(m.label), predicted: name(m.predicted) })}
            whyTip={t('result.whyTip', { index: m.index, label: name(m.label), predicted: name(m.predicted) })}
          />
        ))}
      </div>
      {items.length > shown.length && (
        <button type="button" className="btn btn--small" onClick={() => setLimit((l) => l + PAGE)}>
          {t('result.more')}
        </button>
      )}
    </div>
  );
}

/**
 * Downloads model.json + weights.bin (loadable with tf.loadLayersModel) and the Keras JSON of the
 * trained model; when the canvas shows another network, the button says whose model it is.
 */
function ExportTrained() {
  const t = useTrainingT();
  const freshness = useFreshness();
  const name = useTrainingStore((s) => s.trainedOn?.name ?? '');
  const [state, setState] = useState<{ busy: boolean; message?: string; error?: boolean }>({ busy: false });
  const run = () => {
    setState({ busy: true });
    const failed = (e: unknown) => setState({ busy: false, error: true, message: e instanceof Error ? e.message : String(e) });
    const host = fileHost();
    const saveFiles = host.saveFiles?.bind(host);
    if (saveFiles) {
      // The desktop app asks for one folder and writes the files that belong together into it.
      const files: HostFile[] = [];
      exportTrainedModel(async (name, data) => {
        files.push({ name, data });
      })
        .then(() => saveFiles(files))
        .then(
          (saved) =>
            setState(
              saved
                ? {
                    busy: false,
                    message: saved.dir
                      ? t('result.exportedIn', { dir: saved.dir, files: saved.names.join(', ') })
                      : t('result.exportedFiles', { files: saved.names.join(', ') }),
                  }
                : { busy: false },
            ),
          failed,
        );
      return;
    }
    exportTrainedModel(async (name, data) => {
      await host.download(name, data, name.endsWith('.bin') ? 'application/octet-stream' : 'application/json');
    }).then((files) => setState({ busy: false, message: t('result.exportedFiles', { files: files.join(', ') }) }), failed);
  };
  return (
    <div className="tp-export">
      <button
        type="button"
        className="btn btn--small"
        data-testid="btn-export-trained"
        data-freshness={freshness}
        disabled={state.busy}
        onClick={run}
      >
        {state.busy ? t('result.exporting') : freshness === 'current' ? t('result.exportTrained') : t('result.exportPrevious', { name })}
      </button>
      {state.message && (
        <span className={state.error ? 'tp-error-text' : 'tp-muted'} data-testid="export-trained-status">
          {state.message}
        </span>
      )}
    </div>
  );
}

/** Why a run that finished did not learn (chance accuracy, an exploded loss), in the user's language. */
function DivergenceNote({ warning }: { warning: NonNullable<Finished['warning']> }) {
  const t = useTrainingT();
  const language = useLanguageStore((s) => s.language);
  return (
    <div className="tp-problem tp-problem--warn" role="status" data-testid="run-warning" data-code={warning.code}>
      <div className="tp-problem__text">
        <strong>{t('warning.title')}</strong>
        <p>{divergenceText(language, warning)}</p>
      </div>
    </div>
  );
}

/** Test accuracy, the confusion matrix and the misclassified images of the picked cell. */
export function Results() {
  const t = useTrainingT();
  const percent = usePercent();
  const finished = useTrainingStore((s) => s.finished);
  const pick = useTrainingStore((s) => s.pick);
  if (!finished) return null;
  return (
    <section className="tp-results">
      {finished.warning && <DivergenceNote warning={finished.warning} />}
      <div className="tp-score">
        <div className="tp-score__label">{t('result.testAccuracy')}</div>
        <div className="tp-score__value" data-testid="test-accuracy" data-value={finished.testAccuracy}>
          {percent(finished.testAccuracy)}
        </div>
        <div className="tp-muted">
          {[
            t('result.testImages', { n: finished.testCount }),
            t('result.testLoss', { loss: formatLoss(finished.testLoss) }),
            t('result.epochsIn', { epochs: finished.epochsCompleted, time: formatDuration(t, finished.seconds) }),
          ].join(' · ')}
          {finished.stopped && <span className="tp-badge">{t('result.stoppedEarly')}</span>}
        </div>
        <ExportTrained />
      </div>
      <div className="tp-cm-block">
        <h3 className="tp-h">{t('result.confusion')}</h3>
        <p className="tp-muted tp-help">{t('result.confusionHelp')}</p>
        <ConfusionMatrix
          matrix={finished.confusionMatrix}
          classNames={finished.classNames}
          classNamesWorded={finished.classNamesWorded}
          perClassAccuracy={finished.perClassAccuracy}
          pick={pick}
          onPick={pickCell}
        />
      </div>
      {pick && <Gallery key={`${pick.label}:${pick.predicted ?? 'any'}`} finished={finished} pick={pick} />}
    </section>
  );
}
