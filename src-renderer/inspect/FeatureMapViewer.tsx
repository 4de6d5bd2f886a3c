import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { EngineApi } from '../../src-shared/engine/engine-api';
import { engineErrorText } from '../engine/engine-words';
import { useLanguageStore } from '../i18n/i18n';
import { analysisOf } from '../store/analysis';
import { useProjectStore } from '../store/project-store';
import { bindEngine } from '../training/controller';
import { usePercent, useTrainingT } from '../training/i18n-context';
import { StaleResultsNote } from '../training/StaleResults';
import type { TrainingT } from '../training/strings';
import { useTrainingStore } from '../training/training-store';
import { useClassNames } from '../training/use-class-names';
import { DrawPad } from './DrawPad';
import { EnlargedView } from './EnlargedView';
import {
  chooseDrawing,
  choosePicture,
  chooseSample,
  currentSnapshots,
  openPicture,
  pictureUnreadable,
  requestView,
  selectSnapshot,
  setDrawing,
  shownSnapshot,
  sourceKey,
  useInspectStore,
  type Inspection,
  type Snapshot,
} from './inspect-store';
import { KernelGrid, MapSectionView, type Enlarged } from './LayerGrids';
import { pictureBytes } from './picture-file';
import { PixelCanvas, type PixelImage } from './PixelCanvas';
import { kernelSections, mapSections } from './sections';
import { inputImage, toProbabilities, topClasses } from './tensor-image';
import { WhyPrediction } from './WhyPrediction';
import './inspect.css';

const SAMPLE_SIZE = 112;
/** Classes the prediction of an opened picture lists, most probable first. */
const TOP = 5;

/** The image of the last input inspected of one kind, kept while another input is shown; in colour when it has 3 channels. */
function useHeldSampleImage(inspection: Inspection | undefined) {
  const image = useMemo(() => (inspection ? inputImage(inspection.input) : undefined), [inspection]);
  const [held, setHeld] = useState(image);
  if (image && image !== held) setHeld(image);
  return image ?? held;
}

export interface FeatureMapViewerProps {
  /** Only needed when the viewer is used on its own (the training panel binds the engine already). */
  readonly engine?: EngineApi | undefined;
}

const NO_CLASSES: readonly string[] = [];

/** The class names of the data the network trains on, in the user's language. */
function useDatasetClassNames(): readonly string[] {
  const fromDataset = useTrainingStore((s) => s.dataset?.classNames);
  const fromFinished = useTrainingStore((s) => s.finished?.classNames);
  const fromOpened = useTrainingStore((s) => s.opened?.event.classNames);
  const worded = useTrainingStore(
    (s) => s.dataset?.classNamesWorded ?? s.finished?.classNamesWorded ?? s.opened?.event.classNamesWorded ?? true,
  );
  return useClassNames(fromDataset ?? fromFinished ?? fromOpened ?? NO_CLASSES, worded);
}

function snapshotLabel(t: TrainingT, s: Snapshot): string {
  if (s.partial) return t('maps.epochPartial', { epoch: s.epoch + 1 });
  return s.epoch === 0 ? t('maps.epochZero') : t('maps.epoch', { epoch: s.epoch });
}

