import { useMemo } from 'react';
import { classNamesText } from '../../src-shared/i18n/class-names';
import { useLanguageStore } from '../i18n/i18n';

/** A dataset's class names in the user's language (Fashion-MNIST's are translated; a user's own stay as named). */
export function useClassNames(names: readonly string[]): readonly string[] {
  const language = useLanguageStore((s) => s.language);
  return useMemo(() => classNamesText(language, names), [language, names]);
}
