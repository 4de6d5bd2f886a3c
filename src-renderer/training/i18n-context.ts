import { createContext, useContext } from 'react';
import { formatPercent } from '../../src-shared/i18n/format';
import { useLanguageStore } from '../i18n/i18n';
import { trainingTranslator, type TrainingLang, type TrainingT } from './strings';

/** The translate function of the training panel and feature-map viewer, given to their children. */
export const TrainingTContext = createContext<TrainingT>(trainingTranslator('en'));

/** The language of the panel's words, for the numbers it formats (percentages). */
export const TrainingLangContext = createContext<TrainingLang>('en');

export function useTrainingT(): TrainingT {
  return useContext(TrainingTContext);
}

/** The caller's language if given, else the app's. */
export function useResolvedLang(lang: TrainingLang | undefined): TrainingLang {
  const appLanguage = useLanguageStore((s) => s.language);
  return lang ?? appLanguage;
}

/** The caller's `t` if given, else the panel's own strings in `lang`, else in the app's language. */
export function useResolvedT(t: TrainingT | undefined, lang: TrainingLang | undefined): TrainingT {
  const language = useResolvedLang(lang);
  return t ?? trainingTranslator(language);
}

/** Formats a fraction as a percentage with fixed decimals in the panel's language ("8.0%", "36.3%"). */
export function usePercent(): (fraction: number, digits?: number) => string {
  const language = useContext(TrainingLangContext);
  return (fraction, digits = 1) => formatPercent(language, fraction, digits);
}
