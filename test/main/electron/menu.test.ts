// The native menus as data: what each item sends to the page, in English and Korean.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, systemLanguage, type MenuState } from '../../../src-main/electron/menu';
import { menuCommandSchema, type MenuCommand } from '../../../src-shared/electron/ipc-schemas';

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
    expect(item(template, ['파일(&F)', '내보내기', 'Python 스크립트…'])).toBeTruthy();
  });
});
