// IPC of the desktop app: every payload validated, every sender checked, through the router main uses.
import { describe, expect, it, type RunnerTestFile, type RunnerTestSuite } from 'vitest';
import { IPC, type IpcName } from '../../../src-shared/electron/channels';
import {
  exportFileRequestSchema,
  exportFilesRequestSchema,
  fileNameSchema,
  ipcRequestSchemas,
  MAX_TEXT_LENGTH,
  menuCommandSchema,
  openFileRequestSchema,
  saveFileRequestSchema,
  type IpcResponses,
} from '../../../src-shared/electron/ipc-schemas';
import { createIpcRouter, UNTRUSTED_SENDER, type IpcHandlers } from '../../../src-main/electron/ipc-router';
import { isTrustedSender } from '../../../src-main/electron/sender';

const top = (url: string) => ({ url, parent: null });

/** A payload as JSON for a test title, with long strings shortened: a title once carried a 32 MiB string. */
function brief(payload: unknown): string {
  return JSON.stringify(payload, (_key, value: unknown) =>
    typeof value === 'string' && value.length > 40 ? `${value.slice(0, 8)}… (${value.length.toLocaleString('en-US')} characters)` : value,
  );
}

describe('IPC payload schemas', () => {
  it('has a schema for every channel and a channel for every schema', () => {
    expect(Object.keys(ipcRequestSchemas).sort()).toEqual(Object.keys(IPC).sort());
    expect(new Set(Object.values(IPC)).size).toBe(Object.keys(IPC).length);
  });

  it('accepts well-formed requests', () => {
    expect(openFileRequestSchema.safeParse({ kind: 'project' }).success).toBe(true);
    expect(ipcRequestSchemas.chooseDataDir.safeParse({ dataset: 'images' }).success).toBe(true);
    expect(saveFileRequestSchema.safeParse({ path: null, suggestedName: 'lecture-cnn.convas.json', text: '{}' }).success).toBe(true);
    expect(
      saveFileRequestSchema.safeParse({ path: '/home/me/net.convas.json', suggestedName: '합성곱.convas.json', text: '{}' }).success,
    ).toBe(true);
    expect(
      exportFileRequestSchema.safeParse({ kind: 'png', suggestedName: 'net.png', data: new Uint8Array([137, 80, 78, 71]) }).success,
    ).toBe(true);
    expect(
      exportFilesRequestSchema.safeParse({
        kind: 'tfjs-model',
        files: [
          { name: 'model.json', data: '{}' },
          { name: 'weights.bin', data: new Uint8Array(8) },
        ],
      }).success,
    ).toBe(true);
  });

  it.each(
    (
      [
        ['openFile', { kind: 'etc-passwd' }],
        ['openFile', { kind: 'project', extra: 1 }],
        ['openFile', 'project'],
        ['saveFile', { path: 42, suggestedName: 'a.json', text: '' }],
        ['saveFile', { path: null, suggestedName: '../../.bashrc', text: '' }],
        ['saveFile', { path: null, suggestedName: 'a.json' }],
        ['saveFile', { path: 'a\0b', suggestedName: 'a.json', text: '' }],
        ['saveFile', { path: null, suggestedName: 'a.json', text: 'x'.repeat(MAX_TEXT_LENGTH + 1) }],
        ['exportFile', { kind: 'exe', suggestedName: 'a.exe', data: '' }],
        ['exportFile', { kind: 'png', suggestedName: 'a.png', data: [1, 2, 3] }],
        ['exportFiles', { kind: 'tfjs-model', files: [] }],
        [
          'exportFiles',
          {
            kind: 'tfjs-model',
            files: [
              { name: 'model.json', data: '' },
              { name: 'MODEL.json', data: '' },
            ],
          },
        ],
        ['exportFiles', { kind: 'tfjs-model', files: [{ name: 'sub/model.json', data: '' }] }],
        ['openRecent', { path: '' }],
        ['recentFiles', { anything: true }],
        ['setDocumentState', { title: 'x', dirty: 'yes' }],
        ['setLanguage', { language: 'fr' }],
        ['engineConnect', { id: 'has spaces and ; semicolons' }],
        ['engineConnect', {}],
        ['engineRestart', { now: true }],
        ['chooseDataDir', undefined],
        ['chooseDataDir', { dataset: 'sample' }],
        ['chooseDataDir', { dataset: 'images', path: '/etc' }],
      ] as [IpcName, unknown][]
    ).map(([name, payload]) => [name, brief(payload), payload] as const),
  )('refuses a bad %s payload: %s', (name, _shown, payload) => {
    expect(ipcRequestSchemas[name].safeParse(payload).success).toBe(false);
  });

  it.each(['.', '..', 'a/b', 'a\\b', 'con:', 'x\ny', 'trailing.', 'trailing ', '', 'a'.repeat(256)].map((n) => [brief(n), n]))(
    'refuses the file name %s',
    (_shown, name) => {
      expect(fileNameSchema.safeParse(name).success).toBe(false);
    },
  );

  it('types the menu commands', () => {
    expect(menuCommandSchema.safeParse({ type: 'export', format: 'python' }).success).toBe(true);
    expect(menuCommandSchema.safeParse({ type: 'export', format: 'exe' }).success).toBe(false);
    expect(menuCommandSchema.safeParse({ type: 'open-recent' }).success).toBe(false);
    expect(menuCommandSchema.safeParse({ type: 'rm -rf' }).success).toBe(false);
  });
});

