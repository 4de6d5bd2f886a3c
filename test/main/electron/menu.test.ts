// The native menus as data: what each item sends to the page, in English and Korean.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, systemLanguage, type MenuState } from '../../../src-main/electron/menu';
import { menuCommandSchema, type MenuCommand } from '../../../src-shared/electron/ipc-schemas';
import { CATALOG, translator } from '../../../src-shared/i18n/catalog';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../../src-shared/i18n/language';

function build(state: Partial<MenuState> = {}) {
  const sent: MenuCommand[] = [];
  const other: string[] = [];
  const template = buildMenuTemplate(
    { platform: 'linux', language: 'en', recent: [], development: false, ...state },
    { command: (c) => sent.push(c), clearRecent: () => other.push('clear'), about: () => other.push('about') },
  );
  return { template, sent, other };
}

/** Finds an item by its label path, e.g. ['&File', 'Export', 'Python Script…']. */
function item(template: MenuItemConstructorOptions[], path: string[]): MenuItemConstructorOptions {
  let items = template;
  let found: MenuItemConstructorOptions | undefined;
  for (const label of path) {
    found = items.find((i) => i.label === label);
    if (!found) throw new Error(`no menu item ${path.join(' > ')} (at ${label}; have ${items.map((i) => i.label).join(', ')})`);
    items = (found.submenu as MenuItemConstructorOptions[] | undefined) ?? [];
  }
  return found!;
}

function click(i: MenuItemConstructorOptions): void {
  (i.click as unknown as () => void)();
}

