import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './run-cli';

const lecture = join(ROOT, 'assets/templates/lecture-cnn.convas.json');
const short = ['--dataset', 'sample', '--epochs', '1', '--batch-size', '64', '--backend', 'wasm', '--seed', '3'];

// Real training in the engine process: one epoch of the shipped sample.
describe('cli train: a run that did not learn', { timeout: 300_000 }, () => {
  it('finishes (exit 0) and prints why on stderr, in English; --json stays one event per line', async () => {
    const r = await cli(['train', lecture, ...short, '--lr', '10', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^warning: Accuracy \d+\.\d% is chance for 10 classes — the learning rate 10 is probably too high/m);
    const events = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; warning?: { code: string } });
    expect(events.at(-1)).toMatchObject({ type: 'finished', warning: { code: 'chance-accuracy' } });
  });

  it('a run that learned has no warning', async () => {
    const r = await cli(['train', lecture, ...short, '--lr', '0.001']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/finished after 1 epoch/);
    expect(r.stderr).not.toMatch(/warning/);
    // Augmentation and normalisation at their defaults add no line.
    expect(r.stdout).not.toMatch(/augmentation|normalization/);
  });
});
