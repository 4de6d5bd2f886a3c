/**
 * The runs folder on disk: ids that could name another folder are refused, a run left 'running'
 * by a process that is gone lists as crashed, sizes add up, renames and deletes stick, and a
 * confined engine keeps runs only in its own data folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_FILE, RunStore, RunStoreError, newRunId } from '../../../src-main/runs/store';
import { collectionFolder, dataRoot, runsBeside, runsFolder } from '../../../src-main/runs/locations';
import { isInside } from '../../../src-main/engine/process/confinement';
import { EngineRuns } from '../../../src-main/engine/runs/engine-runs';
import { engineEventSchema, type EngineEvent } from '../../../src-shared/engine/protocol';
import { isStoredRunId, type RunManifest } from '../../../src-shared/runs/manifest';
import { emptyCurves } from '../../../src-shared/runs/curves';
import { sampleManifest } from '../../shared/runs/sample-manifest';

/** A pid that belonged to a process which has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid!;
}

async function storeWith(...manifests: RunManifest[]): Promise<RunStore> {
  const store = new RunStore(join(mkdtempSync(join(tmpdir(), 'convas-store-')), 'p.convas-runs'));
  for (const m of manifests) {
    mkdirSync(store.folderOf(m.id), { recursive: true });
    await store.writeManifest(m);
    await store.writeCurves(m.id, emptyCurves());
    await store.writeDesign(m, { nodes: [], edges: [] });
  }
  return store;
}

describe('the run store', () => {
  it('refuses ids that would name a folder outside the runs folder', () => {
    const store = new RunStore('/tmp/x.convas-runs');
    for (const id of ['..', '../other', '../../etc', '/etc', 'a/../../b', '.', '', 'a\\..\\b', '%2e%2e']) {
      expect(() => store.folderOf(id), id).toThrow(RunStoreError);
    }
    expect(isInside(store.dir, store.folderOf('20261201-120000-abcdef'))).toBe(true);
    expect(isStoredRunId(newRunId())).toBe(true);
  });

  it('lists a run whose manifest says running but whose writer is gone as crashed, and keeps it so', async () => {
    const pid = deadPid();
    const store = await storeWith(
      sampleManifest({ id: 'dead', status: 'running', writer: { pid }, createdAt: '2026-12-01T10:00:00.000Z' }),
      sampleManifest({ id: 'alive', status: 'running', writer: { pid: process.ppid }, createdAt: '2026-12-01T11:00:00.000Z' }),
    );
    const { runs } = await store.list();
    expect(runs.map((r) => [r.id, r.status])).toEqual([
      ['alive', 'running'],
      ['dead', 'crashed'],
    ]);
    const onDisk = JSON.parse(readFileSync(join(store.folderOf('dead'), MANIFEST_FILE), 'utf8')) as RunManifest;
    expect(onDisk.status).toBe('crashed');
  });

  it('reports each run’s size and their total, renames and deletes', async () => {
    const store = await storeWith(sampleManifest({ id: 'one' }), sampleManifest({ id: 'two', createdAt: '2026-12-02T00:00:00.000Z' }));
    writeFileSync(join(store.folderOf('one'), 'weights.bin'), new Uint8Array(10_000));
    const { runs, totalBytes } = await store.list();
    expect(runs.map((r) => r.id)).toEqual(['two', 'one']);
    expect(runs.find((r) => r.id === 'one')!.sizeBytes).toBeGreaterThan(10_000);
    expect(totalBytes).toBe(runs[0]!.sizeBytes + runs[1]!.sizeBytes);
    await store.rename('one', 'wider filters');
    expect((await store.manifest('one')).name).toBe('wider filters');
    await store.delete('two');
    expect(existsSync(store.folderOf('two'))).toBe(false);
    expect((await store.list()).runs.map((r) => r.id)).toEqual(['one']);
    await expect(store.delete('two')).rejects.toMatchObject({ problem: 'not-found' });
    await expect(store.read('missing')).rejects.toMatchObject({ problem: 'not-found' });
  });

  it('says a damaged run cannot be read, still counts its bytes, and lets it be deleted', async () => {
    const store = await storeWith(sampleManifest({ id: 'ok' }));
    mkdirSync(store.folderOf('bad'));
    writeFileSync(join(store.folderOf('bad'), MANIFEST_FILE), '{"format": 99}');
    const listed = await store.list();
    expect(listed.unreadable).toEqual(['bad']);
    expect(listed.totalBytes).toBeGreaterThan(listed.runs[0]!.sizeBytes);
    await expect(store.manifest('bad')).rejects.toMatchObject({ problem: 'unreadable' });
    await store.delete('bad');
    expect(existsSync(store.folderOf('bad'))).toBe(false);
  });
});

describe('where runs live', () => {
  it('beside a project file, or in the data folder under a collection no title can escape', () => {
    expect(runsBeside('/home/u/lecture.convas.json')).toBe('/home/u/lecture.convas-runs');
    expect(runsBeside('/home/u/model.json')).toBe('/home/u/model.convas-runs');
    const env = { CONVAS_DATA_DIR: '/data/convas' };
    const root = join(dataRoot(env), 'runs');
    for (const title of ['Lecture CNN', '..', '../../etc', '/etc/passwd', 'a\\b', '합성곱 신경망', '.']) {
      const folder = runsFolder({ kind: 'data', collection: title }, { confined: true, env });
      expect(typeof folder === 'string' && isInside(root, folder) && folder !== root, title).toBe(true);
    }
    expect(collectionFolder('Lecture CNN')).toMatch(/^lecture-cnn-[0-9a-f]{10}$/);
    expect(collectionFolder('Lecture CNN')).not.toBe(collectionFolder('lecture cnn'));
  });

  it('a confined engine refuses runs beside a file the page names, and any id that is not a folder name', async () => {
    const events: EngineEvent[] = [];
    const runs = new EngineRuns({
      emit: (e) => events.push(engineEventSchema.parse(e)),
      adopt: () => Promise.reject(new Error('not used')),
      backend: () => Promise.resolve(),
      loadDataset: () => Promise.reject(new Error('not used')),
      confined: true,
      env: { CONVAS_DATA_DIR: mkdtempSync(join(tmpdir(), 'convas-data-')) },
    });
    await runs.handle({ type: 'runs-list', requestId: 'q1', location: { kind: 'beside', projectFile: '/etc/passwd' } });
    // Not through the protocol's schema (which refuses it first): the store refuses it too.
    await runs.handle({ type: 'run-delete', requestId: 'q2', run: { location: { kind: 'data', collection: 'p' }, id: '../../etc' } });
    await runs.handle({ type: 'runs-list', requestId: 'q3', location: { kind: 'data', collection: '../../..' } });
    expect(events).toEqual([
      expect.objectContaining({ type: 'error', requestId: 'q1', reason: { code: 'runs-outside-root', values: {} } }),
      expect.objectContaining({ type: 'error', requestId: 'q2', reason: { code: 'run-not-found', values: { id: '../../etc' } } }),
      { type: 'runs', requestId: 'q3', location: { kind: 'data', collection: '../../..' }, runs: [], totalBytes: 0 },
    ]);
  });
});
