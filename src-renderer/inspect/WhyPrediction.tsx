import { useEffect, useId, useMemo } from 'react';
import { engineErrorText } from '../engine/engine-words';
import { useLanguageStore } from '../i18n/i18n';
import { useTrainingT } from '../training/i18n-context';
import { useTrainingStore } from '../training/training-store';
import { heatGradientCss, heatImage, overlayImage } from './heat-map';
import type { Inspection } from './inspect-store';
import { PixelCanvas } from './PixelCanvas';
import { chooseWhyClass, chooseWhyLayer, chosenClass, chosenLayer, requestWhy, setWhyOpen, useWhyStore } from './why-store';

const FIGURE_SIZE = 168;
const LEGEND_GRADIENT = heatGradientCss();

interface WhyPredictionProps {
  /** The source key of the input the viewer shows. */
  readonly sourceKey: string;
  /** The newest inspection of that input (undefined while it is on its way): a new one means new weights or a new input. */
  readonly newest: Inspection | undefined;
  readonly classNames: readonly string[];
  /** A test sample's true class, when known. */
  readonly trueLabel: number | undefined;
}

/** The colour scale with its ends, shared by both maps. */
function HeatLegend() {
  const t = useTrainingT();
  return (
    <div className="why-legend" data-testid="why-legend">
      <span>{t('why.low')}</span>
      <span className="why-legend__bar" style={{ backgroundImage: LEGEND_GRADIENT }} />
      <span>{t('why.high')}</span>
    </div>
  );
}

/**
 * "Why this prediction?": Grad-CAM laid over the input beside the saliency map, for the predicted
 * class or one the user picks, at the last convolution or one the user picks.
 */
export function WhyPrediction({ sourceKey: key, newest, classNames, trueLabel }: WhyPredictionProps) {
  const t = useTrainingT();
  const classId = useId();
  const layerId = useId();
  const language = useLanguageStore((s) => s.language);
  const runId = useTrainingStore((s) => s.runId);
  const open = useWhyStore((s) => s.open);
  const classIndex = useWhyStore((s) => chosenClass(s, key));
  const layer = useWhyStore((s) => chosenLayer(s, runId));
  const stored = useWhyStore((s) => s.answer);
  const answerKey = useWhyStore((s) => s.answerKey);
  const busy = useWhyStore((s) => s.busy);
  const problem = useWhyStore((s) => s.problem);

  useEffect(() => {
    if (open && newest) requestWhy();
  }, [open, newest, classIndex, layer]);

  // While the answer for a new input or choice is on its way, the previous one stays (marked as updating).
  const answer = stored && stored.runId === runId && (answerKey === key || busy) ? stored : undefined;
  const overlay = useMemo(() => (answer?.gradCam ? overlayImage(answer.input, answer.gradCam) : undefined), [answer]);
  const saliency = useMemo(() => (answer ? heatImage(answer.saliency) : undefined), [answer]);
  const label = trueLabel ?? answer?.label;
  const name = (i: number) => classNames[i] ?? String(i);
  const classes = answer ? answer.prediction.map((_, i) => i) : [];

  return (
    <section className="why" data-testid="why" data-open={open}>
      <button
        type="button"
        className="why__toggle"
        aria-expanded={open}
        data-testid="why-toggle"
        onClick={() => setWhyOpen(!open)}
        title={t('why.help')}
      >
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> {t('why.title')}
        {open && busy && <span className="fm-busy">{t('maps.updating')}</span>}
      </button>
      {open && (
        <div className="why__body">
          <p className="tp-muted tp-help">{t('why.help')}</p>
          {problem && <p className="tp-inline-error">{engineErrorText(language, problem)}</p>}
          {!answer && !problem && <p className="fm-empty">{t('maps.waiting')}</p>}
          {answer && (
            <>
              <div className="why__controls">
                <span className="why__pick">
                  <label htmlFor={classId}>{t('why.class')}</label>
                  <select
                    id={classId}
                    value={answer.classIndex}
                    data-testid="why-class"
                    onChange={(e) => chooseWhyClass(Number(e.target.value) === answer.predicted ? null : Number(e.target.value))}
                  >
                    {classes.map((i) => (
                      <option key={i} value={i}>
                        {i === answer.predicted
                          ? t('why.classPredicted', { name: name(i) })
                          : i === label
                            ? t('why.classTrue', { name: name(i) })
                            : name(i)}
                      </option>
                    ))}
                  </select>
                </span>
                {label !== undefined && label !== answer.predicted && (
                  <span className="why__quick">
                    <button
                      type="button"
                      className={`btn btn--small${answer.classIndex === answer.predicted ? ' is-on' : ''}`}
                      data-testid="why-predicted"
                      onClick={() => chooseWhyClass(null)}
                    >
                      {t('why.predicted', { name: name(answer.predicted) })}
                    </button>
                    <button
                      type="button"
                      className={`btn btn--small${answer.classIndex === label ? ' is-on' : ''}`}
                      data-testid="why-true"
                      onClick={() => chooseWhyClass(label)}
                    >
                      {t('why.true', { name: name(label) })}
                    </button>
                  </span>
                )}
                {answer.convLayers.length > 0 && (
                  <span className="why__pick">
                    <label htmlFor={layerId}>{t('why.layer')}</label>
                    <select
                      id={layerId}
                      value={answer.layer ?? ''}
                      data-testid="why-layer"
                      onChange={(e) => {
                        const last = answer.convLayers[answer.convLayers.length - 1];
                        chooseWhyLayer(e.target.value === last ? null : e.target.value);
                      }}
                    >
                      {answer.convLayers.map((l, i) => (
                        <option key={l} value={l}>
                          {i === answer.convLayers.length - 1 ? t('why.layerLast', { layer: l }) : l}
                        </option>
                      ))}
                    </select>
                  </span>
                )}
              </div>
              <div
                className={`why__figures${busy ? ' is-updating' : ''}`}
                data-testid="why-figures"
                data-class={answer.classIndex}
                data-source={answerKey}
              >
                <figure className="why__figure">
                  {overlay ? (
                    <PixelCanvas
                      image={overlay}
                      size={FIGURE_SIZE}
                      testId="why-gradcam"
                      label={t('why.gradCamTip', { layer: answer.layer ?? '' })}
                    />
                  ) : (
                    <p className="tp-muted why__none">{t('why.noConv')}</p>
                  )}
                  <figcaption title={t('why.gradCamHelp')}>{t('why.gradCam', { layer: answer.layer ?? '–' })}</figcaption>
                </figure>
                <figure className="why__figure">
                  {saliency && <PixelCanvas image={saliency} size={FIGURE_SIZE} testId="why-saliency" label={t('why.saliencyHelp')} />}
                  <figcaption title={t('why.saliencyHelp')}>{t('why.saliency')}</figcaption>
                </figure>
              </div>
              <HeatLegend />
              <p className="tp-muted why__score">
                {answer.score === 'logit'
                  ? t('why.scoreLogit', { name: name(answer.classIndex) })
                  : t('why.scoreOutput', { name: name(answer.classIndex) })}
              </p>
            </>
          )}
        </div>
      )}
    </section>
  );
}
