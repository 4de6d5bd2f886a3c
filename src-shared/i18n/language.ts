/** The languages Convas speaks; every dictionary is complete in each of them. */
export const LANGUAGES = ['en', 'ko'] as const;

export type Language = (typeof LANGUAGES)[number];

/** The BCP 47 locale used for numbers and plural rules in each language. */
export const LOCALES: Readonly<Record<Language, string>> = { en: 'en-US', ko: 'ko-KR' };

/** Narrows any string (a stored setting, a system locale) to a language, or undefined. */
export function asLanguage(value: unknown): Language | undefined {
  return value === 'en' || value === 'ko' ? value : undefined;
}

/** Korean for a Korean locale ("ko", "ko-KR"), English for everything else. */
export function languageOfLocale(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** Each language's name in itself, for a language picker ("한국어" reads the same whatever the UI language). */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', ko: '한국어' };
