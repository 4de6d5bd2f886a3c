// The engine's command handler with collaborators that are never reached: what it answers before
// any training, and that every error carries a reason code and the request it answers.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATA_DIR_REFUSED, EngineHost, type EngineDeps } from '../../../src-main/engine/host';
import { templateGraph } from './training/harness';
import { engineEventSchema, type EngineEvent } from '../../../src-shared/engine/protocol';
import { defaultTrainingSettings } from '../../../src-shared/project/training';
import { ABSURD } from '../../shared/training/absurd-networks';
import { graphFromLayers } from '../../../src-shared/graph/network';

const unreachable = (): never => {
  throw new Error('not used by these commands');
};
const deps: EngineDeps = { initBackend: unreachable, loadDataset: unreachable, split: unreachable };

function host(confinement?: { exportRoot: string; dataDirs?: string[] }) {
  const events: EngineEvent[] = [];
  const h = new EngineHost(deps, (e) => events.push(engineEventSchema.parse(e)), confinement);
  return { h, events };
}

describe('EngineHost', () => {
  it('answers an inspection without a model with an error naming that request', async () => {
    const { h, events } = host();
    await h.handle({ type: 'inspect', runId: 'r', requestId: 'view:1', input: { kind: 'test-sample', index: 0 } });
    await h.handle({ type: 'inspect', runId: 'r', requestId: 'thumb:2', input: { kind: 'test-sample', index: 4 } });
    expect(events).toEqual([
      expect.objectContaining({
        type: 'error',
        code: 'no-model',
        runId: 'r',
        requestId: 'view:1',
        reason: { code: 'no-model', values: {} },
      }),
      expect.objectContaining({ type: 'error', code: 'no-model', runId: 'r', requestId: 'thumb:2' }),
    ]);
    expect(events[0]).toMatchObject({ message: 'There is no trained model for this run — train the network first' });
  });

  it('refuses an export outside its root with the folder as a value', async () => {
    const { h, events } = host({ exportRoot: '/tmp/convas-root' });
    await h.handle({ type: 'export', runId: 'r', dir: '/etc' });
    expect(events).toEqual([
      {
        type: 'error',
        runId: 'r',
        code: 'bad-message',
        message: 'Export refused: /etc is outside the folder this engine may write to',
        reason: { code: 'export-outside-root', values: { dir: '/etc' } },
      },
    ]);
  });

  it('answers an invalid network with the number of its issues', async () => {
    const { h, events } = host();
    await h.handle({ type: 'train', runId: 'r', graph: { nodes: [], edges: [] }, settings: defaultTrainingSettings() });
    expect(events).toEqual([expect.objectContaining({ code: 'invalid-graph', reason: { code: 'graph-issues', values: { count: 1 } } })]);
  });

  it('refuses an absurd network after choosing the backend and before it reads the dataset or builds a model', async () => {
    const events: EngineEvent[] = [];
    let datasetsRead = 0;
    const h = new EngineHost(
      {
        initBackend: () => Promise.resolve({ name: 'cpu', reason: 'test' }),
        loadDataset: () => {
          datasetsRead++;
          return unreachable();
        },
        split: unreachable,
      },
      (e) => events.push(engineEventSchema.parse(e)),
    );
    await h.handle({ type: 'train', runId: 'r', graph: ABSURD['Dense with 1e9 units']!, settings: defaultTrainingSettings() });
    expect(datasetsRead).toBe(0);
    expect(h.running).toBeUndefined();
    expect(events).toEqual([
      expect.objectContaining({ type: 'ready', backend: 'cpu', memoryBudgetBytes: expect.any(Number) }),
      expect.objectContaining({
        type: 'error',
        runId: 'r',
        code: 'not-trainable',
        reason: { code: 'memory-budget', values: expect.objectContaining({ node: 'dense', params: 1_961_000_000_000, optimizer: 'adam' }) },
        message: expect.stringMatching(
          /^dense: 1,961,000,000,000 parameters — training needs about \d+ TB with Adam \(batch 32\); this computer allows/,
        ),
      }),
    ]);
  });
});

