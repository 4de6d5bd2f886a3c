/** The Learn lab's words: the 'learn' dictionary of src-shared/i18n, in the app's language. */
import { translator, type KeyOf, type Translator } from '../../src-shared/i18n/catalog';
import { useFeatureT, type Language } from '../i18n/i18n';
import type { FieldError } from './conv2d-model';

export type LearnKey = KeyOf<'learn'>;
export type LearnT = Translator<'learn'>;

/** The lab's translate function in a given language. */
export function learnTranslator(language: Language): LearnT {
  return translator(language, 'learn');
}

/** The lab's translate function in the app's current language; re-renders when it changes. */
export function useLearnT(): LearnT {
  return useFeatureT('learn');
}

/** Why a field of the lab cannot be used, as a sentence (a parse error, a bias, a shape mismatch). */
export function fieldErrorText(t: LearnT, error: FieldError): string {
  switch (error.kind) {
    case 'empty':
      return t('err.empty');
    case 'not-a-number':
      return t('err.nan', { token: error.token });
    case 'ragged':
      return t('err.ragged', { row: error.row, got: error.got, expected: error.expected });
    case 'bias':
      return t('err.bias');
    case 'channel-shape':
      return t('err.channelShape', { got: error.got, expected: error.expected });
    case 'kernel-shape':
      return t('err.kernelShape', { got: error.got, expected: error.expected });
  }
}
