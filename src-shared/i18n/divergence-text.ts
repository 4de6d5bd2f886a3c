/** Words the warning of a run that finished without learning: the one place renderer and CLI turn it into a sentence. */
import type { DivergenceWarning } from '../training/divergence';
import { translator } from './catalog';
import { formatNumber, formatPercent } from './format';
import type { Language } from './language';

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
      return t('warning.chance-accuracy', {
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
