/** Words the warning of a run that finished without learning: the one place renderer and CLI turn it into a sentence. */
import type { DivergenceWarning } from '../training/divergence';
import { translator } from './catalog';
import { formatNumber, formatPercent } from './format';
import type { Language } from './language';

/** Learning rates up to this are the usual ones (Adam 0.001, SGD 0.01): chance accuracy then means too little training. */
const SMALL_LEARNING_RATE = 0.01;

/** A loss or a learning rate as people write it: up to four significant digits, no false precision. */
function figure(language: Language, value: number): string {
  return formatNumber(language, Number(value.toPrecision(4)), 6);
}

/** The sentence of a divergence warning ("Accuracy 10.0% is chance for 10 classes — the learning rate 10 …"). */
export function divergenceText(language: Language, warning: DivergenceWarning): string {
  const t = translator(language, 'training');
  const learningRate = figure(language, warning.values.learningRate);
  switch (warning.code) {
    case 'chance-accuracy':
      // At or below the usual rates (Adam 0.001, SGD 0.01) a step too large is not the likely cause.
      return t(warning.values.learningRate > SMALL_LEARNING_RATE ? 'warning.chance-accuracy' : 'warning.chance-accuracy-slow', {
        accuracy: formatPercent(language, warning.values.accuracy),
        classes: warning.values.classes,
        learningRate,
      });
    case 'loss-grew':
      return t('warning.loss-grew', {
        first: figure(language, warning.values.first),
        last: figure(language, warning.values.last),
        learningRate,
      });
    case 'loss-above-untrained':
      return t('warning.loss-above-untrained', {
        loss: figure(language, warning.values.loss),
        untrained: figure(language, warning.values.untrained),
        learningRate,
      });
  }
}
