import { describe, expect, it, vi } from 'vitest';
import { electronFileHost, electronRecentStore, exportKindOf } from '../../../src-renderer/files/electron-file-host';
import { baseName } from '../../../src-renderer/files/file-host';
import { FakeBridge } from '../fake-bridge';

const PROJECT = '/home/ada/nets/lecture.convas.json';

function setup() {
  const bridge = new FakeBridge();
  return { bridge, host: electronFileHost(bridge.files) };
}

describe('electron file host: open', () => {
  it('opens a project with the native dialog and returns its name, text and path', async () => {
    const { bridge, host } = setup();
    bridge.answer('files.open', { path: PROJECT, name: 'lecture.convas.json', text: '{}' });
    expect(await host.open(['.json'])).toEqual({ name: 'lecture.convas.json', text: '{}', path: PROJECT });
    expect(bridge.args('files.open')).toEqual([{ kind: 'project' }]);
  });

  it('asks for a model file when importing, and null means cancelled', async () => {
    const { bridge, host } = setup();
    bridge.answer('files.open', null);
    expect(await host.open(['.json'], 'model')).toBeNull();
    expect(bridge.args('files.open')).toEqual([{ kind: 'model' }]);
  });

  it('refuses a malformed answer with a sentence', async () => {
    const { bridge, host } = setup();
    bridge.answer('files.open', { path: PROJECT, name: 'x.json' });
    await expect(host.open()).rejects.toThrow(/answered open with unexpected data: text/);
    bridge.answer('files.open', { path: '', name: 'x.json', text: '' });
    await expect(host.open()).rejects.toThrow(/unexpected data: path/);
  });

  it('passes on a refusal from main', async () => {
    const { bridge, host } = setup();
    bridge.answer('files.open', new Error('Cannot open big.json: it is larger than 32 MB.'));
    await expect(host.open()).rejects.toThrow('Cannot open big.json: it is larger than 32 MB.');
  });
});

describe('electron file host: open several files (a trained model)', () => {
  it('asks main for a trained model’s files and returns their names and bytes; null means cancelled', async () => {
    const { bridge, host } = setup();
    const weights = Uint8Array.from([1, 2, 3]);
    bridge.answer(
      'files.openMany',
      [
        { path: '/m/model.json', name: 'model.json', data: new TextEncoder().encode('{}') },
        { path: '/m/weights.bin', name: 'weights.bin', data: weights },
      ],
      null,
    );
    const files = await host.openFiles?.(['.json', '.bin']);
    expect(files?.map((f) => f.name)).toEqual(['model.json', 'weights.bin']);
    expect(files?.[1]?.data).toBe(weights);
    expect(await host.openFiles?.(['.json'])).toBeNull();
    expect(bridge.args('files.openMany')).toEqual([{ kind: 'trained-model' }, { kind: 'trained-model' }]);
  });

  it('refuses an answer whose bytes are not bytes', async () => {
    const { bridge, host } = setup();
    bridge.answer('files.openMany', [{ path: '/m/weights.bin', name: 'weights.bin', data: 'AAEC' }]);
    await expect(host.openFiles?.(['.bin'])).rejects.toThrow(/answered open with unexpected data/);
  });
});

