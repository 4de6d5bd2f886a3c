/**
 * The native menus, as data: File, Edit, View, Help (plus the app menu on macOS). Choices that
 * act on the document are sent to the page as typed MenuCommands; the page owns the document.
 * Pure: electron is imported for types only, main.ts passes the template to Menu.buildFromTemplate.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { Language, MenuCommand, RecentFile } from '../../src-shared/electron/ipc-schemas';

const LABELS = {
  en: {
    file: '&File',
    new: 'New',
    open: 'Open…',
    recent: 'Open Recent',
    noRecent: 'No recent files',
    clearRecent: 'Clear Recent',
    save: 'Save',
    saveAs: 'Save As…',
    importModel: 'Import Keras / TensorFlow.js Model…',
    export: 'Export',
    exportKeras: 'Keras JSON…',
    exportTfjs: 'TensorFlow.js Model…',
    exportPython: 'Python Script…',
    exportPng: 'PNG Image…',
    quit: 'Quit',
    edit: '&Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: '&View',
    fitView: 'Fit to Window',
    arrange: 'Arrange Layers',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    resetZoom: 'Actual Size',
    fullScreen: 'Toggle Full Screen',
    language: 'Language',
    reload: 'Reload',
    devTools: 'Developer Tools',
    window: '&Window',
    help: '&Help',
    about: 'About Convas',
  },
  ko: {
    file: '파일(&F)',
    new: '새로 만들기',
    open: '열기…',
    recent: '최근 파일',
    noRecent: '최근 파일 없음',
    clearRecent: '목록 지우기',
    save: '저장',
    saveAs: '다른 이름으로 저장…',
    importModel: 'Keras / TensorFlow.js 모델 가져오기…',
    export: '내보내기',
    exportKeras: 'Keras JSON…',
    exportTfjs: 'TensorFlow.js 모델…',
    exportPython: 'Python 스크립트…',
    exportPng: 'PNG 이미지…',
    quit: '종료',
    edit: '편집(&E)',
    undo: '실행 취소',
    redo: '다시 실행',
    cut: '잘라내기',
    copy: '복사',
    paste: '붙여넣기',
    selectAll: '모두 선택',
    view: '보기(&V)',
    fitView: '창에 맞추기',
    arrange: '레이어 정렬',
    zoomIn: '확대',
    zoomOut: '축소',
    resetZoom: '실제 크기',
    fullScreen: '전체 화면',
    language: '언어',
    reload: '새로 고침',
    devTools: '개발자 도구',
    window: '창(&W)',
    help: '도움말(&H)',
    about: 'Convas 정보',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** Menu labels in a language (also used for the title of dialogs main shows). */
export function menuLabels(language: Language): (typeof LABELS)[Language] {
  return LABELS[language];
}

/** The language of the native UI before the page says otherwise: Korean for a Korean system, else English. */
export function systemLanguage(locale: string): Language {
  return locale.toLowerCase().startsWith('ko') ? 'ko' : 'en';
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
  const t = LABELS[state.language];
  const mac = state.platform === 'darwin';
  const send = (command: MenuCommand) => () => actions.command(command);
  // Access keys (&F, (&F)) are a Windows/Linux convention; macOS shows no underlines.
  const top = (label: string) => (mac ? label.replace(/\(&.\)$/, '').replace(/&/g, '') : label);
  // The page handles these shortcuts itself (also in browser mode), so the menu shows them
  // without registering them: one key press, one action.
  const pageKey = (accelerator: string) => ({ accelerator, registerAccelerator: false });

  const recentItems: MenuItemConstructorOptions[] =
    state.recent.length === 0
      ? [{ label: t.noRecent, enabled: false }]
      : state.recent.map((r) => ({ label: r.name, sublabel: r.path, toolTip: r.path, click: send({ type: 'open-recent', path: r.path }) }));

  const file: MenuItemConstructorOptions = {
    label: top(t.file),
    submenu: [
      { label: t.new, ...pageKey('CmdOrCtrl+N'), click: send({ type: 'new' }) },
      { label: t.open, ...pageKey('CmdOrCtrl+O'), click: send({ type: 'open' }) },
      {
        label: t.recent,
        submenu: [
          ...recentItems,
          { type: 'separator' },
          { label: t.clearRecent, enabled: state.recent.length > 0, click: () => actions.clearRecent() },
        ],
      },
      { type: 'separator' },
      { label: t.save, ...pageKey('CmdOrCtrl+S'), click: send({ type: 'save' }) },
      { label: t.saveAs, ...pageKey('CmdOrCtrl+Shift+S'), click: send({ type: 'save-as' }) },
      { type: 'separator' },
      { label: t.importModel, click: send({ type: 'import-model' }) },
      {
        label: t.export,
        submenu: [
          { label: t.exportKeras, click: send({ type: 'export', format: 'keras-json' }) },
          { label: t.exportTfjs, click: send({ type: 'export', format: 'tfjs-model' }) },
          { label: t.exportPython, click: send({ type: 'export', format: 'python' }) },
          { label: t.exportPng, click: send({ type: 'export', format: 'png' }) },
        ],
      },
      ...(mac ? [] : [{ type: 'separator' } as const, { label: t.quit, role: 'quit' } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: top(t.edit),
    submenu: [
      { label: t.undo, ...pageKey('CmdOrCtrl+Z'), click: send({ type: 'undo' }) },
      { label: t.redo, ...pageKey('CmdOrCtrl+Shift+Z'), click: send({ type: 'redo' }) },
      { type: 'separator' },
      { label: t.cut, role: 'cut' },
      { label: t.copy, role: 'copy' },
      { label: t.paste, role: 'paste' },
      { label: t.selectAll, role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: top(t.view),
    submenu: [
      { label: t.fitView, click: send({ type: 'fit-view' }) },
      { label: t.arrange, click: send({ type: 'arrange' }) },
      { type: 'separator' },
      { label: t.zoomIn, role: 'zoomIn' },
      { label: t.zoomOut, role: 'zoomOut' },
      { label: t.resetZoom, role: 'resetZoom' },
      { label: t.fullScreen, role: 'togglefullscreen' },
      { type: 'separator' },
      {
        label: t.language,
        submenu: [
          { label: 'English', type: 'radio', checked: state.language === 'en', click: send({ type: 'set-language', language: 'en' }) },
          { label: '한국어', type: 'radio', checked: state.language === 'ko', click: send({ type: 'set-language', language: 'ko' }) },
        ],
      },
      ...(state.development
        ? [
            { type: 'separator' } as const,
            { label: t.reload, role: 'reload' } as const,
            { label: t.devTools, role: 'toggleDevTools' } as const,
          ]
        : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: top(t.help),
    role: 'help',
    submenu: [{ label: t.about, click: () => actions.about() }],
  };

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: 'Convas',
          submenu: [
            { label: t.about, click: () => actions.about() },
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
  const windowMenu: MenuItemConstructorOptions[] = mac ? [{ label: top(t.window), role: 'windowMenu' }] : [];

  return [...appMenu, file, edit, view, ...windowMenu, help];
}
