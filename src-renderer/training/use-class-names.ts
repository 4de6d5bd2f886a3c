import { useMemo } from 'react';
import { classNamesText } from '../../src-shared/i18n/class-names';
import { useLanguageStore } from '../i18n/i18n';

/**
 * A dataset's class names in the user's language: a known dataset's are translated (Fashion-MNIST's);
 * `worded` false (the engine's classNamesWorded: a folder's or CIFAR-10's own names) shows them as they are.
 */
export function useClassNames(names: readonly string[], worded = true): readonly string[] {
  const language = useLanguageStore((s) => s.language);
  return useMemo(() => (worded ? classNamesText(language, names) : names), [language, names, worded]);
}
