import { useTrainingT } from './i18n-context';
import { useTrainingStore } from './training-store';

/** Says that the current model was opened from files, not trained here: which files, how its classes are known, and whether test samples are there. */
export function OpenedModelNote() {
  const t = useTrainingT();
  const opened = useTrainingStore((s) => s.opened);
  if (!opened) return null;
  const { event, files, datasetFile } = opened;
  const { height: h, width: w, channels: c } = event.image;
  const classes =
    event.description === 'given'
      ? t('opened.classes.given', { file: datasetFile ?? 'convas-dataset.json' })
      : event.description === 'assumed-fashion-mnist'
        ? t('opened.classes.assumed-fashion-mnist')
        : t('opened.classes.unknown', { n: event.classNames.length, h, w, c });
  return (
    <div
      className="tp-problem tp-problem--info"
      data-testid="opened-model"
      data-description={event.description}
      data-tests={event.testSamples}
    >
      <div className="tp-problem__text">
        <strong>{t('opened.title', { files: files.join(', ') })}</strong>
        <p>
          {t('opened.source')} <span data-testid="opened-model-classes">{classes}</span>{' '}
          <span data-testid="opened-model-tests">
            {event.testSamples === 'loaded' ? t('opened.tests.loaded', { n: event.testCount }) : t(`opened.tests.${event.testSamples}`)}
          </span>
        </p>
      </div>
    </div>
  );
}