describe('electron file host: save', () => {
  it('Save As asks (path null) with the suggested name, then Save writes to the path main handed out', async () => {
    const { bridge, host } = setup();
    bridge.answer('files.save', { path: PROJECT, name: 'lecture.convas.json' }, { path: PROJECT, name: 'lecture.convas.json' });
    expect(await host.save(null, 'one', 'lecture-cnn.convas.json')).toEqual({ name: 'lecture.convas.json', path: PROJECT });
    expect(await host.save(PROJECT, 'two', 'lecture-cnn.convas.json')).toEqual({ name: 'lecture.convas.json', path: PROJECT });
    expect(bridge.args('files.save')).toEqual([
      { path: null, suggestedName: 'lecture-cnn.convas.json', text: 'one' },
      { path: PROJECT, suggestedName: 'lecture-cnn.convas.json', text: 'two' },
    ]);
  });

  it('writes back to an opened project without asking', async () => {
    const { bridge, host } = setup();
    bridge.answer('files.open', { path: PROJECT, name: 'lecture.convas.json', text: '{}' });
    bridge.answer('files.save', { path: PROJECT, name: 'lecture.convas.json' });
    await host.open();
    await host.save(PROJECT, 'changed', 'x.convas.json');
    expect(bridge.args('files.save')).toEqual([{ path: PROJECT, suggestedName: 'x.convas.json', text: 'changed' }]);
  });

  it('asks for any target it was not handed (a bare name, an imported model, a path from elsewhere)', async () => {
    const { bridge, host } = setup();
    bridge.answer('files.open', { path: '/m/model.json', name: 'model.json', text: '{}' });
    await host.open(undefined, 'model');
    bridge.answer('files.save', null, null, null);
    expect(await host.save('lecture.convas.json', 'a', 'n.convas.json')).toBeNull();
    expect(await host.save('/m/model.json', 'b', 'n.convas.json')).toBeNull();
    expect(await host.save('/etc/passwd', 'c', 'n.convas.json')).toBeNull();
    expect(bridge.args('files.save').map((r) => (r as { path: unknown }).path)).toEqual([null, null, null]);
  });

  it('remembers a recent file it reopened', async () => {
    const { bridge, host } = setup();
    bridge.answer('files.openRecent', { path: PROJECT, name: 'lecture.convas.json', text: '{"a":1}' });
    bridge.answer('files.save', { path: PROJECT, name: 'lecture.convas.json' });
    expect(await host.openRecent?.(PROJECT)).toEqual({ name: 'lecture.convas.json', text: '{"a":1}', path: PROJECT });
    await host.save(PROJECT, 't', 's.convas.json');
    expect(bridge.args('files.openRecent')).toEqual([PROJECT]);
    expect(bridge.args('files.save')).toEqual([{ path: PROJECT, suggestedName: 's.convas.json', text: 't' }]);
  });

  it('refuses a malformed save answer', async () => {
    const { bridge, host } = setup();
    bridge.answer('files.save', { name: 'x' });
    await expect(host.save(null, 't', 's.convas.json')).rejects.toThrow(/answered save with unexpected data/);
  });
});

