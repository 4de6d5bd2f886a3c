// This file imports the runs module before the protocol: the two refer to each other lazily and must load in either order.
import { describe, expect, it } from 'vitest';
import { isStoredRunId, runManifestSchema, storedRunSchema } from '../../../src-shared/runs/manifest';
import { emptyCurves, MAX_BATCH_POINTS, withBatchPoint, withEpochPoint, runCurvesSchema } from '../../../src-shared/runs/curves';
import { engineCommandSchema, engineEventSchema } from '../../../src-shared/engine/protocol';
import { sampleManifest } from './sample-manifest';

describe('a stored run', () => {
  it('round-trips its manifest through JSON unchanged', () => {
    const m = sampleManifest();
    expect(runManifestSchema.parse(JSON.parse(JSON.stringify(m)))).toEqual(m);
  });

  it('refuses a manifest of another format, an unknown status or a wrongly shaped warning', () => {
    expect(runManifestSchema.safeParse({ ...sampleManifest(), format: 2 }).success).toBe(false);
    expect(runManifestSchema.safeParse({ ...sampleManifest(), status: 'paused' }).success).toBe(false);
    expect(runManifestSchema.safeParse({ ...sampleManifest(), warning: { code: 'loss-grew', values: {} } }).success).toBe(false);
  });

  it('round-trips with its graph and curves', () => {
    const curves = withEpochPoint(withBatchPoint(emptyCurves(), { step: 1, epoch: 1, batch: 1, loss: 2, accuracy: 0.1 }), {
      epoch: 1,
      loss: 1.5,
      accuracy: 0.4,
      valLoss: null,
      valAccuracy: null,
      seconds: 3,
    });
    const run = { manifest: sampleManifest(), graph: { nodes: [], edges: [] }, curves };
    expect(storedRunSchema.parse(JSON.parse(JSON.stringify(run)))).toEqual(run);
  });

  it('accepts only ids that are plain folder names', () => {
    for (const id of ['abc', '20261201-121500-ab12', 'A_b-9']) expect(isStoredRunId(id)).toBe(true);
    for (const id of ['', '.', '..', '../x', 'a/b', 'a\\b', '.hidden', 'a.b', 'x'.repeat(65), 'a b', 'é'])
      expect(isStoredRunId(id)).toBe(false);
  });
});

describe('the per-batch curve', () => {
  it('keeps every point up to the cap, then thins evenly and stays bounded', () => {
    let c = emptyCurves();
    for (let i = 1; i <= MAX_BATCH_POINTS; i++) c = withBatchPoint(c, { step: i, epoch: 1, batch: i, loss: i, accuracy: 0 });
    expect(c.batches.length).toBe(MAX_BATCH_POINTS);
    expect(c.stride).toBe(1);
    for (let i = MAX_BATCH_POINTS + 1; i <= 20 * MAX_BATCH_POINTS; i++)
      c = withBatchPoint(c, { step: i, epoch: 1, batch: i, loss: i, accuracy: 0 });
    expect(c.batches.length).toBeLessThanOrEqual(MAX_BATCH_POINTS);
    expect(c.batches.length).toBeGreaterThanOrEqual(MAX_BATCH_POINTS / 2);
    // Evenly spaced: every kept step is one stride after the one before.
    const gaps = new Set(c.batches.slice(1).map((p, i) => p.step - c.batches[i]!.step));
    expect([...gaps]).toEqual([c.stride]);
    expect(c.batches[0]!.step).toBe(1);
    expect(runCurvesSchema.safeParse(c).success).toBe(true);
  });
});

describe('the runs protocol entries', () => {
  const location = { kind: 'data', collection: 'Lecture CNN' } as const;
  it('accepts the run commands and refuses an id that names another folder', () => {
    const run = { location, id: 'abc' };
    for (const c of [
      { type: 'runs-list', requestId: 'q', location },
      { type: 'run-read', requestId: 'q', run },
      { type: 'run-rename', requestId: 'q', run, name: 'better' },
      { type: 'run-delete', requestId: 'q', run },
      { type: 'run-open', requestId: 'q', runId: 'r', run },
    ])
      expect(engineCommandSchema.safeParse(c).success, c.type).toBe(true);
    expect(engineCommandSchema.safeParse({ type: 'run-delete', requestId: 'q', run: { location, id: '../x' } }).success).toBe(false);
    expect(engineCommandSchema.safeParse({ type: 'run-rename', requestId: 'q', run, name: '   ' }).success).toBe(false);
  });

  it('accepts the run events', () => {
    const manifest = sampleManifest();
    const events = [
      { type: 'runs', requestId: 'q', location, runs: [manifest], totalBytes: 4096 },
      { type: 'run-opened', requestId: 'q', runId: 'r', manifest, testCount: 20 },
      { type: 'recorded', runId: 'r', run: { location, id: manifest.id }, manifest, dir: '/tmp/x' },
    ];
    for (const e of events) expect(engineEventSchema.parse(e)).toEqual(e);
  });
});
