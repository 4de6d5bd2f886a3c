import { create } from 'zustand';
import { translator, type KeyOf, type Namespace, type Translator } from '../../src-shared/i18n/catalog';
import type { Vars } from '../../src-shared/i18n/dictionary';
import { asLanguage, languageOfLocale, type Language } from '../../src-shared/i18n/language';

export type { Language, Vars };
export type MessageKey = KeyOf<'app'>;
const STORAGE_KEY = 'convas.language';

/** The language to start in: the user's last choice, else the system language. */
export function initialLanguage(): Language {
  try {
    const saved = asLanguage(localStorage.getItem(STORAGE_KEY));
    if (saved) return saved;
  } catch {
    // Storage may be unavailable (private mode); the system language decides.
  }
  const langs = typeof navigator === 'undefined' ? [] : [navigator.language, ...(navigator.languages ?? [])];
  return langs.some((l) => languageOfLocale(l) === 'ko') ? 'ko' : 'en';
}

interface LanguageState {
  readonly language: Language;
  setLanguage(language: Language): void;
}

export const useLanguageStore = create<LanguageState>((set) => ({
  language: initialLanguage(),
  setLanguage(language) {
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Not persisted; the switch still applies to this session.
    }
    document.documentElement.lang = language;
    set({ language });
  },
}));

/** Translates an app key in a given language (for code outside React). */
export function translate(language: Language, key: MessageKey, vars?: Vars): string {
  return translator(language, 'app')(key, vars);
}

/** Translates in the current language (for code outside React, e.g. file actions). */
export function t(key: MessageKey, vars?: Vars): string {
  return translate(useLanguageStore.getState().language, key, vars);
}

export type Translate = Translator<'app'>;

/** The current language; components re-render when it changes. */
export function useLanguage(): Language {
  return useLanguageStore((s) => s.language);
}

/** The translate function of one feature's dictionary in the current language; components re-render when it changes. */
export function useFeatureT<N extends Namespace>(namespace: N): Translator<N> {
  return translator(useLanguage(), namespace);
}

/** The app dictionary's translate function in the current language. */
export function useT(): Translate {
  return useFeatureT('app');
}
