import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, ROOT } from './run-cli';
import { parseProject, serializeProject } from '../../../src-shared/project/io';
import { graphFromLayers } from '../../../src-shared/graph/network';
import { encodePicture, rgbPixels, writeClass } from '../engine/data/picture-helpers';
import { predictCommand } from '../../../src-main/cli/commands/predict';
import { CliError } from '../../../src-main/cli/errors';

const root = mkdtempSync(join(tmpdir(), 'convas-predict-'));
const folder = join(root, 'pictures');
const project = join(root, 'colours.convas.json');
const trained = join(root, 'trained');

beforeAll(async () => {
  await writeClass(join(folder, 'red'), [215, 35, 35], 20, 1);
  await writeClass(join(folder, 'blue'), [35, 35, 215], 20, 2);
  await writeFile(join(folder, 'blue', 'Thumbs.db'), 'not a picture');
  // The lecture's project with a small colour CNN in place of its network.
  const parsed = parseProject(readFileSync(join(ROOT, 'assets/templates/lecture-cnn.convas.json'), 'utf8'));
  if (!parsed.ok) throw new Error('template unreadable');
  const graph = graphFromLayers([
    { kind: 'InputLayer', params: { shape: [12, 12, 3] } },
    { kind: 'Conv2D', params: { filters: 4, kernel_size: 3, activation: 'relu' } },
    { kind: 'MaxPooling2D', params: { pool_size: 2 } },
    { kind: 'Flatten', params: {} },
    { kind: 'Dense', params: { units: 2, activation: 'softmax' } },
  ]);
  await writeFile(project, serializeProject({ ...parsed.project, graph }));
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Real training in the engine process, then predictions in this one.
describe('cli train on pictures, then predict', { timeout: 600_000 }, () => {
  it('trains on a folder, names the classes and the skipped file, and writes a model predict can use', async () => {
    const r = await cli(
      [
        'train',
        project,
        '--dataset',
        'images',
        '--data-dir',
        folder,
        '--epochs',
        '6',
        '--batch-size',
        '8',
        '--lr',
        '0.01',
        '--backend',
        'wasm',
        '--out',
        trained,
      ],
      { cwd: root },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/dataset: images, directory .*: 26 train, 6 validation, 8 test\n {2}2 classes \(blue, red\), images 12×12×3/);
    expect(r.stderr).toMatch(
      /^warning: 1 file was left out \(not pictures Convas reads, empty or damaged\):\n {2}blue\/Thumbs\.db \(not a picture\)$/m,
    );
    expect(r.stdout).toMatch(/wrote .*convas-dataset\.json/);
    expect(r.stdout).toMatch(/test accuracy 100\.00% on 8 images|test accuracy (8\d|9\d)\.\d\d% on 8 images/);
  });

  it('gives each picture its class, its probability and the top classes, as text and as JSON lines', async () => {
    const red = join(root, 'red-photo.jpg');
    const blue = join(root, 'blue-photo.png');
    await writeFile(
      red,
      await encodePicture(
        rgbPixels(60, 40, () => [200, 30, 40]),
        60,
        40,
        'jpeg',
      ),
    );
    await writeFile(
      blue,
      await encodePicture(
        rgbPixels(7, 9, () => [20, 40, 230]),
        7,
        9,
        'png',
      ),
    );
    await writeFile(join(root, 'notes.txt'), 'hello');

    const text = await cli(['predict', 'trained', 'red-photo.jpg', 'blue-photo.png', '--backend', 'wasm'], { cwd: root });
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(
      /^red-photo\.jpg: red \(\d+\.\d\d%\)\n {2}red {2}\s*\d+\.\d\d%\n {2}blue\s+\d+\.\d\d%\nblue-photo\.png: blue \(/,
    );

    const json = await cli(['predict', trained, red, blue, 'notes.txt', '--json', '--backend', 'wasm'], { cwd: root });
    expect(json.status).toBe(1);
    expect(json.stderr).toMatch(/convas: notes\.txt: not a PNG, JPEG, WebP, GIF or BMP file/);
    expect(json.stderr).toMatch(/1 of 3 files could not be classified/);
    const lines = json.stdout
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            file: string;
            class: string;
            probability: number;
            top: { class: string; index: number; probability: number }[];
          },
      );
    expect(lines.map((l) => [l.file, l.class])).toEqual([
      [red, 'red'],
      [blue, 'blue'],
    ]);
    for (const l of lines) {
      expect(l.probability).toBeGreaterThan(0.5);
      expect(l.top).toHaveLength(2);
      expect(l.top[0]!.probability).toBe(l.probability);
      expect(l.top[0]!.probability + l.top[1]!.probability).toBeCloseTo(1, 5);
      expect(l.top.map((t) => t.index).sort()).toEqual([0, 1]);
    }
  });

  it('says what a trained folder must hold', async () => {
    const io = { out: () => undefined, err: () => undefined, cwd: root };
    const e = await predictCommand([root, 'notes.txt'], io).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(CliError);
    expect((e as CliError).message).toMatch(/holds no convas-dataset\.json — name a folder written by `train … --out DIR`/);
    const bare = await cli(['predict', trained]);
    expect(bare.status).toBe(2);
  });
});
