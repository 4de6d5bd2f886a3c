import { create } from 'zustand';
import { en, type MessageKey } from './en';
import { ko } from './ko';
import { LAYER_HELP_KO } from './layer-help-ko';

export type Language = 'en' | 'ko';
export type { MessageKey };
export type Vars = Readonly<Record<string, string | number>>;

const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { en, ko };
const STORAGE_KEY = 'convas.language';

/** The language to start in: the user's last choice, else the system language. */
export function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'ko') return saved;
  } catch {
    // Storage may be unavailable (private mode); the system language decides.
  }
  const langs = typeof navigator === 'undefined' ? [] : [navigator.language, ...(navigator.languages ?? [])];
  return langs.some((l) => l?.toLowerCase().startsWith('ko')) ? 'ko' : 'en';
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

/** Fills "{name}" placeholders; numbers are written with thousands separators. */
function fill(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = vars[key];
    if (v === undefined) return whole;
    return typeof v === 'number' ? v.toLocaleString('en-US') : v;
  });
}

/** Translates a key in a given language (for code outside React). */
export function translate(language: Language, key: MessageKey, vars?: Vars): string {
  return fill(DICTIONARIES[language][key] ?? en[key], vars);
}

/** Translates in the current language (for code outside React, e.g. file actions). */
export function t(key: MessageKey, vars?: Vars): string {
  return translate(useLanguageStore.getState().language, key, vars);
}

export type Translate = (key: MessageKey, vars?: Vars) => string;

/** The translate function of the current language; components re-render when it changes. */
export function useT(): Translate {
  const language = useLanguageStore((s) => s.language);
  // One function per language, so memoised children see a stable reference.
  return TRANSLATORS[language];
}

const TRANSLATORS: Record<Language, Translate> = {
  en: (key, vars) => translate('en', key, vars),
  ko: (key, vars) => translate('ko', key, vars),
};

/** A parameter's help in the current language, falling back to the English help of its layer kind. */
export function fieldHelp(language: Language, kind: string, field: string, english: string): string {
  return language === 'ko' ? (LAYER_HELP_KO[`${kind}.${field}`] ?? english) : english;
}
