import { useState } from 'react';
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

/** Images per class in each split (the engine sends no sample pictures, so no grid of them). */
function ClassCounts() {
  const t = useTrainingT();
  const dataset = useTrainingStore((s) => s.dataset);
  const names = useClassNames(dataset?.classNames ?? [], dataset?.classNamesWorded ?? true);
  const [open, setOpen] = useState(false);
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
            </tr>
          </thead>
          <tbody>
            {names.map((name, i) => (
              <tr key={i} data-testid={`class-count-${i}`}>
                <th scope="row">{name}</th>
                <td>{train[i] ?? 0}</td>
                <td>{validation[i] ?? 0}</td>
                <td>{test[i] ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}

/** The dataset of the run: loading progress, then its classes and counts, and any files left out. */
export function DatasetView() {
  return (
    <div className="tp-dataset">
      <DatasetLoading />
      <ClassCounts />
      <SkippedFiles />
    </div>
  );
}
