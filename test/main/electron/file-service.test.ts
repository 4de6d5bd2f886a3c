// Files of the desktop app behind the typed IPC, with scripted dialogs and a real temp directory.
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileService, withDefaultExtension, type FileDialogs } from '../../../src-main/electron/file-service';
import { RecentFiles } from '../../../src-main/electron/recent-files';
import type { RecentFile } from '../../../src-shared/electron/ipc-schemas';
import type { Language } from '../../../src-shared/i18n/language';

let dir: string;
let answers: (string | undefined | boolean)[];
let asked: string[];
let recentChanges: (readonly RecentFile[])[];

/** Dialogs that answer from a script and record what they were asked. */
const dialogs: FileDialogs = {
  chooseFileToOpen: async (kind, defaultDir) => (asked.push(`open ${kind} in ${defaultDir}`), answers.shift() as string | undefined),
  chooseFilesToOpen: async (kind, defaultDir) => {
    asked.push(`open several ${kind} in ${defaultDir}`);
    const answer = answers.shift();
    return typeof answer === 'string' ? answer.split('|') : undefined;
  },
  chooseSaveTarget: async (kind, defaultPath) => (asked.push(`save ${kind} as ${defaultPath}`), answers.shift() as string | undefined),
  chooseDirectory: async (kind, defaultDir) => (asked.push(`folder ${kind} in ${defaultDir}`), answers.shift() as string | undefined),
  confirmOverwrite: async (_dir, names) => (asked.push(`overwrite ${names.join(',')}`), answers.shift() as boolean),
};

