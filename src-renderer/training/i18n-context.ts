import { formatPercent } from '../../src-shared/i18n/format';
import { useFeatureT, useLanguageStore } from '../i18n/i18n';
import type { TrainingT } from './strings';

/** The training panel's and feature-map viewer's words in the app's language; components re-render when it changes. */
export function useTrainingT(): TrainingT {
  return useFeatureT('training');
}

/** Formats a fraction as a percentage with fixed decimals in the panel's language ("8.0%", "36.3%"). */
export function usePercent(): (fraction: number, digits?: number) => string {
  const language = useLanguageStore((st) => st.language);
  return (fraction, digits = 1) => formatPercent(language, fraction, digits);
}
