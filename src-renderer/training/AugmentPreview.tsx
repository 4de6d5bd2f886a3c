import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { EngineApi } from '../../src-shared/engine/engine-api';
import type { EngineEventOf } from '../../src-shared/engine/protocol';
import type { Graph } from '../../src-shared/graph/schema';
import { augments, type TrainingSettings } from '../../src-shared/project/training';
import { engineErrorText } from '../engine/engine-words';
import { useLanguageStore } from '../i18n/i18n';
import { PixelCanvas } from '../inspect/PixelCanvas';
import { pictureImage, previewCommand, previewKey } from './augment-preview';
import { useTrainingT } from './i18n-context';

type Preview = EngineEventOf<'augment-preview'>;
type Sample = Preview['samples'][number];

const TILE = 34;
/** Settings typed in a field arrive keystroke by keystroke: ask once they rest. */
const SETTLE_MS = 300;

let nextRequest = 0;

const PreviewRow = memo(function PreviewRow({ sample, label }: { sample: Sample; label: string }) {
  const t = useTrainingT();
  const original = useMemo(() => pictureImage(sample.original), [sample]);
  const versions = useMemo(() => sample.versions.map(pictureImage), [sample]);
  return (
    <div className="tp-preview__row" data-testid="augment-preview-row">
      <PixelCanvas
        image={original}
        size={TILE}
        className="tp-preview__original"
        title={t('preview.sampleTip', { index: sample.index, label })}
      />
      {versions.map((image, n) => (
        <PixelCanvas key={n} image={image} size={TILE} title={t('preview.versionTip', { label, n: n + 1 })} />
      ))}
    </div>
  );
});

/**
 * A few training images and their augmented versions, asked of the engine with the settings on the
 * form (its dataset, seed and augmentation) and asked again when those change.
 */
export function AugmentPreview({
  engine,
  getGraph,
  settings,
}: {
  readonly engine: EngineApi | undefined;
  readonly getGraph: () => Graph;
  readonly settings: TrainingSettings;
}) {
  const t = useTrainingT();
  const language = useLanguageStore((s) => s.language);
  const [open, setOpen] = useState(false);
  const [draw, setDraw] = useState(0);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const pending = useRef<string | null>(null);
  const key = previewKey(settings);
  const latest = useRef(settings);
  latest.current = settings;

  useEffect(() => {
    if (!engine) return;
    return engine.on((event) => {
      if ((event.type !== 'augment-preview' && event.type !== 'error') || event.requestId !== pending.current) return;
      pending.current = null;
      setLoading(false);
      if (event.type === 'augment-preview') {
        setPreview(event);
        setProblem(null);
      } else {
        setProblem(engineErrorText(language, event));
      }
    });
  }, [engine, language]);

  useEffect(() => {
    if (!open || !engine) return;
    const timer = setTimeout(() => {
      const requestId = `augment-preview:${++nextRequest}`;
      pending.current = requestId;
      setLoading(true);
      engine.send(previewCommand(requestId, getGraph(), latest.current, draw));
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [open, engine, getGraph, key, draw]);

  const on = augments(settings.augmentation);
  return (
    <div className="tp-preview" data-testid="augment-preview">
      <div className="tp-preview__head">
        <span className="tp-preview__title">{t('preview.title')}</span>
        {open ? (
          <button
            type="button"
            className="btn btn--ghost btn--small"
            data-testid="augment-preview-again"
            onClick={() => setDraw((d) => d + 1)}
          >
            {t('preview.again')}
          </button>
        ) : (
          <button
            type="button"
            className="btn btn--ghost btn--small"
            data-testid="augment-preview-show"
            disabled={!engine}
            title={t('preview.showTip')}
            onClick={() => setOpen(true)}
          >
            {t('preview.show')}
          </button>
        )}
      </div>
      {open && !on && <div className="tp-field__help">{t('preview.off')}</div>}
      {open && problem && <div className="tp-field__error">{t('preview.failed', { reason: problem })}</div>}
      {open && loading && !preview && <div className="tp-field__help">{t('preview.loading')}</div>}
      {open && preview && (
        <div className={`tp-preview__grid${loading ? ' is-loading' : ''}`} aria-busy={loading}>
          <div className="tp-preview__caption">{t('preview.original')}</div>
          {preview.samples.map((s) => (
            <PreviewRow key={s.index} sample={s} label={preview.classNames[s.label] ?? String(s.label)} />
          ))}
        </div>
      )}
    </div>
  );
}