let recent: RecentFiles;
let files: FileService;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'convas-files-'));
  answers = [];
  asked = [];
  recentChanges = [];
  let now = 1000;
  recent = new RecentFiles(join(dir, 'user-data', 'recent-files.json'), {
    max: 3,
    now: () => now++,
    onChange: (l) => recentChanges.push(l),
  });
  await recent.load();
  files = new FileService({ dialogs, recent, startDir: join(dir, 'Documents') });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('FileService', () => {
  it('opens the file the user picks, remembers it, and may then save it in place without asking', async () => {
    const path = join(dir, 'net.convas.json');
    await writeFile(path, '\uFEFF{"formatVersion":1}');
    answers = [path];
    const opened = await files.open('project');
    expect(opened).toEqual({ path, name: 'net.convas.json', text: '{"formatVersion":1}' });
    expect(asked).toEqual([`open project in ${join(dir, 'Documents')}`]);
    expect(recent.list().map((r) => r.path)).toEqual([path]);

    const saved = await files.save({ path, suggestedName: 'ignored.convas.json', text: '{"formatVersion":2}' });
    expect(saved).toEqual({ path, name: 'net.convas.json' });
    expect(asked).toHaveLength(1); // no dialog for Save
    expect(await readFile(path, 'utf8')).toBe('{"formatVersion":2}');
  });

  it('asks where to save when the page names a path main did not hand out', async () => {
    const victim = join(dir, 'victim.txt');
    await writeFile(victim, 'keep me');
    answers = [undefined];
    expect(await files.save({ path: victim, suggestedName: 'net.convas.json', text: 'pwned' })).toBeNull();
    expect(asked).toEqual([`save project as ${join(dir, 'Documents', 'net.convas.json')}`]);
    expect(await readFile(victim, 'utf8')).toBe('keep me');
  });

  it('Save As writes atomically where the user chose, adding the project extension to a bare name', async () => {
    answers = [join(dir, 'my-net')];
    const saved = await files.save({ path: null, suggestedName: 'lecture-cnn.convas.json', text: '{}' });
    expect(saved).toEqual({ path: join(dir, 'my-net.convas.json'), name: 'my-net.convas.json' });
    expect(await readFile(join(dir, 'my-net.convas.json'), 'utf8')).toBe('{}');
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(files.isGranted(join(dir, 'my-net.convas.json'))).toBe(true);
  });

  it('does not let an imported model be saved over (it becomes a new project)', async () => {
    const model = join(dir, 'model.json');
    await writeFile(model, '{"modelTopology":{}}');
    answers = [model];
    expect((await files.open('model'))?.text).toBe('{"modelTopology":{}}');
    expect(files.isGranted(model)).toBe(false);
    expect(recent.list()).toEqual([]);
  });

  it('opens a trained model’s files in one dialog as bytes, granting nothing and remembering nothing', async () => {
    const model = join(dir, 'model.json');
    const weights = join(dir, 'weights.bin');
    await writeFile(model, '{"modelTopology":{}}');
    await writeFile(weights, Uint8Array.from([0, 255, 7]));
    answers = [`${model}|${weights}`];
    const opened = await files.openMany('trained-model');
    expect(opened?.map((f) => [f.name, Array.from(f.data)])).toEqual([
      ['model.json', Array.from(new TextEncoder().encode('{"modelTopology":{}}'))],
      ['weights.bin', [0, 255, 7]],
    ]);
    expect(asked).toEqual([`open several trained-model in ${join(dir, 'Documents')}`]);
    expect(files.isGranted(model)).toBe(false);
    expect(recent.list()).toEqual([]);
    answers = [undefined];
    expect(await files.openMany('trained-model')).toBeNull();
    answers = [`${model}|${join(dir, 'gone.bin')}`];
    await expect(files.openMany('trained-model')).rejects.toThrow('Cannot open gone.bin: it does not exist.');
  });

  it('says clearly why a file cannot be opened', async () => {
    answers = [join(dir, 'missing.convas.json')];
    await expect(files.open('project')).rejects.toThrow('Cannot open missing.convas.json: it does not exist.');
    await mkdir(join(dir, 'folder.json'));
    answers = [join(dir, 'folder.json')];
    await expect(files.open('project')).rejects.toThrow('Cannot open folder.json: it is a folder.');
    const small = new FileService({ dialogs, recent, startDir: dir, maxReadBytes: 4 });
    await writeFile(join(dir, 'big.json'), '{"a":1}');
    answers = [join(dir, 'big.json')];
    await expect(small.open('project')).rejects.toThrow(/Cannot open big\.json: it is larger than/);
  });

  it('words its errors in the app’s language, following it when it changes', async () => {
    let language: Language = 'ko';
    const worded = new FileService({ dialogs, recent, startDir: dir, maxReadBytes: 4 * 1024 * 1024, language: () => language });
    answers = [join(dir, 'missing.convas.json')];
    await expect(worded.open('project')).rejects.toThrow('missing.convas.json 파일을 열 수 없습니다: 파일이 없습니다.');
    await writeFile(join(dir, 'big.json'), 'x'.repeat(5 * 1024 * 1024));
    answers = [join(dir, 'big.json')];
    await expect(worded.open('project')).rejects.toThrow('big.json 파일을 열 수 없습니다: 4 MB보다 큽니다.');
    await expect(worded.openRecent(join(dir, 'a.convas.json'))).rejects.toThrow('a.convas.json 파일은 최근 파일 목록에 없습니다.');
    language = 'en';
    answers = [join(dir, 'big.json')];
    await expect(worded.open('project')).rejects.toThrow('Cannot open big.json: it is larger than 4 MB.');
    await mkdir(join(dir, 'taken.convas.json'));
    answers = [join(dir, 'taken.convas.json')];
    await expect(worded.save({ path: null, suggestedName: 'net.convas.json', text: '{}' })).rejects.toThrow(
      /^Cannot write taken\.convas\.json: .+\. Nothing was changed\.$/,
    );
    language = 'ko';
    answers = [join(dir, 'taken.convas.json')];
    await expect(worded.save({ path: null, suggestedName: 'net.convas.json', text: '{}' })).rejects.toThrow(
      /^taken\.convas\.json 파일을 쓸 수 없습니다: .+\. 아무것도 바뀌지 않았습니다\.$/,
    );
  });

  it('reopens only files on the recent list, and forgets one that is gone', async () => {
    const path = join(dir, 'a.convas.json');
    await writeFile(path, '{}');
    await expect(files.openRecent(path)).rejects.toThrow('a.convas.json is not on the recent-files list.');
    await expect(files.openRecent('/etc/passwd')).rejects.toThrow(/not on the recent-files list/);
    await recent.add(path);
    expect((await files.openRecent(path)).text).toBe('{}');
    await rm(path);
    await expect(files.openRecent(path)).rejects.toThrow('Cannot open a.convas.json: it does not exist.');
    expect(recent.has(path)).toBe(false);
  });

  it('exports one file where the user chooses, with the kind’s extension', async () => {
    answers = [join(dir, 'script')];
    expect(await files.exportFile({ kind: 'python', suggestedName: 'net.py', data: 'print(1)\n' })).toEqual({
      path: join(dir, 'script.py'),
    });
    expect(await readFile(join(dir, 'script.py'), 'utf8')).toBe('print(1)\n');
    answers = [join(dir, 'net.png')];
    await files.exportFile({ kind: 'png', suggestedName: 'net.png', data: new Uint8Array([137, 80, 78, 71]) });
    expect([...(await readFile(join(dir, 'net.png')))]).toEqual([137, 80, 78, 71]);
    answers = [undefined];
    expect(await files.exportFile({ kind: 'keras-json', suggestedName: 'net.keras.json', data: '{}' })).toBeNull();
  });

  it('exports several files into a chosen folder, asking before replacing any', async () => {
    const out = join(dir, 'out');
    await mkdir(out);
    await writeFile(join(out, 'model.json'), 'old');
    const request = {
      kind: 'tfjs-model' as const,
      files: [
        { name: 'model.json', data: '{"new":1}' },
        { name: 'weights.bin', data: new Uint8Array([1, 2, 3, 4]) },
      ],
    };
    answers = [out, false];
    expect(await files.exportFiles(request)).toBeNull();
    expect(await readFile(join(out, 'model.json'), 'utf8')).toBe('old');
    expect(asked.at(-1)).toBe('overwrite model.json');
    answers = [out, true];
    expect(await files.exportFiles(request)).toEqual({ dir: out, paths: [join(out, 'model.json'), join(out, 'weights.bin')] });
    expect(await readFile(join(out, 'model.json'), 'utf8')).toBe('{"new":1}');
    expect([...(await readFile(join(out, 'weights.bin')))]).toEqual([1, 2, 3, 4]);
  });

  it('refuses names that would leave the chosen folder even if they got past validation', async () => {
    answers = [join(dir, 'out')];
    await expect(files.exportFiles({ kind: 'tfjs-model', files: [{ name: '../escape.json', data: 'x' }] })).rejects.toThrow(
      /leave the chosen folder/,
    );
  });

  it('starts dialogs where the user last was', async () => {
    answers = [join(dir, 'deep', 'x.py')];
    await files.exportFile({ kind: 'python', suggestedName: 'x.py', data: '' });
    answers = [undefined];
    await files.open('project');
    expect(asked.at(-1)).toBe(`open project in ${join(dir, 'deep')}`);
  });

  it('adds a default extension only to a bare name', () => {
    expect(withDefaultExtension('/a/net', 'project')).toBe('/a/net.convas.json');
    expect(withDefaultExtension('/a/net.json', 'project')).toBe('/a/net.json');
    expect(withDefaultExtension('/a.b/net', 'png')).toBe('/a.b/net.png');
  });
});

describe('RecentFiles', () => {
  it('keeps the newest few, without duplicates, across restarts', async () => {
    for (const n of ['a', 'b', 'a', 'c', 'd']) await recent.add(join(dir, `${n}.convas.json`));
    expect(recent.list().map((r) => r.name)).toEqual(['d.convas.json', 'c.convas.json', 'a.convas.json']);
    expect(recentChanges).toHaveLength(5);
    const again = new RecentFiles(join(dir, 'user-data', 'recent-files.json'));
    await again.load();
    expect(again.list()).toEqual(recent.list());
    await again.clear();
    expect(again.list()).toEqual([]);
  });

  it('treats a damaged list as empty', async () => {
    const file = join(dir, 'bad.json');
    await writeFile(file, '[{"path": 42}]');
    const r = new RecentFiles(file);
    await r.load();
    expect(r.list()).toEqual([]);
    await writeFile(file, 'not json');
    await r.load();
    expect(r.list()).toEqual([]);
  });
});