function SamplePicker({ active }: { active: boolean }) {
  const t = useTrainingT();
  const id = useId();
  const index = useInspectStore((s) => s.sampleIndex);
  const testCount = useTrainingStore((s) => s.dataset?.testCount ?? s.finished?.testCount ?? s.opened?.event.testCount ?? 0);
  const [text, setText] = useState(String(index));
  useEffect(() => setText(String(index)), [index]);
  // A model opened without its dataset has no test samples to pick: the picker says why.
  const noTests = useTrainingStore((s) => (s.opened && s.opened.event.testSamples !== 'loaded' ? s.opened.event.testSamples : null));
  if (noTests) {
    return (
      <div className="fm-source">
        <span className="fm-source__title">{t('maps.testSample')}</span>
        <p className="tp-muted" data-testid="no-test-samples">
          {t(`opened.tests.${noTests}`)}
        </p>
      </div>
    );
  }
  const max = Math.max(0, testCount - 1);
  const go = (i: number) => chooseSample(testCount > 0 ? Math.max(0, Math.min(max, i)) : Math.max(0, i));
  return (
    <div className={`fm-source${active ? ' is-active' : ''}`}>
      <button type="button" className="fm-source__title" onClick={() => go(index)} data-testid="source-sample">
        {t('maps.testSample')}
      </button>
      <div className="fm-stepper">
        <button
          type="button"
          className="btn btn--small btn--icon"
          aria-label={t('maps.prev')}
          title={t('maps.prev')}
          data-testid="sample-prev"
          disabled={index <= 0}
          onClick={() => go(index - 1)}
        >
          ‹
        </button>
        <input
          id={id}
          type="text"
          inputMode="numeric"
          className="fm-index"
          aria-label={t('maps.index')}
          value={text}
          data-testid="sample-index"
          onChange={(e) => {
            setText(e.target.value);
            const v = Number(e.target.value);
            if (e.target.value.trim() !== '' && Number.isInteger(v) && v >= 0 && (testCount === 0 || v <= max)) go(v);
          }}
          onBlur={() => setText(String(index))}
        />
        <button
          type="button"
          className="btn btn--small btn--icon"
          aria-label={t('maps.next')}
          title={t('maps.next')}
          data-testid="sample-next"
          disabled={testCount > 0 && index >= max}
          onClick={() => go(index + 1)}
        >
          ›
        </button>
        {testCount > 0 && <span className="tp-muted">/ {max}</span>}
      </div>
    </div>
  );
}

function PredictionBars({
  prediction,
  classNames,
  trueLabel,
  top,
}: {
  prediction: readonly number[];
  classNames: readonly string[];
  trueLabel: number | undefined;
  /** List only this many classes, most probable first (all, in class order, when absent). */
  top?: number | undefined;
}) {
  const t = useTrainingT();
  const percent = usePercent();
  const probs = useMemo(() => toProbabilities(prediction), [prediction]);
  const best = probs.reduce((b, p, i) => (p > (probs[b] ?? -1) ? i : b), 0);
  const rows = useMemo(() => (top === undefined ? probs.map((_, i) => i) : topClasses(probs, top)), [probs, top]);
  return (
    <div className="fm-pred" data-testid="prediction" data-predicted={best}>
      <h4 className="tp-h4">
        {t('maps.prediction')}
        {top !== undefined && <span className="tp-muted"> · {t('maps.top5')}</span>}
      </h4>
      {rows
        .map((i) => ({ i, p: probs[i]! }))
        .map(({ i, p }) => (
          <div
            key={i}
            className={`fm-pred__row${i === best ? ' is-best' : ''}${i === trueLabel ? ' is-true' : ''}`}
            title={`${classNames[i] ?? i}: ${percent(p)}`}
          >
            <span className="fm-pred__name">{classNames[i] ?? i}</span>
            <span className="fm-pred__bar">
              <span style={{ width: `${(p * 100).toFixed(1)}%` }} />
            </span>
            <span className="fm-pred__value">{percent(p)}</span>
          </div>
        ))}
      {trueLabel !== undefined && (
        <div className="tp-muted" data-testid="true-label" title={t('maps.trueLabelTip')}>
          {t('maps.trueLabel', { label: classNames[trueLabel] ?? String(trueLabel) })}
        </div>
      )}
    </div>
  );
}

function EpochSlider({ snapshots }: { snapshots: readonly Snapshot[] }) {
  const t = useTrainingT();
  const id = useId();
  const selected = useInspectStore((s) => s.selected);
  const value = selected === null ? snapshots.length - 1 : Math.min(selected, snapshots.length - 1);
  const current = snapshots[value];
  return (
    <div className="fm-slider" title={t('maps.sliderHelp')}>
      <label htmlFor={id}>
        {t('maps.slider')}: <strong>{current ? snapshotLabel(t, current) : '–'}</strong>
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={Math.max(0, snapshots.length - 1)}
        step={1}
        value={Math.max(0, value)}
        disabled={snapshots.length < 2}
        data-testid="epoch-slider"
        aria-valuetext={current ? snapshotLabel(t, current) : undefined}
        onChange={(e) => {
          const v = Number(e.target.value);
          selectSnapshot(v >= snapshots.length - 1 ? null : v);
        }}
      />
      {snapshots.length > 1 && (
        <div className="fm-slider__ends tp-muted">
          <span>{snapshotLabel(t, snapshots[0]!)}</span>
          <span>{snapshotLabel(t, snapshots[snapshots.length - 1]!)}</span>
        </div>
      )}
    </div>
  );
}

