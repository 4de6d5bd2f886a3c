import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../../src-shared/electron/ipc-schemas';
import { changesDocument, parseMenuCommand, runMenuCommand, type MenuCommandActions } from '../../../src-renderer/app/menu-commands';

/** Actions that record what ran, with its argument. */
function recorder(): { actions: MenuCommandActions; ran: string[] } {
  const ran: string[] = [];
  const did =
    (name: string) =>
    (arg?: unknown): void => {
      ran.push(arg === undefined ? name : `${name}:${String(arg)}`);
    };
  return {
    ran,
    actions: {
      newProject: did('new'),
      open: did('open'),
      openRecent: did('openRecent'),
      save: did('save'),
      saveAs: did('saveAs'),
      importModel: did('importModel'),
      openTrainedModel: did('openTrainedModel'),
      exportDesign: did('export'),
      undo: did('undo'),
      redo: did('redo'),
      fitView: did('fitView'),
      arrange: did('arrange'),
      setLanguage: did('language'),
    },
  };
}

/** Every command the native menus send (src-main/electron/menu.ts), with the action it must run. */
const CASES: [MenuCommand, string][] = [
  [{ type: 'new' }, 'new'],
  [{ type: 'open' }, 'open'],
  [{ type: 'open-recent', path: '/home/ada/net.convas.json' }, 'openRecent:/home/ada/net.convas.json'],
  [{ type: 'save' }, 'save'],
  [{ type: 'save-as' }, 'saveAs'],
  [{ type: 'import-model' }, 'importModel'],
  [{ type: 'open-trained-model' }, 'openTrainedModel'],
  [{ type: 'export', format: 'keras-json' }, 'export:keras'],
  [{ type: 'export', format: 'tfjs-model' }, 'export:tfjs'],
  [{ type: 'export', format: 'python' }, 'export:python'],
  [{ type: 'export', format: 'pytorch' }, 'export:pytorch'],
  [{ type: 'export', format: 'png' }, 'export:png'],
  [{ type: 'undo' }, 'undo'],
  [{ type: 'redo' }, 'redo'],
  [{ type: 'fit-view' }, 'fitView'],
  [{ type: 'arrange' }, 'arrange'],
  [{ type: 'set-language', language: 'ko' }, 'language:ko'],
  [{ type: 'set-language', language: 'en' }, 'language:en'],
];

describe('menu commands', () => {
  it.each(CASES)('%j runs %s', async (command, expected) => {
    const { actions, ran } = recorder();
    const parsed = parseMenuCommand(command);
    expect(parsed).toEqual({ ok: true, command });
    if (!parsed.ok) return;
    await runMenuCommand(parsed.command, actions);
    expect(ran).toEqual([expected]);
  });

  it('waits for an action that returns a promise', async () => {
    let done = false;
    const { actions } = recorder();
    const slow: MenuCommandActions = {
      ...actions,
      save: () =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            done = true;
            resolve();
          }, 5),
        ),
    };
    await runMenuCommand({ type: 'save' }, slow);
    expect(done).toBe(true);
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'save'],
    ['an unknown type', { type: 'format-disk' }],
    ['an extra field', { type: 'save', path: '/etc/passwd' }],
    ['a missing path', { type: 'open-recent' }],
    ['an empty path', { type: 'open-recent', path: '' }],
    ['a NUL in a path', { type: 'open-recent', path: '/a\0b' }],
    ['an unknown export format', { type: 'export', format: 'onnx' }],
    ['an unknown language', { type: 'set-language', language: 'fr' }],
  ])('refuses %s', (_what, raw) => {
    const parsed = parseMenuCommand(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.length).toBeGreaterThan(0);
  });

  it('only the language and fit-view leave the document alone', () => {
    const untouched = CASES.map(([c]) => c).filter((c) => !changesDocument(c));
    expect(untouched.map((c) => c.type)).toEqual(['fit-view', 'set-language', 'set-language']);
  });
});
