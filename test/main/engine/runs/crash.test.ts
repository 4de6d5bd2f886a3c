/**
 * A recording engine that dies: a confined engine process (as browser mode starts it) records a run
 * in its own data folder, is killed after an epoch, and the run then lists as crashed with the
 * weights of its last finished epoch, which load.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EngineClient } from '../../../../src-main/engine/process/client';
import { confinedEnv } from '../../../../src-main/engine/process/confinement';
import { loadModel } from '../../../../src-main/engine/export/artifacts';
import { RunStore } from '../../../../src-main/runs/store';
import { DATA_DIR_ENV, runsFolder } from '../../../../src-main/runs/locations';
import type { EngineEventOf } from '../../../../src-shared/engine/protocol';
import { graphFromLayers } from '../../../../src-shared/graph/network';
import type { RunsLocation } from '../../../../src-shared/runs/manifest';
import { testSettings } from '../training/harness';

const GRAPH = graphFromLayers([
  { kind: 'InputLayer', name: 'input_layer', params: { shape: [28, 28, 1] } },
  { kind: 'Conv2D', name: 'conv2d', params: { filters: 4, kernel_size: [3, 3], activation: 'relu' } },
  { kind: 'MaxPooling2D', name: 'pool', params: { pool_size: [4, 4] } },
  { kind: 'Flatten', name: 'flatten', params: {} },
  { kind: 'Dense', name: 'dense', params: { units: 10, activation: 'softmax' } },
]);

describe('a recording engine that is killed', { timeout: 120_000 }, () => {
  it('leaves a crashed run with its last finished epoch’s weights, in the confined engine’s own data folder', async () => {
    const data = mkdtempSync(join(tmpdir(), 'convas-crash-data-'));
    const env = { ...confinedEnv(mkdtempSync(join(tmpdir(), 'convas-crash-export-'))), [DATA_DIR_ENV]: data };
    const engine = new EngineClient({ env });
    const location: RunsLocation = { kind: 'data', collection: 'Crash test' };
    try {
      const saved = engine.waitFor((e): e is EngineEventOf<'recorded'> => e.type === 'recorded' && e.manifest.weights === 'epoch');
      engine.send({ type: 'train', runId: 'c', graph: GRAPH, settings: testSettings({ epochs: 200, threads: 1 }), record: { location } });
      const recorded = await saved;
      expect(recorded.dir.startsWith(data)).toBe(true);
      process.kill(engine.pid!, 'SIGKILL');
      await engine.close();
      const folder = runsFolder(location, { confined: true, env });
      expect(typeof folder).toBe('string');
      const store = new RunStore(folder as string);
      const { runs } = await store.list();
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ id: recorded.run.id, status: 'crashed', weights: 'epoch', finishedAt: null });
      expect(runs[0]!.metrics.epochsCompleted).toBeGreaterThanOrEqual(1);
      const model = await loadModel(join(store.modelDir(recorded.run.id), 'model.json'));
      expect(model.countParams()).toBe(runs[0]!.network.totalParams);
    } finally {
      await engine.close();
    }
  });
});