describe('sender validation', () => {
  it('trusts only the main frame of a convas://app page', () => {
    expect(isTrustedSender(top('convas://app/index.html'))).toBe(true);
    expect(isTrustedSender(top('convas://app/index.html?template=lecture-cnn#x'))).toBe(true);
  });

  it.each([
    ['another origin', top('https://evil.example/index.html')],
    ['file://', top('file:///work/main/dist/renderer/index.html')],
    ['a look-alike host', top('convas://app.evil/index.html')],
    ['another host', top('convas://other/index.html')],
    ['credentials in the URL', top('convas://user:pw@app/index.html')],
    ['a port', top('convas://app:8080/index.html')],
    ['an opaque URL', top('about:blank')],
    ['a data URL', top('data:text/html,<script>1</script>')],
    ['a garbage URL', top('not a url')],
    ['a subframe of our own origin', { url: 'convas://app/index.html', parent: { url: 'convas://app/index.html' } }],
    ['a frame that is gone', null],
    ['no frame', undefined],
  ])('refuses %s', (_what, frame) => {
    expect(isTrustedSender(frame)).toBe(false);
  });
});

describe('the IPC router', () => {
  const calls: unknown[] = [];
  const handlers = Object.fromEntries(
    (Object.keys(IPC) as IpcName[]).map((name) => [
      name,
      (request: unknown, context: string) => {
        calls.push({ name, request, context });
        if (name === 'openRecent') throw new Error('net.convas.json is not on the recent-files list.');
        return name === 'recentFiles' ? [] : null;
      },
    ]),
  ) as unknown as IpcHandlers<string>;
  const refused: string[] = [];
  const route = createIpcRouter(handlers, {
    isKnownSender: (context) => context === 'main-window',
    onRefused: (name, reason) => refused.push(`${name}: ${reason}`),
  });

  it('runs the handler with the parsed request for a trusted sender', async () => {
    calls.length = 0;
    const result = await route('openFile', { frame: top('convas://app/index.html'), payload: { kind: 'model' }, context: 'main-window' });
    expect(result).toEqual({ ok: true, value: null });
    expect(calls).toEqual([{ name: 'openFile', request: { kind: 'model' }, context: 'main-window' }]);
  });

  it('refuses an untrusted frame or an unknown webContents before looking at the payload', async () => {
    calls.length = 0;
    refused.length = 0;
    expect(await route('openFile', { frame: top('https://evil.example/'), payload: { kind: 'project' }, context: 'main-window' })).toEqual({
      ok: false,
      error: UNTRUSTED_SENDER,
    });
    expect(await route('openFile', { frame: null, payload: { kind: 'project' }, context: 'main-window' })).toEqual({
      ok: false,
      error: UNTRUSTED_SENDER,
    });
    expect(await route('openFile', { frame: top('convas://app/index.html'), payload: { kind: 'project' }, context: 'devtools' })).toEqual({
      ok: false,
      error: UNTRUSTED_SENDER,
    });
    expect(calls).toEqual([]);
    expect(refused).toEqual([
      'openFile: untrusted frame https://evil.example/',
      'openFile: untrusted frame (none)',
      'openFile: unknown webContents',
    ]);
  });

  it('refuses an invalid payload with a sentence naming the field', async () => {
    calls.length = 0;
    const result = await route('saveFile', {
      frame: top('convas://app/index.html'),
      payload: { path: null, suggestedName: '../x', text: '' },
      context: 'main-window',
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^Invalid saveFile request: suggestedName: /);
    expect(calls).toEqual([]);
  });

  it('refuses a channel it does not know', async () => {
    const result = await route('deleteEverything' as IpcName, {
      frame: top('convas://app/index.html'),
      payload: undefined,
      context: 'main-window',
    });
    expect(result).toEqual({ ok: false, error: "Unknown request 'deleteEverything'." });
  });

  it("turns a handler's error into an answer, not a rejection", async () => {
    const result: { ok: boolean } = await route('openRecent', {
      frame: top('convas://app/index.html'),
      payload: { path: '/x/net.convas.json' },
      context: 'main-window',
    });
    expect(result).toEqual({ ok: false, error: 'net.convas.json is not on the recent-files list.' });
  });

  it('answers channels without payload only when there is none', async () => {
    const ok = await route('recentFiles', { frame: top('convas://app/index.html'), payload: undefined, context: 'main-window' });
    expect(ok).toEqual({ ok: true, value: [] satisfies IpcResponses['recentFiles'] });
    const bad = await route('recentFiles', { frame: top('convas://app/index.html'), payload: 'surprise', context: 'main-window' });
    expect(bad.ok).toBe(false);
  });
});

describe('this file', () => {
  it('names its tests in a line each, whatever their payloads', ({ task }) => {
    const names = (t: RunnerTestFile | RunnerTestSuite): string[] =>
      t.tasks.flatMap((c) => (c.type === 'suite' ? [c.name, ...names(c)] : [c.name]));
    const all = names(task.file);
    expect(all.length).toBeGreaterThan(30);
    const tooLong = all.filter((n) => n.length > 200).map((n) => `${n.slice(0, 60)}… (${n.length} characters)`);
    expect(tooLong).toEqual([]);
    expect(all).toContain(
      'refuses a bad saveFile payload: {"path":null,"suggestedName":"a.json","text":"xxxxxxxx… (33,554,433 characters)"}',
    );
    expect(all).toContain('refuses the file name "aaaaaaaa… (256 characters)"');
  });
});
