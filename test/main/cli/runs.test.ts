// `train --record` and `runs`: two recorded runs of a project with different settings and designs,
// listed (text and JSON), compared (metric deltas and the design diff), renamed and deleted.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli';
import { runCli } from '../../../src-main/cli/main';
import { graphFromLayers } from '../../../src-shared/graph/network';
import { serializeProject } from '../../../src-shared/project/io';
import { defaultTrainingSettings } from '../../../src-shared/project/training';
import type { RunManifest } from '../../../src-shared/runs/manifest';
import type { GraphDiff } from '../../../src-shared/runs/graph-diff';
import type { MetricRow } from '../../../src-shared/runs/run-compare';

function project(filters: number): string {
  const graph = graphFromLayers([
    { kind: 'InputLayer', name: 'input_layer', params: { shape: [28, 28, 1] } },
    { kind: 'Conv2D', name: 'conv2d', params: { filters, kernel_size: [3, 3], activation: 'relu' } },
    { kind: 'MaxPooling2D', name: 'pool', params: { pool_size: [4, 4] } },
    { kind: 'Flatten', name: 'flatten', params: {} },
    { kind: 'Dense', name: 'dense', params: { units: 10, activation: 'softmax' } },
  ]);
  return serializeProject({
    formatVersion: 2,
    app: 'convas',
    name: 'Small CNN',
    description: '',
    graph,
    training: defaultTrainingSettings(),
  });
}

const short = ['--dataset', 'sample', '--epochs', '1', '--backend', 'wasm', '--threads', '1', '--seed', '3', '--record'];

describe('cli train --record and runs', { timeout: 300_000 }, () => {
  it('records two runs beside the project, lists them, compares them and deletes one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'convas-cli-runs-'));
    const file = join(dir, 'small.convas.json');
    writeFileSync(file, project(4));
    const first = await cli(['train', file, ...short, '--batch-size', '32']);
    expect(first.status, first.stderr).toBe(0);
    // The usual output, then where the run went.
    expect(first.stdout).toMatch(/finished after 1 epoch in [\d.]+ s — test accuracy/);
    expect(first.stdout).toMatch(new RegExp(`recorded run .+ \\[[\\w-]+\\] in ${join(dir, 'small.convas-runs')}/`));

    writeFileSync(file, project(8));
    const second = await cli(['train', file, ...short, '--batch-size', '64', '--lr', '0.005', '--json']);
    expect(second.status, second.stderr).toBe(0);
    const events = second.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string });
    expect(events.at(-1)!.type).toBe('finished');
    expect(events.at(-2)).toMatchObject({ type: 'recorded', manifest: { status: 'finished', weights: 'final' } });

    const listed = await cli(['runs', file, '--json']);
    expect(listed.status, listed.stderr).toBe(0);
    const { runs, totalBytes } = JSON.parse(listed.stdout) as { runs: RunManifest[]; totalBytes: number };
    expect(runs.map((r) => [r.settings.batchSize, r.settings.learningRate, r.status])).toEqual([
      [64, 0.005, 'finished'],
      [32, 0.001, 'finished'],
    ]);
    expect(totalBytes).toBe(runs[0]!.sizeBytes + runs[1]!.sizeBytes);
    const [newer, older] = runs as [RunManifest, RunManifest];

    const text = await cli(['runs', file]);
    expect(text.stdout).toMatch(/^2 runs · .+ on disk/);
    expect(text.stdout).toContain(`[${older.id}]`);
    expect(text.stdout).toMatch(/Status: Finished/);
    expect(text.stdout).toMatch(/adam · lr 0\.005 · batch 64 · 1 epoch · sample/);
    expect(text.stdout).toMatch(/Network: 4 layers · 2,970 params/);

    await cli(['runs', file, '--rename', older.id, 'four filters']);
    const compared = await cli(['runs', file, '--compare', 'four', newer.id, '--json']);
    expect(compared.status, compared.stderr).toBe(0);
    const c = JSON.parse(compared.stdout) as { runs: RunManifest[]; metrics: MetricRow[]; diffs: GraphDiff[] };
    expect(c.runs.map((r) => r.id)).toEqual([older.id, newer.id]);
    const params = c.metrics.find((m) => m.metric === 'totalParams')!;
    // conv2d 4 → 8 filters: +40 in the convolution, +6·6·4·10 in the Dense.
    expect(params.deltas).toEqual([null, 40 + 1440]);
    const test = c.metrics.find((m) => m.metric === 'testAccuracy')!;
    expect(test.deltas[1]).toBeCloseTo(newer.metrics.testAccuracy! - older.metrics.testAccuracy!, 12);
    expect(c.diffs[0]!.changed).toEqual([expect.objectContaining({ params: [{ param: 'filters', before: 4, after: 8 }] })]);
    expect(c.diffs[0]!.params.delta).toBe(1480);

    const words = await cli(['runs', file, '--compare', older.id, newer.id]);
    expect(words.stdout).toMatch(/Parameters\s+1,490\s+2,970 \(\+1,480\)/);
    expect(words.stdout).toMatch(/Design changes: “four filters” → “.+”/);
    expect(words.stdout).toMatch(/changed conv2d \(Conv2D\): filters: 4 → 8/);
    expect(words.stdout).toMatch(/Δ parameters: \+1,480/);

    const deleted = await cli(['runs', file, '--delete', newer.id]);
    expect(deleted.status, deleted.stderr).toBe(0);
    const after = JSON.parse((await cli(['runs', file, '--json'])).stdout) as { runs: RunManifest[] };
    expect(after.runs.map((r) => r.id)).toEqual([older.id]);
    expect(readFileSync(join(dir, 'small.convas-runs', older.id, 'design.convas.json'), 'utf8')).toContain('"filters": 4');
  });

  it('refuses an unknown or ambiguous run and a path as a run id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'convas-cli-runs-'));
    const file = join(dir, 'p.convas.json');
    writeFileSync(file, project(4));
    const none = await cli(['runs', file]);
    expect(none.stdout).toMatch(/no runs recorded beside/);
    // From the project's own folder, as a user would type it.
    const errors: string[] = [];
    const status = await runCli(['runs', 'p.convas.json', '--delete', '../p.convas.json'], {
      out: () => undefined,
      err: (t) => errors.push(t),
      cwd: dir,
    });
    expect(status).toBe(1);
    expect(errors.join('\n')).toMatch(/no run is named or numbered '\.\.\/p\.convas\.json'/);
    expect(readFileSync(file, 'utf8')).toContain('Small CNN');
  });
});