/** The drawing pad; the only part that re-renders while the user draws. */
function DrawSource({ active }: { active: boolean }) {
  const t = useTrainingT();
  const pixels = useInspectStore((s) => s.pixels);
  return (
    <div className={`fm-source${active ? ' is-active' : ''}`}>
      <button type="button" className="fm-source__title" onClick={chooseDrawing} data-testid="source-draw">
        {t('maps.orDraw')}
      </button>
      <DrawPad pixels={pixels} active={active} onChange={setDrawing} />
    </div>
  );
}

/** "Open an image": a picture file from the user's disk, its bytes sent to the engine as they are. */
function PictureSource({ active, image }: { active: boolean; image: PixelImage | undefined }) {
  const t = useTrainingT();
  const id = useId();
  const picture = useInspectStore((s) => s.picture);
  return (
    <div className={`fm-source${active ? ' is-active' : ''}`} title={t('maps.openPictureHelp')}>
      <button type="button" className="fm-source__title" onClick={choosePicture} disabled={!picture} data-testid="source-picture">
        {t('maps.openPicture')}
      </button>
      <label htmlFor={id} className="btn btn--small fm-open">
        {t('maps.openPictureButton')}
      </label>
      <input
        id={id}
        type="file"
        accept="image/*"
        className="fm-open__input"
        data-testid="open-picture"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void pictureBytes(file).then((bytes) => (bytes ? openPicture(file.name, bytes) : pictureUnreadable(file.name)));
        }}
      />
      {picture && (
        <span className="tp-muted fm-open__name" data-testid="picture-name">
          {picture.name}
        </span>
      )}
      {image && (
        <div className={`fm-input${active ? '' : ' is-dim'}`}>
          <PixelCanvas image={image} size={SAMPLE_SIZE} testId="picture-image" />
        </div>
      )}
    </div>
  );
}

/** The names of the canvas's layers in the analysis's order (Keras's: Input first, output last). */
function useLayerOrder(): readonly string[] {
  const graph = useProjectStore((s) => s.project.graph);
  const analysis = analysisOf(graph);
  return useMemo(() => analysis.order.map((id) => analysis.nodes.get(id)?.name ?? id), [analysis]);
}

