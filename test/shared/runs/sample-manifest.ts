import type { RunManifest } from '../../../src-shared/runs/manifest';
import { defaultTrainingSettings } from '../../../src-shared/project/training';

/** A finished run's manifest as the recorder writes it. */
export function sampleManifest(overrides: Partial<RunManifest> = {}): RunManifest {
  return {
    format: 1,
    id: '20261201-121500-ab12',
    name: 'first try',
    project: 'Lecture CNN',
    createdAt: '2026-12-01T12:15:00.000Z',
    finishedAt: '2026-12-01T12:16:00.000Z',
    status: 'diverged',
    warning: { code: 'loss-grew', values: { first: 2.3, last: 40, learningRate: 1 } },
    settings: defaultTrainingSettings(),
    dataset: {
      id: 'sample',
      name: 'sample',
      classNames: ['a', 'b'],
      classNamesWorded: true,
      split: { train: 80, validation: 20, test: 20 },
      image: { height: 28, width: 28, channels: 1 },
    },
    network: { layers: 5, totalParams: 1234, trainableParams: 1234, macs: 99999 },
    metrics: {
      epochsCompleted: 2,
      bestValAccuracy: 0.5,
      bestValEpoch: 1,
      trainLoss: 0.7,
      trainAccuracy: 0.6,
      testLoss: 0.8,
      testAccuracy: 0.55,
      testCount: 20,
    },
    confusionMatrix: [
      [5, 5],
      [4, 6],
    ],
    durationSeconds: 12.5,
    backend: 'wasm',
    threads: 2,
    sizeBytes: 4096,
    weights: 'final',
    resumedFrom: { id: 'older-run', optimizer: 'fresh' },
    writer: { pid: 123 },
    ...overrides,
  };
}
