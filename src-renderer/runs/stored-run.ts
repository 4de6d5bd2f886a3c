/**
 * A stored run as the renderer's views need it: its curves for the compare charts, and its
 * results in the form the training panel shows a finished run in (so a reopened run looks like
 * one just trained).
 */
import type { EngineEventOf } from '../../src-shared/engine/protocol';
import type { RunCurves } from '../../src-shared/runs/curves';
import type { RunManifest } from '../../src-shared/runs/manifest';
import type { BatchCurvePoint } from './overlay';

/**
 * Batches per epoch of a run: from its curve where a later epoch shows it (step counts batches
 * from the run's start), else from its training split and batch size (as the engine batches).
 */
export function batchesPerEpochOf(manifest: RunManifest, curves: RunCurves): number {
  const later = curves.batches.find((p) => p.epoch > 1);
  if (later) return Math.max(1, (later.step - later.batch) / (later.epoch - 1));
  return Math.max(1, Math.ceil(manifest.dataset.split.train / manifest.settings.batchSize));
}

/** The run's per-batch curve with its batches per epoch, for the overlay's epoch axis. */
export function batchCurveOf(manifest: RunManifest, curves: RunCurves): BatchCurvePoint[] {
  const batchesPerEpoch = batchesPerEpochOf(manifest, curves);
  return curves.batches.map((p) => ({ epoch: p.epoch, batch: p.batch, batchesPerEpoch, loss: p.loss, accuracy: p.accuracy }));
}

/** Per class, the share of its test images predicted right (0 for a class with none). */
export function perClassAccuracy(matrix: readonly (readonly number[])[]): number[] {
  return matrix.map((row, i) => {
    const total = row.reduce((a, b) => a + b, 0);
    return total > 0 ? (row[i] ?? 0) / total : 0;
  });
}

/**
 * The run's results as a 'finished' event, for the training panel (null while the run has no
 * test results). Runs recorded before misclassified images were kept show an empty gallery.
 */
export function finishedOf(manifest: RunManifest, runId: string): EngineEventOf<'finished'> | null {
  const m = manifest.metrics;
  if (m.testAccuracy === null || m.testLoss === null || m.testCount === null || manifest.confusionMatrix === null) return null;
  return {
    type: 'finished',
    runId,
    stopped: manifest.status === 'stopped',
    epochsCompleted: m.epochsCompleted,
    testLoss: m.testLoss,
    testAccuracy: m.testAccuracy,
    testCount: m.testCount,
    confusionMatrix: manifest.confusionMatrix.map((row) => [...row]),
    perClassAccuracy: perClassAccuracy(manifest.confusionMatrix),
    classNames: [...manifest.dataset.classNames],
    classNamesWorded: manifest.dataset.classNamesWorded,
    misclassified: (manifest.misclassified ?? []).map((m) => ({ ...m })),
    seconds: manifest.durationSeconds,
    ...(manifest.warning ? { warning: manifest.warning } : {}),
  };
}
