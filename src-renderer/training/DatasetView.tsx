import { useEffect, useMemo, useRef, useState } from 'react';
import type { EngineApi } from '../../src-shared/engine/engine-api';
import type { EngineEventOf, TensorView } from '../../src-shared/engine/protocol';
import type { Graph } from '../../src-shared/graph/schema';
import type { TrainingSettings } from '../../src-shared/project/training';
import { PixelCanvas } from '../inspect/PixelCanvas';
import { classSamplesCommand, pictureImage, samplesByClass } from './augment-preview';
import { loadingLine } from '../engine/engine-words';
import { useFeatureT, useLanguageStore } from '../i18n/i18n';
import { useTrainingT } from './i18n-context';
import { isRunning, useTrainingStore } from './training-store';
import { useClassNames } from './use-class-names';

/** What the engine is doing while the dataset loads ("Decoding 12,345 / 50,000 pictures"), with a bar when the total is known. */
export function DatasetLoading() {
  const engineT = useFeatureT('engine');
  const language = useLanguageStore((s) => s.language);
  const loading = useTrainingStore((s) => s.loading);
  const running = useTrainingStore((s) => isRunning(s.status));
  if (!loading || !running) return null;
  const text = loadingLine(engineT, language, loading);
  return (
    <div className="tp-loading" data-testid="dataset-loading" data-phase={loading.phase}>
      <span>{text}</span>
      {loading.total !== null && loading.total > 0 && <progress max={loading.total} value={Math.min(loading.done, loading.total)} />}
    </div>
  );
}

/** The files of an image folder the engine left out, by name and reason, in a list that opens on demand. */
function SkippedFiles() {
  const t = useTrainingT();
  const engineT = useFeatureT('engine');
  const skipped = useTrainingStore((s) => s.skipped);
  // The list is made only while open: a closed <details> still lays its content out for Chrome's measurements.
  const [open, setOpen] = useState(false);
  if (!skipped || skipped.count === 0) return null;
  const more = skipped.count - skipped.files.length;
  return (
    <details className="tp-skipped" data-testid="skipped-files" data-count={skipped.count} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{engineT('warning.skipped-files', { count: skipped.count })}</summary>
      {open && (
        <ul>
          {skipped.files.map((f) => (
            <li key={f.file}>
              <code>{f.file}</code> <span className="tp-muted">— {engineT(`warning.skip.${f.reason}`)}</span>
            </li>
          ))}
          {more > 0 && <li className="tp-muted">{t('dataset.more', { n: more })}</li>}
        </ul>
      )}
    </details>
  );
}

/** How the view reaches the engine for its sample pictures. */
export interface DatasetViewProps {
  readonly engine: EngineApi | undefined;
  readonly getGraph: () => Graph;
  readonly settings: TrainingSettings;
}

type Samples = EngineEventOf<'augment-preview'>['samples'];
let nextRequest = 0;

/** A few training pictures of each class, asked of the engine while the table is open (the run's dataset is already loaded there). */
function useClassSamples({ engine, getGraph, settings }: DatasetViewProps, open: boolean): Samples | null {
  const [samples, setSamples] = useState<Samples | null>(null);
  const pending = useRef<string | null>(null);
  const latest = useRef(settings);
  latest.current = settings;
  useEffect(() => {
    if (!engine) return;
    return engine.on((event) => {
      if ((event.type !== 'augment-preview' && event.type !== 'error') || event.requestId !== pending.current) return;
      pending.current = null;
      // A view without pictures is still a table of counts: a refusal here is not worth a second message.
      setSamples(event.type === 'augment-preview' ? event.samples : []);
    });
  }, [engine]);
  useEffect(() => {
    if (!open || !engine || samples) return;
    const requestId = `class-samples:${++nextRequest}`;
    pending.current = requestId;
    engine.send(classSamplesCommand(requestId, getGraph(), latest.current));
  }, [open, engine, getGraph, samples]);
  return samples;
}

function SampleTile({ view, title }: { view: TensorView; title: string }) {
  const image = useMemo(() => pictureImage(view), [view]);
  return <PixelCanvas image={image} size={30} title={title} />;
}

/** Images per class in each split, with a few training pictures of each. */
function ClassCounts(props: DatasetViewProps) {
  const t = useTrainingT();
  const dataset = useTrainingStore((s) => s.dataset);
  const names = useClassNames(dataset?.classNames ?? [], dataset?.classNamesWorded ?? true);
  const [open, setOpen] = useState(false);
  const samples = useClassSamples(props, open && !!dataset);
  const rows = useMemo(() => samplesByClass(samples ?? []), [samples]);
  if (!dataset) return null;
  const { train, validation, test } = dataset.classCounts;
  const { height, width, channels } = dataset.image;
  return (
    <details className="tp-classes" data-testid="dataset-classes" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('dataset.summary', { n: names.length, h: height, w: width, c: channels })}</summary>
      {open && (
        <table className="tp-classes__table">
          <thead>
            <tr>
              <th scope="col">{t('dataset.class')}</th>
              <th scope="col">{t('dataset.train')}</th>
              <th scope="col">{t('dataset.validation')}</th>
              <th scope="col">{t('dataset.test')}</th>
              <th scope="col">{t('dataset.samples')}</th>
            </tr>
          </thead>
          <tbody>
            {names.map((name, i) => (
              <tr key={i} data-testid={`class-count-${i}`}>
                <th scope="row">{name}</th>
                <td>{train[i] ?? 0}</td>
                <td>{validation[i] ?? 0}</td>
                <td>{test[i] ?? 0}</td>
                <td className="tp-classes__samples" data-testid={`class-samples-${i}`}>
                  {(rows.get(i) ?? []).map((s) => (
                    <SampleTile key={s.index} view={s.original} title={t('dataset.sampleTip', { label: name, index: s.index })} />
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}

/** The dataset of the run: loading progress, then its classes with counts and sample pictures, and any files left out. */
export function DatasetView(props: DatasetViewProps) {
  return (
    <div className="tp-dataset">
      <DatasetLoading />
      <ClassCounts {...props} />
      <SkippedFiles />
    </div>
  );
}
