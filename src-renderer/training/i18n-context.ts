import { createContext, useContext } from 'react';
import { useLanguageStore } from '../i18n/i18n';
import { trainingTranslator, type TrainingLang, type TrainingT } from './strings';

/** The translate function of the training panel and feature-map viewer, given to their children. */
export const TrainingTContext = createContext<TrainingT>(trainingTranslator('en'));

export function useTrainingT(): TrainingT {
  return useContext(TrainingTContext);
}

/** The caller's `t` if given, else the panel's own strings in `lang`, else in the app's language. */
export function useResolvedT(t: TrainingT | undefined, lang: TrainingLang | undefined): TrainingT {
  const appLanguage = useLanguageStore((s) => s.language);
  return t ?? trainingTranslator(lang ?? appLanguage);
}
