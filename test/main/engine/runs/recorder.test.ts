/**
 * Recorded runs through the engine host, with real training on the shipped sample (wasm): the
 * run's folder holds a complete run whose weights predict as the engine's model did; a stopped
 * run is kept as stopped; a stored run reopens for inspection; training continues from a stored
 * run's weights.
 */
import * as tf from '@tensorflow/tfjs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EngineHost } from '../../../../src-main/engine/host';
import { createEngineDeps } from '../../../../src-main/engine/deps';
import { loadModel } from '../../../../src-main/engine/export/artifacts';
import { RunStore } from '../../../../src-main/runs/store';
import { runsBeside } from '../../../../src-main/runs/locations';
import { engineEventSchema, type EngineCommand, type EngineEvent, type EngineEventOf } from '../../../../src-shared/engine/protocol';
import { graphFromLayers } from '../../../../src-shared/graph/network';
import type { RunsLocation } from '../../../../src-shared/runs/manifest';
import { testSettings, useWasm } from '../training/harness';

/** A small CNN that trains on the sample in a moment. */
const GRAPH = graphFromLayers([
  { kind: 'InputLayer', name: 'input_layer', params: { shape: [28, 28, 1] } },
  { kind: 'Conv2D', name: 'conv2d', params: { filters: 4, kernel_size: [3, 3], activation: 'relu' } },
  { kind: 'MaxPooling2D', name: 'pool', params: { pool_size: [4, 4] } },
  { kind: 'Flatten', name: 'flatten', params: {} },
  { kind: 'Dense', name: 'dense', params: { units: 10, activation: 'softmax' } },
]);

function setup() {
  const events: EngineEvent[] = [];
  const h = new EngineHost({ ...createEngineDeps(), initBackend: async () => ({ name: 'wasm', reason: 'test' }) }, (e) =>
    events.push(engineEventSchema.parse(e)),
  );
  const of = <T extends EngineEvent['type']>(type: T, runId?: string) =>
    events.filter((e): e is EngineEventOf<T> => e.type === type && (runId === undefined || !('runId' in e) || e.runId === runId));
  return { h, events, of };
}

function projectFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'convas-runs-')), 'lecture.convas.json');
}

async function train(h: EngineHost, command: Omit<Extract<EngineCommand, { type: 'train' }>, 'type' | 'graph'>): Promise<void> {
  await h.handle({ type: 'train', graph: GRAPH, ...command });
  await h.running;
}

const probe = () => tf.randomUniform([3, 28, 28, 1], 0, 1, 'float32', 7);

