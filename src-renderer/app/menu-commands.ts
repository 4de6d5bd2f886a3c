/**
 * The desktop app's native menu choices, mapped to the page's actions. Main sends each choice as
 * a typed MenuCommand; the page checks it with menuCommandSchema (it trusts no message) and runs
 * the same action the toolbar and shortcuts run. Pure: the actions are passed in.
 */
import { menuCommandSchema, type ExportFormat, type Language, type MenuCommand } from '../../src-shared/electron/ipc-schemas';
import { zodIssues } from '../../src-shared/project/io';

/** The design exports of the toolbar's Export menu (file-actions' ExportKind without the project file). */
export type DesignExport = 'keras' | 'tfjs' | 'python' | 'pytorch' | 'png';

/** The native menus' export formats, as the page's export actions name them. */
export const EXPORT_OF_FORMAT: Readonly<Record<ExportFormat, DesignExport>> = {
  'keras-json': 'keras',
  'tfjs-model': 'tfjs',
  python: 'python',
  pytorch: 'pytorch',
  png: 'png',
};

/** What the menu can ask the page to do; each may return a promise. */
export interface MenuCommandActions {
  newProject(): unknown;
  open(): unknown;
  openRecent(path: string): unknown;
  save(): unknown;
  saveAs(): unknown;
  importModel(): unknown;
  openTrainedModel(): unknown;
  exportDesign(kind: DesignExport): unknown;
  undo(): unknown;
  redo(): unknown;
  fitView(): unknown;
  arrange(): unknown;
  setLanguage(language: Language): unknown;
}

export type ParsedMenuCommand = { readonly ok: true; readonly command: MenuCommand } | { readonly ok: false; readonly error: string };

/** Checks a message from main; a malformed one is refused with the reason. */
export function parseMenuCommand(raw: unknown): ParsedMenuCommand {
  const parsed = menuCommandSchema.safeParse(raw);
  return parsed.success ? { ok: true, command: parsed.data } : { ok: false, error: zodIssues(parsed.error) };
}

/** Commands that do not touch the document run even while the page shows a question. */
export function changesDocument(command: MenuCommand): boolean {
  return command.type !== 'set-language' && command.type !== 'fit-view';
}

/** Runs the action of a (checked) menu command; resolves when the action is done. */
export async function runMenuCommand(command: MenuCommand, actions: MenuCommandActions): Promise<void> {
  await actionOf(command, actions);
}

function actionOf(command: MenuCommand, actions: MenuCommandActions): unknown {
  switch (command.type) {
    case 'new':
      return actions.newProject();
    case 'open':
      return actions.open();
    case 'open-recent':
      return actions.openRecent(command.path);
    case 'save':
      return actions.save();
    case 'save-as':
      return actions.saveAs();
    case 'import-model':
      return actions.importModel();
    case 'open-trained-model':
      return actions.openTrainedModel();
    case 'export':
      return actions.exportDesign(EXPORT_OF_FORMAT[command.format]);
    case 'undo':
      return actions.undo();
    case 'redo':
      return actions.redo();
    case 'fit-view':
      return actions.fitView();
    case 'arrange':
      return actions.arrange();
    case 'set-language':
      return actions.setLanguage(command.language);
    default: {
      const never: never = command;
      throw new Error(`Unknown menu command ${JSON.stringify(never)}`);
    }
  }
}
