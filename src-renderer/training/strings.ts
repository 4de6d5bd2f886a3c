/** The training panel's and feature-map viewer's words: the 'training' dictionary of src-shared/i18n. */
import { translator, type KeyOf, type Translator } from '../../src-shared/i18n/catalog';
import type { Vars } from '../../src-shared/i18n/dictionary';
import type { Language } from '../../src-shared/i18n/language';

export type TrainingKey = KeyOf<'training'>;
export type TrainingVars = Vars;
export type TrainingT = Translator<'training'>;
export type TrainingLang = Language;

/** The translate function of the panel's strings in `lang` (stable per language). */
export function trainingTranslator(lang: TrainingLang): TrainingT {
  return translator(lang, 'training');
}