describe('recording a run (wasm)', () => {
  beforeAll(useWasm);

  it('writes a complete run whose stored weights predict as the engine’s model, and reopens it for inspection', async () => {
    const { h, of, events } = setup();
    const file = projectFile();
    const location: RunsLocation = { kind: 'beside', projectFile: file };
    await train(h, { runId: 'r1', settings: testSettings({ epochs: 2, threads: 1 }), record: { location, project: 'Lecture' } });
    expect(of('error')).toEqual([]);
    const recorded = of('recorded', 'r1');
    expect(recorded[0]!.manifest.status).toBe('running');
    expect(recorded.map((r) => r.manifest.metrics.epochsCompleted)).toEqual([0, 1, 2, 2]);
    const last = recorded.at(-1)!;
    expect(last.dir.startsWith(runsBeside(file))).toBe(true);
    expect(last.manifest).toMatchObject({ status: 'finished', weights: 'final', project: 'Lecture', threads: 1, backend: 'wasm' });

    const store = new RunStore(runsBeside(file));
    const run = await store.read(last.run.id);
    const finished = of('finished', 'r1')[0]!;
    expect(run.manifest.metrics).toMatchObject({ epochsCompleted: 2, testAccuracy: finished.testAccuracy, testLoss: finished.testLoss });
    expect(run.manifest.confusionMatrix).toEqual(finished.confusionMatrix);
    expect(run.manifest.misclassified).toEqual(finished.misclassified);
    expect(finished.misclassified.length).toBeGreaterThan(0);
    expect(run.manifest.dataset).toMatchObject({ id: 'sample', split: { train: expect.any(Number), test: finished.testCount } });
    expect(run.manifest.network).toMatchObject({ layers: 4, totalParams: 4 * 10 + 6 * 6 * 4 * 10 + 10 });
    expect(run.manifest.sizeBytes).toBeGreaterThan(run.manifest.network.totalParams * 4);
    expect(run.graph).toEqual(GRAPH);
    expect(run.curves.epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(run.curves.epochs.map((e) => e.valAccuracy)).toEqual(of('epoch', 'r1').map((e) => e.valAccuracy));
    expect(run.curves.batches.length).toBeGreaterThan(0);
    const best = Math.max(...of('epoch', 'r1').map((e) => e.valAccuracy!));
    expect(run.manifest.metrics.bestValAccuracy).toBe(best);

    // The stored weights are the engine's model's: export it, load both, predict the same.
    const out = mkdtempSync(join(tmpdir(), 'convas-runs-export-'));
    await h.handle({ type: 'export', runId: 'r1', dir: out });
    const [stored, engine] = await Promise.all([
      loadModel(join(store.modelDir(run.manifest.id), 'model.json')),
      loadModel(join(out, 'model.json')),
    ]);
    const x = probe();
    expect(Array.from((stored.predict(x) as tf.Tensor).dataSync())).toEqual(Array.from((engine.predict(x) as tf.Tensor).dataSync()));

    // Reopened under another runId: inspect predicts with the stored weights.
    await h.handle({ type: 'run-open', requestId: 'open', runId: 'again', run: { location, id: run.manifest.id } });
    expect(of('run-opened')).toEqual([expect.objectContaining({ requestId: 'open', runId: 'again', testCount: finished.testCount })]);
    await h.handle({ type: 'inspect', runId: 'again', requestId: 'q', input: { kind: 'test-sample', index: 0 } });
    const inspection = of('inspection', 'again')[0]!;
    const expected = (stored.predict(tf.tensor(inspection.input.data, [1, 28, 28, 1])) as tf.Tensor).dataSync();
    expect(inspection.prediction).toEqual(Array.from(expected));
    expect(events.filter((e) => e.type === 'error')).toEqual([]);
  });

  it('keeps a stopped run as stopped, with its weights', async () => {
    const { h, of } = setup();
    const location: RunsLocation = { kind: 'beside', projectFile: projectFile() };
    await h.handle({ type: 'train', runId: 's', graph: GRAPH, settings: testSettings({ epochs: 50, threads: 1 }), record: { location } });
    // Stop once the first epoch is saved.
    await new Promise<void>((resolve) => {
      const poll = () => (of('recorded', 's').some((r) => r.manifest.weights === 'epoch') ? resolve() : setTimeout(poll, 20));
      poll();
    });
    await h.handle({ type: 'stop', runId: 's' });
    await h.running;
    const last = of('recorded', 's').at(-1)!.manifest;
    expect(last).toMatchObject({ status: 'stopped', weights: 'final' });
    expect(last.metrics.epochsCompleted).toBeLessThan(50);
    expect(last.finishedAt).not.toBeNull();
  });

  it('continues training from a stored run’s weights: the first batch’s loss is where the stored run ended', async () => {
    const { h, of } = setup();
    const location: RunsLocation = { kind: 'beside', projectFile: projectFile() };
    const settings = testSettings({ epochs: 2, threads: 1, learningRate: 0.01 });
    await train(h, { runId: 'a', settings, record: { location } });
    const a = of('recorded', 'a').at(-1)!.manifest;
    await train(h, { runId: 'fresh', settings: { ...settings, epochs: 1 } });
    await train(h, { runId: 'b', settings: { ...settings, epochs: 1 }, record: { location }, resume: { location, id: a.id } });
    expect(of('error')).toEqual([]);
    expect(of('started', 'b')[0]!.resumedFrom).toEqual({ id: a.id, optimizer: 'fresh' });
    expect(of('recorded', 'b').at(-1)!.manifest.resumedFrom).toEqual({ id: a.id, optimizer: 'fresh' });
    const first = (runId: string) => of('batch', runId).find((b) => b.epoch === 1 && b.batch === 1)!.loss;
    const ended = a.metrics.trainLoss!;
    // A fresh network starts near ln 10 ≈ 2.3; the resumed one starts near where the stored run ended.
    expect(Math.abs(first('b') - ended)).toBeLessThan(0.35 * ended);
    expect(Math.abs(first('fresh') - ended)).toBeGreaterThan(Math.abs(first('b') - ended) * 2);
  });

  it('keeps a run whose loss stopped being finite as failed, with the engine’s reason', async () => {
    const { h, of } = setup();
    const location: RunsLocation = { kind: 'beside', projectFile: projectFile() };
    // Linear layers on logits with SGD at learning rate 10: the weights overflow within a few batches.
    const linear = structuredClone(GRAPH);
    for (const n of linear.nodes) if ('activation' in n.params) n.params['activation'] = 'linear';
    await h.handle({
      type: 'train',
      runId: 'f',
      graph: linear,
      settings: testSettings({ optimizer: 'sgd', learningRate: 10, epochs: 3, threads: 1 }),
      record: { location },
    });
    await h.running;
    const last = of('recorded', 'f').at(-1)!.manifest;
    expect(last).toMatchObject({ status: 'failed', failure: { reason: { code: 'non-finite-loss' } } });
    expect(last.failure!.message).toMatch(/lower the learning rate/);
    expect(last.finishedAt).not.toBeNull();
    expect(of('finished', 'f')).toEqual([]);
  });

  it('refuses to continue a run with another design, before loading anything', async () => {
    const { h, of } = setup();
    const location: RunsLocation = { kind: 'beside', projectFile: projectFile() };
    await train(h, { runId: 'a', settings: testSettings({ epochs: 1, threads: 1 }), record: { location } });
    const id = of('recorded', 'a').at(-1)!.run.id;
    const wider = structuredClone(GRAPH);
    wider.nodes.find((n) => n.name === 'conv2d')!.params['filters'] = 8;
    await h.handle({ type: 'train', runId: 'b', graph: wider, settings: testSettings(), resume: { location, id } });
    expect(h.running).toBeDefined();
    expect(of('error', 'b')).toEqual([expect.objectContaining({ reason: { code: 'run-resume-mismatch', values: { id } } })]);
    expect(of('dataset', 'b')).toEqual([]);
  });
});