describe('electron file host: exports', () => {
  it('exports one generated file with the dialog of its kind; false when cancelled', async () => {
    const { bridge, host } = setup();
    bridge.answer('files.exportFile', { path: '/out/lecture-cnn.keras.json' }, null);
    expect(await host.download('lecture-cnn.keras.json', '{"k":1}', 'application/json')).toBe(true);
    expect(await host.download('lecture_cnn.py', 'import keras', 'text/x-python')).toBe(false);
    expect(bridge.args('files.exportFile')).toEqual([
      { kind: 'keras-json', suggestedName: 'lecture-cnn.keras.json', data: '{"k":1}' },
      { kind: 'python', suggestedName: 'lecture_cnn.py', data: 'import keras' },
    ]);
  });

  it('sends a Blob (the PNG) as bytes', async () => {
    const { bridge, host } = setup();
    bridge.answer('files.exportFile', { path: '/out/net.png' });
    await host.download('net.png', new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }), 'image/png');
    const [request] = bridge.args('files.exportFile') as { kind: string; data: unknown }[];
    expect(request?.kind).toBe('png');
    expect(request?.data).toBeInstanceOf(Uint8Array);
    expect([...(request?.data as Uint8Array)]).toEqual([137, 80, 78, 71]);
  });

  it('writes the trained model files into one folder with exportFiles', async () => {
    const { bridge, host } = setup();
    const weights = new Uint8Array([1, 2, 3, 4]);
    bridge.answer(
      'files.exportFiles',
      { dir: '/out/model', paths: ['/out/model/model.json', '/out/model/weights.bin', '/out/model/model.keras.json'] },
      null,
    );
    const files = [
      { name: 'model.json', data: '{}' },
      { name: 'weights.bin', data: weights },
      { name: 'model.keras.json', data: '{}' },
    ];
    expect(await host.saveFiles?.(files)).toEqual({ dir: '/out/model', names: ['model.json', 'weights.bin', 'model.keras.json'] });
    expect(await host.saveFiles?.(files)).toBeNull();
    const [request] = bridge.args('files.exportFiles') as { kind: string; files: { name: string; data: unknown }[] }[];
    expect(request?.kind).toBe('tfjs-model');
    expect(request?.files.map((f) => f.name)).toEqual(['model.json', 'weights.bin', 'model.keras.json']);
    expect(request?.files[1]?.data).toBe(weights);
  });

  it('refuses a malformed export answer', async () => {
    const { bridge, host } = setup();
    bridge.answer('files.exportFiles', { dir: '/out', paths: 'model.json' });
    await expect(host.saveFiles?.([{ name: 'model.json', data: '{}' }])).rejects.toThrow(/unexpected data: paths/);
  });

  it('picks the dialog kind from the file name and type', () => {
    expect(exportKindOf('net.png', 'image/png')).toBe('png');
    expect(exportKindOf('net.py', 'text/x-python')).toBe('python');
    expect(exportKindOf('net.convas.json', 'application/json')).toBe('project');
    expect(exportKindOf('net.keras.json', 'application/json')).toBe('keras-json');
    expect(exportKindOf('model.json', 'application/json')).toBe('tfjs-model');
    expect(exportKindOf('weights.bin', 'application/octet-stream')).toBe('tfjs-model');
  });

  it('baseName takes either separator', () => {
    expect(baseName('/a/b/c.json')).toBe('c.json');
    expect(baseName('C:\\nets\\c.json')).toBe('c.json');
    expect(baseName('c.json')).toBe('c.json');
  });
});

describe('electron recent-files list', () => {
  it('loads the list main keeps, telling files of the same name apart by folder', async () => {
    const bridge = new FakeBridge();
    bridge.answer('files.recent', [
      { path: '/a/net.convas.json', name: 'net.convas.json', at: 3 },
      { path: '/b/net.convas.json', name: 'net.convas.json', at: 2 },
      { path: PROJECT, name: 'lecture.convas.json', at: 1 },
    ]);
    const recent = electronRecentStore(bridge.files);
    await recent.refresh();
    expect(recent.list()).toEqual([
      { name: 'net.convas.json (a)', at: 3, path: '/a/net.convas.json' },
      { name: 'net.convas.json (b)', at: 2, path: '/b/net.convas.json' },
      { name: 'lecture.convas.json', at: 1, path: PROJECT },
    ]);
  });

  it('reloads after a file is remembered, even while a load is under way', async () => {
    const bridge = new FakeBridge();
    bridge.answer('files.recent', [], [{ path: PROJECT, name: 'lecture.convas.json', at: 5 }]);
    const recent = electronRecentStore(bridge.files);
    const first = recent.refresh();
    recent.remember('lecture.convas.json', '{}');
    await first;
    await vi.waitFor(() => expect(bridge.args('files.recent')).toHaveLength(2));
    // Then its answer. (Each list() asks again, but no answer is queued for that: the list can only come from the second load.)
    await vi.waitFor(() => expect(recent.list().map((r) => r.path)).toEqual([PROJECT]));
  });

  it('keeps the last good list and reports a malformed answer', async () => {
    const bridge = new FakeBridge();
    const errors: string[] = [];
    bridge.answer('files.recent', [{ path: PROJECT, name: 'lecture.convas.json', at: 1 }], [{ path: 7 }]);
    const recent = electronRecentStore(bridge.files, (m) => errors.push(m));
    await recent.refresh();
    await recent.refresh();
    expect(recent.list()).toHaveLength(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/the recent-files list with unexpected data/);
  });
});
