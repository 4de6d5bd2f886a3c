import { describe, expect, it } from 'vitest';
import {
  CLASS_SAMPLES,
  classSamplesCommand,
  samplesByClass,
  pictureImage,
  previewCommand,
  previewKey,
  PREVIEW_SAMPLES,
  PREVIEW_VERSIONS,
} from '../../../src-renderer/training/augment-preview';
import { engineCommandSchema } from '../../../src-shared/engine/protocol';
import { defaultTrainingSettings } from '../../../src-shared/project/training';
import { graphFromLayers } from '../../../src-shared/graph/network';

const view = (data: number[], shape: number[]) => ({
  shape,
  data: Float32Array.from(data),
  min: Math.min(...data),
  max: Math.max(...data),
});

describe('augmentation preview', () => {
  it('shows a 0–1 image as it is: gray from one channel, colour from three, clipped outside 0–1', () => {
    const gray = pictureImage(view([0, 0.5, 1, 2], [2, 2, 1]));
    expect([gray.width, gray.height]).toEqual([2, 2]);
    expect(Array.from(gray.pixels)).toEqual([0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255, 255, 255, 255, 255]);
    const colour = pictureImage(view([1, 0, 0, 0, 0.2, -1], [1, 2, 3]));
    expect(Array.from(colour.pixels)).toEqual([255, 0, 0, 255, 0, 51, 0, 255]);
    // A flat square input is shown as a square.
    expect([pictureImage(view(new Array(16).fill(0), [16])).width, pictureImage(view(new Array(16).fill(0), [16])).height]).toEqual([4, 4]);
  });

  it('asks the engine with a command it accepts, another seed for each new draw', () => {
    const graph = graphFromLayers([{ kind: 'InputLayer', params: { shape: [28, 28, 1] } }]);
    const settings = { ...defaultTrainingSettings(), seed: 42 };
    const first = engineCommandSchema.parse(previewCommand('p1', graph, settings, 0));
    expect(first).toMatchObject({ type: 'augment-preview', requestId: 'p1', samples: PREVIEW_SAMPLES, versions: PREVIEW_VERSIONS });
    expect('seed' in first).toBe(false);
    const again = engineCommandSchema.parse(previewCommand('p2', graph, settings, 1));
    expect(again).toMatchObject({ seed: 42 + 7919 });
    expect(engineCommandSchema.parse(previewCommand('p3', graph, { ...settings, seed: 2 ** 31 - 1 }, 3))).toMatchObject({
      seed: (2 ** 31 - 1 + 3 * 7919) % 2 ** 31,
    });
  });

  it('is asked again when what it shows changes, not for the optimizer or the epochs', () => {
    const base = defaultTrainingSettings();
    const key = previewKey(base);
    expect(previewKey({ ...base, epochs: 9, optimizer: 'sgd', learningRate: 0.1 })).toBe(key);
    expect(previewKey({ ...base, augmentation: { ...base.augmentation, rotation: 10 } })).not.toBe(key);
    expect(previewKey({ ...base, seed: 7 })).not.toBe(key);
    expect(previewKey({ ...base, dataset: 'mnist' })).not.toBe(key);
  });
});

describe('the dataset view samples', () => {
  it('asks for CLASS_SAMPLES images of each class, and groups the answer by class in the order the engine sent them', () => {
    const command = classSamplesCommand('r1', { nodes: [], edges: [] }, defaultTrainingSettings());
    expect(command).toMatchObject({ type: 'augment-preview', requestId: 'r1', perClass: CLASS_SAMPLES, versions: 1 });
    expect(engineCommandSchema.safeParse(command).success).toBe(true);
    const rows = samplesByClass([
      { label: 1, index: 4 },
      { label: 0, index: 7 },
      { label: 1, index: 2 },
    ]);
    expect([...rows.entries()]).toEqual([
      [
        1,
        [
          { label: 1, index: 4 },
          { label: 1, index: 2 },
        ],
      ],
      [0, [{ label: 0, index: 7 }]],
    ]);
  });
});
