import { CATALOG, translator } from './catalog';
import type { Language } from './language';

type KnownClass = keyof typeof CATALOG.classes.en;

const isKnownClass = (name: string): name is KnownClass => Object.hasOwn(CATALOG.classes.en, name);

/** A dataset's class name in a language: the known datasets' classes are translated, a user's own stay as named. */
export function classNameText(language: Language, name: string): string {
  return isKnownClass(name) ? translator(language, 'classes')(name) : name;
}

/** Every class name of a dataset in a language (the same array when nothing changes, for memoised views). */
export function classNamesText(language: Language, names: readonly string[]): readonly string[] {
  const worded = names.map((n) => classNameText(language, n));
  return worded.every((w, i) => w === names[i]) ? names : worded;
}
