/**
 * The native menus, as data: File, Edit, View, Help (plus the app menu on macOS). Choices that
 * act on the document are sent to the page as typed MenuCommands; the page owns the document.
 * Pure: electron is imported for types only, main.ts passes the template to Menu.buildFromTemplate.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RecentFile } from '../../src-shared/electron/ipc-schemas';
import { translator } from '../../src-shared/i18n/catalog';
import { LANGUAGE_NAMES, LANGUAGES, languageOfLocale, type Language } from '../../src-shared/i18n/language';

/** The language of the native UI before the page says otherwise: Korean for a Korean system, else English. */
export function systemLanguage(locale: string): Language {
  return languageOfLocale(locale);
}

export interface MenuState {
  readonly platform: string;
  readonly language: Language;
  readonly recent: readonly RecentFile[];
  /** Reload and the developer tools are offered only in a development run. */
  readonly development: boolean;
}

export interface MenuActions {
  readonly command: (command: MenuCommand) => void;
  readonly clearRecent: () => void;
  readonly about: () => void;
}

export function buildMenuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  // Labels come from the `electron` dictionary, where "&" marks the access key ("&File", "파일(&F)").
  const t = translator(state.language, 'electron');
  const mac = state.platform === 'darwin';
  const send = (command: MenuCommand) => () => actions.command(command);
  // Access keys (&F, (&F)) are a Windows/Linux convention; macOS shows no underlines.
  const top = (label: string) => (mac ? label.replace(/\(&.\)$/, '').replace(/&/g, '') : label);
  // The page handles these shortcuts itself (also in browser mode), so the menu shows them
  // without registering them: one key press, one action.
  const pageKey = (accelerator: string) => ({ accelerator, registerAccelerator: false });

  const recentItems: MenuItemConstructorOptions[] =
    state.recent.length === 0
      ? [{ label: t('noRecent'), enabled: false }]
      : state.recent.map((r) => ({ label: r.name, sublabel: r.path, toolTip: r.path, click: send({ type: 'open-recent', path: r.path }) }));

  const file: MenuItemConstructorOptions = {
    label: top(t('file')),
    submenu: [
      { label: t('new'), ...pageKey('CmdOrCtrl+N'), click: send({ type: 'new' }) },
      { label: t('open'), ...pageKey('CmdOrCtrl+O'), click: send({ type: 'open' }) },
      {
        label: t('recent'),
        submenu: [
          ...recentItems,
          { type: 'separator' },
          { label: t('clearRecent'), enabled: state.recent.length > 0, click: () => actions.clearRecent() },
        ],
      },
      { type: 'separator' },
      { label: t('save'), ...pageKey('CmdOrCtrl+S'), click: send({ type: 'save' }) },
      { label: t('saveAs'), ...pageKey('CmdOrCtrl+Shift+S'), click: send({ type: 'save-as' }) },
      { type: 'separator' },
      { label: t('importModel'), click: send({ type: 'import-model' }) },
      { label: t('openTrainedModel'), click: send({ type: 'open-trained-model' }) },
      {
        label: t('export'),
        submenu: [
          { label: t('exportKeras'), click: send({ type: 'export', format: 'keras-json' }) },
          { label: t('exportTfjs'), click: send({ type: 'export', format: 'tfjs-model' }) },
          { label: t('exportPython'), click: send({ type: 'export', format: 'python' }) },
          { label: t('exportPytorch'), click: send({ type: 'export', format: 'pytorch' }) },
          { label: t('exportPng'), click: send({ type: 'export', format: 'png' }) },
        ],
      },
      ...(mac ? [] : [{ type: 'separator' } as const, { label: t('quit'), role: 'quit' } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: top(t('edit')),
    submenu: [
      { label: t('undo'), ...pageKey('CmdOrCtrl+Z'), click: send({ type: 'undo' }) },
      { label: t('redo'), ...pageKey('CmdOrCtrl+Shift+Z'), click: send({ type: 'redo' }) },
      { type: 'separator' },
      { label: t('cut'), role: 'cut' },
      { label: t('copy'), role: 'copy' },
      { label: t('paste'), role: 'paste' },
      { label: t('selectAll'), role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: top(t('view')),
    submenu: [
      { label: t('fitView'), click: send({ type: 'fit-view' }) },
      { label: t('arrange'), click: send({ type: 'arrange' }) },
      { type: 'separator' },
      { label: t('zoomIn'), role: 'zoomIn' },
      { label: t('zoomOut'), role: 'zoomOut' },
      { label: t('resetZoom'), role: 'resetZoom' },
      { label: t('fullScreen'), role: 'togglefullscreen' },
      { type: 'separator' },
      {
        label: t('language'),
        // Each language by its own name, so it can be found whatever the current one is.
        submenu: LANGUAGES.map((language) => ({
          label: LANGUAGE_NAMES[language],
          type: 'radio' as const,
          checked: state.language === language,
          click: send({ type: 'set-language', language }),
        })),
      },
      ...(state.development
        ? [
            { type: 'separator' } as const,
            { label: t('reload'), role: 'reload' } as const,
            { label: t('devTools'), role: 'toggleDevTools' } as const,
          ]
        : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: top(t('help')),
    role: 'help',
    submenu: [{ label: t('about'), click: () => actions.about() }],
  };

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: 'Convas',
          submenu: [
            { label: t('about'), click: () => actions.about() },
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];
  const windowMenu: MenuItemConstructorOptions[] = mac ? [{ label: top(t('window')), role: 'windowMenu' }] : [];

  return [...appMenu, file, edit, view, ...windowMenu, help];
}