describe('EngineHost driven by a page (confined)', () => {
  const train = (dataDir: string) =>
    ({
      type: 'train',
      runId: 'r',
      graph: templateGraph('lecture-cnn'),
      settings: { ...defaultTrainingSettings(), dataset: 'directory', dataDir },
    }) as const;

  it('answers every dataset folder outside the allowed ones with the same message, naming no path', async () => {
    const answers: EngineEvent[][] = [];
    for (const dir of ['/root/.ssh', '/etc', '/nonexistent/convas', '/tmp/../etc', `${tmpdir()}`]) {
      const { h, events } = host({ exportRoot: '/tmp/convas-root' });
      await h.handle(train(dir));
      answers.push(events);
    }
    for (const events of answers) expect(events).toEqual(answers[0]);
    expect(answers[0]).toEqual([
      {
        type: 'error',
        runId: 'r',
        code: 'dataset',
        message: DATA_DIR_REFUSED,
        reason: { code: 'dataset', values: { problem: 'not-found' } },
      },
    ]);
  });

  it('reads from a folder named on the command line, and not through a symlink out of it', async () => {
    const named = mkdtempSync(join(tmpdir(), 'convas-data-'));
    symlinkSync('/etc', join(named, 'escape'));
    const loaded: string[] = [];
    const reading: EngineDeps = {
      ...deps,
      initBackend: async () => ({ name: 'cpu', reason: 'test' }),
      loadDataset: async (settings) => {
        loaded.push(settings.dataDir ?? '');
        throw new Error('stop here');
      },
    };
    const events: EngineEvent[] = [];
    const h = new EngineHost(reading, (e) => events.push(engineEventSchema.parse(e)), { exportRoot: '/tmp/r', dataDirs: [named] });
    await h.handle(train(named));
    await h.handle(train(join(named, 'missing-inside')));
    await h.handle(train(join(named, 'escape')));
    expect(loaded).toEqual([named, join(named, 'missing-inside')]);
    expect(events.at(-1)).toMatchObject({ code: 'dataset', message: DATA_DIR_REFUSED });
  });
});

describe('EngineHost memory budget', () => {
  it('refuses a dataset too large in the input’s size after reading it and before converting a single image', async () => {
    const events: EngineEvent[] = [];
    const split = (n: number) => ({ images: new Uint8Array(0), labels: new Uint8Array(n), count: n });
    const h = new EngineHost(
      {
        initBackend: () => Promise.resolve({ name: 'wasm', reason: 'test' }),
        loadDataset: () =>
          Promise.resolve({ name: 'fashion-mnist', source: 'test', train: split(60_000), test: split(10_000), classNames: [] }),
        // Splitting comes after the check: reaching it would mean the images were about to be converted.
        split: unreachable,
      },
      (e) => events.push(engineEventSchema.parse(e)),
    );
    // 70,000 images of 2048×2048 bytes: 274 GB, past any machine's budget.
    const graph = graphFromLayers([
      { kind: 'InputLayer', name: 'big_input', params: { shape: [2048, 2048, 1] } },
      { kind: 'AveragePooling2D', params: { pool_size: [64, 64] } },
      { kind: 'Flatten', params: {} },
      { kind: 'Dense', params: { units: 10, activation: 'softmax' } },
    ]);
    await h.handle({ type: 'train', runId: 'r', graph, settings: defaultTrainingSettings() });
    expect(events.map((e) => e.type)).toEqual(['ready', 'error']);
    expect(events[1]).toMatchObject({
      code: 'not-trainable',
      reason: { code: 'memory-budget', values: { node: 'big_input', cause: 'dataset', examples: 70_000 } },
      message: expect.stringMatching(
        /^big_input: 70,000 images at this input size — training needs about 274 GB; this computer allows [\d.]+ GB\./,
      ),
    });
  });
});
