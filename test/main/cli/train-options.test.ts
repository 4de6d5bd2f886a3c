// `train`'s augmentation and normalisation flags: parsed, validated, in force in the engine (its
// started event) and stored beside the exported model.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './run-cli';
import { runCli } from '../../../src-main/cli/main';

const lecture = join(ROOT, 'assets/templates/lecture-cnn.convas.json');
const short = ['--dataset', 'sample', '--epochs', '1', '--batch-size', '64', '--backend', 'wasm', '--seed', '3'];
const options = ['--flip', '--shift', '2', '--rotate', '10', '--brightness', '0.1', '--contrast', '0.2', '--normalize', 'standardize'];

describe('cli train: augmentation and normalisation', { timeout: 300_000 }, () => {
  it('refuses out-of-range or unknown values before starting the engine (exit 2)', async () => {
    const cases: [string[], RegExp][] = [
      [['--shift', '17'], /augmentation\.shift/],
      [['--shift', '1.5'], /augmentation\.shift/],
      [['--rotate', '90'], /augmentation\.rotation/],
      [['--brightness=-0.1'], /augmentation\.brightness/],
      [['--contrast', '2'], /augmentation\.contrast/],
      [['--rotate', 'ten'], /--rotate must be a number \(got 'ten'\)/],
      [['--normalize', 'zscore'], /normalization/],
    ];
    for (const [flags, message] of cases) {
      const r = await cli(['train', lecture, '--dataset', 'sample', ...flags]);
      expect(r.status, flags.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });

  it('trains with them: the started event carries them, the text says so, and the export stores the normalisation', async () => {
    const json = await cli(['train', lecture, ...short, ...options, '--json']);
    expect(json.status, json.stderr).toBe(0);
    const events = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; settings?: unknown; normalization?: { kind: string; mean?: number[]; std?: number[] } });
    const started = events.find((e) => e.type === 'started')!;
    expect(started.settings).toMatchObject({
      augmentation: { flip: true, shift: 2, rotation: 10, brightness: 0.1, contrast: 0.2 },
      normalization: 'standardize',
      seed: 3,
    });
    expect(started.normalization!.kind).toBe('standardize');
    // One channel: Fashion-MNIST's pixel mean (about 0.29) and std (about 0.35) from the sample's 2,400 training images.
    expect(started.normalization!.mean![0]).toBeCloseTo(0.29, 1);
    expect(started.normalization!.std![0]).toBeCloseTo(0.35, 1);

    const out = mkdtempSync(join(tmpdir(), 'convas-train-options-'));
    const text = await cli(['train', lecture, ...short, ...options, '--out', out]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(
      /^augmentation: flip, shift 2 px, rotate ±10°, brightness ±0\.1, contrast ±0\.2; normalization: standardized \(mean 0\.\d{4}; std 0\.\d{4}\)$/m,
    );
    expect(text.stdout).toContain(
      `wrote ${join(out, 'model.json')}, ${join(out, 'weights.bin')}, ${join(out, 'model.keras.json')}, ${join(out, 'convas-dataset.json')}, ${join(out, 'model_keras.py')}, ${join(out, 'model_pytorch.py')}`,
    );
    // Only the fields any version of the file has: the class names and the normalisation.
    const stored = JSON.parse(readFileSync(join(out, 'convas-dataset.json'), 'utf8')) as { classNames: string[]; normalization: unknown };
    expect(stored.classNames).toEqual(expect.arrayContaining(['T-shirt/top', 'Ankle boot']));
    expect(stored.normalization).toEqual(started.normalization);
  });

  it('the help names every flag', async () => {
    let help = '';
    await runCli(['help'], { out: (t) => (help += t), err: () => undefined, cwd: ROOT });
    for (const flag of ['--flip', '--shift N', '--rotate DEG', '--brightness F', '--contrast F', '--normalize unit|standardize'])
      expect(help).toContain(flag);
  });
});