describe('the native menus', () => {
  it('has File, Edit, View and Help on Windows and Linux, plus the app and Window menus on macOS', () => {
    expect(build().template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(build({ platform: 'darwin' }).template.map((m) => m.label)).toEqual(['Convas', 'File', 'Edit', 'View', 'Window', 'Help']);
    expect(build({ platform: 'darwin', language: 'ko' }).template.map((m) => m.label)).toEqual([
      'Convas',
      '파일',
      '편집',
      '보기',
      '창',
      '도움말',
    ]);
  });

  it('sends a typed, valid command for every document action', () => {
    const { template, sent } = build();
    const paths: [string[], MenuCommand][] = [
      [['&File', 'New'], { type: 'new' }],
      [['&File', 'Open…'], { type: 'open' }],
      [['&File', 'Save'], { type: 'save' }],
      [['&File', 'Save As…'], { type: 'save-as' }],
      [['&File', 'Import Keras / TensorFlow.js Model…'], { type: 'import-model' }],
      [['&File', 'Export', 'Keras JSON…'], { type: 'export', format: 'keras-json' }],
      [['&File', 'Export', 'TensorFlow.js Model…'], { type: 'export', format: 'tfjs-model' }],
      [['&File', 'Export', 'Python Script…'], { type: 'export', format: 'python' }],
      [['&File', 'Export', 'PyTorch Module…'], { type: 'export', format: 'pytorch' }],
      [['&File', 'Export', 'PNG Image…'], { type: 'export', format: 'png' }],
      [['&Edit', 'Undo'], { type: 'undo' }],
      [['&Edit', 'Redo'], { type: 'redo' }],
      [['&View', 'Fit to Window'], { type: 'fit-view' }],
      [['&View', 'Arrange Layers'], { type: 'arrange' }],
      [['&View', 'Language', '한국어'], { type: 'set-language', language: 'ko' }],
    ];
    for (const [path, command] of paths) {
      click(item(template, path));
      expect(sent.at(-1)).toEqual(command);
      expect(menuCommandSchema.safeParse(command).success).toBe(true);
    }
  });

  it('shows the page’s shortcuts without taking them from the page', () => {
    const { template } = build();
    for (const path of [
      ['&File', 'Save'],
      ['&Edit', 'Undo'],
      ['&Edit', 'Redo'],
    ]) {
      const i = item(template, path);
      expect(i.accelerator).toMatch(/^CmdOrCtrl\+/);
      expect(i.registerAccelerator).toBe(false);
    }
  });

  it('lists recent files and reopens them by path', () => {
    const recent = [
      { path: '/home/me/a.convas.json', name: 'a.convas.json', at: 2 },
      { path: '/home/me/b.convas.json', name: 'b.convas.json', at: 1 },
    ];
    const { template, sent, other } = build({ recent });
    click(item(template, ['&File', 'Open Recent', 'b.convas.json']));
    expect(sent).toEqual([{ type: 'open-recent', path: '/home/me/b.convas.json' }]);
    click(item(template, ['&File', 'Open Recent', 'Clear Recent']));
    expect(other).toEqual(['clear']);
    const empty = build();
    expect(item(empty.template, ['&File', 'Open Recent', 'No recent files']).enabled).toBe(false);
  });

  it('offers reload and developer tools only in development', () => {
    const labels = (s: Partial<MenuState>) =>
      (item(build(s).template, ['&View']).submenu as MenuItemConstructorOptions[]).map((i) => i.role ?? i.label);
    expect(labels({})).not.toContain('toggleDevTools');
    expect(labels({})).not.toContain('reload');
    expect(labels({ development: true })).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });

  it('speaks Korean on a Korean system', () => {
    expect(systemLanguage('ko-KR')).toBe('ko');
    expect(systemLanguage('en-US')).toBe('en');
    const { template, other } = build({ language: 'ko' });
    click(item(template, ['도움말(&H)', 'Convas 정보']));
    expect(other).toEqual(['about']);
    expect(item(template, ['파일(&F)', '내보내기', '파이썬 스크립트…'])).toBeTruthy();
  });
});

/** Every label of a template, submenus included. */
function allLabels(template: readonly MenuItemConstructorOptions[]): string[] {
  return template.flatMap((i) => [
    ...(i.label === undefined ? [] : [i.label]),
    ...allLabels((i.submenu as MenuItemConstructorOptions[] | undefined) ?? []),
  ]);
}

const HANGUL = /\p{Script=Hangul}/u;
const AUTONYMS = new Set(Object.values(LANGUAGE_NAMES));
/** Texts only one language's dictionary uses ("Keras JSON…" is the same in both and belongs to neither). */
const onlyIn = (language: Language): Set<string> => {
  const other = new Set(Object.values(CATALOG.electron[language === 'en' ? 'ko' : 'en']).filter((m) => typeof m === 'string'));
  return new Set(Object.values(CATALOG.electron[language]).filter((m): m is string => typeof m === 'string' && !other.has(m)));
};

describe.each(['linux', 'darwin'])('the menus on %s, from the electron dictionary', (platform) => {
  const recent = [{ path: '/home/me/a.convas.json', name: 'a.convas.json', at: 1 }];
  const labels = (language: Language) => allLabels(build({ platform, language, recent, development: true }).template);

  it('have no Korean in English', () => {
    const english = labels('en').filter((l) => !AUTONYMS.has(l));
    expect(english.filter((l) => HANGUL.test(l))).toEqual([]);
    const korean = onlyIn('ko');
    expect(english.filter((l) => korean.has(l))).toEqual([]);
  });

  it('have no English in Korean, and every Korean top-level menu is in Hangul', () => {
    const korean = labels('ko').filter((l) => !AUTONYMS.has(l));
    const english = onlyIn('en');
    const strip = (l: string) => l.replace(/&/g, '');
    expect(korean.filter((l) => english.has(l) || [...english].some((e) => strip(e) === l))).toEqual([]);
    // The app menu on macOS is the app's name, the same in every language.
    const top = build({ platform, language: 'ko' })
      .template.map((m) => m.label!)
      .filter((l) => l !== 'Convas');
    expect(top.length).toBeGreaterThanOrEqual(4);
    for (const label of top) expect(label).toMatch(HANGUL);
  });

  it('mark access keys with "&" on Windows and Linux only', () => {
    const top = (language: Language) => build({ platform, language }).template.map((m) => m.label!);
    for (const language of LANGUAGES) {
      if (platform === 'darwin') for (const label of top(language)) expect(label).not.toContain('&');
      else expect(top(language).filter((l) => l.includes('&'))).toHaveLength(4);
    }
  });

  it('offer each language by its own name, whatever the current one', () => {
    for (const language of LANGUAGES) {
      const t = translator(language, 'electron');
      const plain = (label: string | undefined) => label?.replace(/\(&.\)$/, '').replace(/&/g, '');
      const view = build({ platform, language }).template.find((m) => plain(m.label) === plain(t('view')))!;
      const picker = (view.submenu as MenuItemConstructorOptions[]).find((i) => i.label === t('language'))!;
      expect((picker.submenu as MenuItemConstructorOptions[]).map((i) => [i.label, i.checked])).toEqual(
        LANGUAGES.map((l) => [LANGUAGE_NAMES[l], l === language]),
      );
    }
  });
});
