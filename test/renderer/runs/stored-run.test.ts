import { describe, expect, it } from 'vitest';
import { engineEventSchema } from '../../../src-shared/engine/protocol';
import { emptyCurves, withBatchPoint, withEpochPoint, type RunCurves } from '../../../src-shared/runs/curves';
import { batchCurveOf, batchesPerEpochOf, finishedOf, perClassAccuracy } from '../../../src-renderer/runs/stored-run';
import { sampleManifest } from '../../shared/runs/sample-manifest';

function curvesOf(epochs: number, perEpoch: number): RunCurves {
  let curves = emptyCurves();
  for (let e = 1; e <= epochs; e++) {
    for (let b = 1; b <= perEpoch; b++)
      curves = withBatchPoint(curves, { step: (e - 1) * perEpoch + b, epoch: e, batch: b, loss: 1 / b, accuracy: 0.5 });
    curves = withEpochPoint(curves, { epoch: e, loss: 1, accuracy: 0.5, valLoss: 1, valAccuracy: 0.5, seconds: 1 });
  }
  return curves;
}

describe('a stored run for the views', () => {
  it('reads the batches per epoch from a later epoch of the curve, else from the split and batch size', () => {
    const manifest = sampleManifest({ settings: { ...sampleManifest().settings, batchSize: 32 } });
    expect(batchesPerEpochOf(manifest, curvesOf(2, 7))).toBe(7);
    // 80 training images in batches of 32: 3 batches.
    expect(batchesPerEpochOf(manifest, curvesOf(1, 3))).toBe(3);
    const points = batchCurveOf(manifest, curvesOf(2, 7));
    expect(points).toHaveLength(14);
    expect(points[7]).toMatchObject({ epoch: 2, batch: 1, batchesPerEpoch: 7 });
  });

  it('gives per-class accuracy from the confusion matrix rows', () => {
    expect(
      perClassAccuracy([
        [5, 5],
        [4, 6],
        [0, 0],
      ]),
    ).toEqual([0.5, 0.6, 0]);
  });

  it('shows a run with test results as a finished event the protocol accepts', () => {
    const finished = finishedOf(sampleManifest({ status: 'stopped' }), 'run-x');
    expect(finished).not.toBeNull();
    expect(engineEventSchema.parse(finished)).toMatchObject({
      type: 'finished',
      runId: 'run-x',
      stopped: true,
      testAccuracy: 0.55,
      classNames: ['a', 'b'],
      perClassAccuracy: [0.5, 0.6],
      misclassified: [],
    });
  });

  it('gives a reopened run its misclassified gallery back', () => {
    const misclassified = [{ index: 7, label: 1, predicted: 0 }];
    expect(finishedOf({ ...sampleManifest(), misclassified }, 'r')?.misclassified).toEqual(misclassified);
  });

  it('has no finished results for a run that was never tested', () => {
    const m = sampleManifest();
    expect(finishedOf({ ...m, metrics: { ...m.metrics, testAccuracy: null } }, 'r')).toBeNull();
    expect(finishedOf({ ...m, confusionMatrix: null }, 'r')).toBeNull();
  });
});