function FeatureMapBody() {
  const t = useTrainingT();
  const modelReady = useTrainingStore((s) => s.modelReady);
  const misclassified = useTrainingStore((s) => s.finished?.misclassified);
  const classNames = useDatasetClassNames();
  const source = useInspectStore((s) => s.source);
  const snapshots = useInspectStore(currentSnapshots);
  const latest = useInspectStore(shownSnapshot)?.inspection;
  const busy = useInspectStore((s) => s.busy);
  const problem = useInspectStore((s) => s.problem);
  const language = useLanguageStore((s) => s.language);
  const [enlarged, setEnlarged] = useState<Enlarged | null>(null);
  const [zoom, setZoom] = useState(1);
  const zoomId = useId();
  const closeEnlarged = useCallback(() => setEnlarged(null), []);
  const key = sourceKey(source);
  const order = useLayerOrder();

  // Ask for the maps of the chosen input when there are none yet (e.g. on opening the tab).
  useEffect(() => {
    if (modelReady && snapshots.length === 0 && !busy && !problem) requestView();
  }, [modelReady, key, snapshots.length, busy, problem]);

  // While the first inspection of a new input is on its way, the previous one stays on screen (marked
  // as updating): emptying the panel made everything below the sample preview jump while the user drew.
  const [held, setHeld] = useState<Inspection | undefined>(undefined);
  if (latest && latest !== held) setHeld(latest);
  const inspection = latest ?? (busy ? held : undefined);
  const maps = useMemo(() => (inspection ? mapSections(inspection, order) : []), [inspection, order]);
  const kernels = useMemo(() => (inspection ? kernelSections(inspection, order) : []), [inspection, order]);
  const sampleImage = useHeldSampleImage(source.kind === 'test-sample' ? latest : undefined);
  const pictureImage = useHeldSampleImage(source.kind === 'picture' ? latest : undefined);
  // The engine tells a test sample's class with its maps; older answers only via the misclassified list.
  const trueLabel =
    source.kind === 'test-sample' ? (latest?.label ?? misclassified?.find((m) => m.index === source.index)?.label) : undefined;

  return (
    <div className="fm" data-testid="featuremap-viewer" data-source={key} data-snapshots={snapshots.length}>
      <aside className="fm-side">
        <h3 className="tp-h">{t('maps.input')}</h3>
        <SamplePicker active={source.kind === 'test-sample'} />
        {(sampleImage || modelReady) && (
          // Keeps its place while the drawing is shown, so the pad below never moves under the pen.
          <div className={`fm-input${source.kind === 'test-sample' ? '' : ' is-dim'}`}>
            {sampleImage && <PixelCanvas image={sampleImage} size={SAMPLE_SIZE} testId="input-image" />}
          </div>
        )}
        <DrawSource active={source.kind === 'draw'} />
        <PictureSource active={source.kind === 'picture'} image={pictureImage} />
        {inspection && (
          <PredictionBars
            prediction={inspection.prediction}
            classNames={classNames}
            trueLabel={trueLabel}
            top={source.kind === 'picture' ? TOP : undefined}
          />
        )}
        {snapshots.length > 0 && <EpochSlider snapshots={snapshots} />}
      </aside>
      <div className="fm-main">
        <StaleResultsNote />
        {!modelReady && !inspection && <p className="fm-empty">{t('maps.noModel')}</p>}
        {problem && <p className="tp-inline-error">{engineErrorText(language, problem)}</p>}
        {modelReady && !inspection && !problem && <p className="fm-empty">{t('maps.waiting')}</p>}
        {inspection && (
          <WhyPrediction
            sourceKey={key}
            newest={snapshots[snapshots.length - 1]?.inspection}
            classNames={classNames}
            trueLabel={trueLabel}
          />
        )}
        {inspection && (
          <>
            <div className="fm-main__head">
              <h3 className="tp-h">
                {t('maps.layers')}
                {busy && <span className="fm-busy">{t('maps.updating')}</span>}
              </h3>
              <label htmlFor={zoomId}>{t('maps.tileSize')}</label>
              <input
                id={zoomId}
                type="range"
                min={0.75}
                max={2.5}
                step={0.25}
                value={zoom}
                onChange={(e) => setZoom(Number(e.target.value))}
                data-testid="tile-size"
              />
            </div>
            {maps.length === 0 && <p className="tp-muted">{t('maps.noSpatial')}</p>}
            {maps.map((m) => (
              <MapSectionView key={m.layer} section={m} zoom={zoom} onOpen={setEnlarged} />
            ))}
            {kernels.length > 0 && (
              <>
                <h3 className="tp-h">{t('maps.filters')}</h3>
                <p className="tp-muted tp-help">{t('maps.filtersHelp')}</p>
                {kernels.map((k) => (
                  <KernelGrid key={`${k.layer}:${k.role}`} section={k} zoom={zoom} onOpen={setEnlarged} />
                ))}
              </>
            )}
          </>
        )}
      </div>
      {enlarged && inspection && <EnlargedView what={enlarged} inspection={inspection} onClose={closeEnlarged} />}
    </div>
  );
}

/**
 * Feature maps of a test sample or of a drawing, layer by layer, and the learned Conv2D filters;
 * refreshed after every epoch and kept per epoch, so the slider scrubs through training.
 */
export function FeatureMapViewer({ engine }: FeatureMapViewerProps) {
  const language = useLanguageStore((s) => s.language);
  useEffect(() => {
    if (engine) bindEngine(engine);
  }, [engine]);
  return (
    <div className="fm-host" lang={language}>
      <FeatureMapBody />
    </div>
  );
}
