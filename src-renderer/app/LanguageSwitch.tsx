import { LANGUAGES, type Language } from '../../src-shared/i18n/language';
import { useLanguageStore, useT } from '../i18n/i18n';
import { Icon } from './Icon';

/** How each language is marked on the switch: a short code, or its own name. */
const MARKS: Readonly<Record<Language, string>> = { en: 'EN', ko: '한국어' };

/** The language switch of the toolbar and the Learn lab: shows every language, the current one lit; a click moves to the next. */
export function LanguageSwitch(props: { readonly testId: string; readonly icon?: boolean }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const next = LANGUAGES[(LANGUAGES.indexOf(language) + 1) % LANGUAGES.length]!;
  return (
    <button
      type="button"
      className="btn btn--lang"
      data-testid={props.testId}
      title={t('toolbar.langTip')}
      aria-label={t('toolbar.language')}
      onClick={() => useLanguageStore.getState().setLanguage(next)}
    >
      {props.icon && <Icon name="globe" />}
      {LANGUAGES.map((l) => (
        <span key={l} lang={l} className={l === language ? 'is-on' : ''}>
          {MARKS[l]}
        </span>
      ))}
    </button>
  );
}
