// Predictions of a trained, exported model on picture files: each picture decoded, resized and
// normalised exactly as the training images were, as convas-dataset.json beside the model says.
import * as tf from '@tensorflow/tfjs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackendName } from '../../src-shared/engine/protocol';
import { TRAINED_DATASET_FILE, trainedDatasetSchema, type TrainedDataset } from '../../src-shared/training/trained-dataset';
import { initBackend } from './backend/select';
import { loadModel } from './export/artifacts';
import { decodePicture, type PictureSize } from './data/image-decode';
import { exampleValues, inputShape, toExamples } from './training/examples';
import { normalizeBatch } from './training/normalize';

/** One class and how likely the model finds it. */
export interface ClassScore {
  readonly index: number;
  readonly name: string;
  readonly probability: number;
}

/** A trained model ready to classify pictures. */
export interface Predictor {
  readonly dataset: TrainedDataset;
  /** The backend TensorFlow.js runs on. */
  readonly backend: BackendName;
  /** The `top` most likely classes of one picture file's bytes, most likely first. Throws UnusablePictureError for a file that is not a usable picture. */
  predict(bytes: Uint8Array, top?: number): Promise<ClassScore[]>;
  dispose(): void;
}

/** Why a folder is not a trained model Convas can predict with. */
export class TrainedModelError extends Error {
  override readonly name = 'TrainedModelError';
}

async function readTrainedDataset(dir: string): Promise<TrainedDataset> {
  const path = join(dir, TRAINED_DATASET_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new TrainedModelError(
      `${dir}: holds no ${TRAINED_DATASET_FILE} — name a folder written by \`train … --out DIR\` (model.json, weights.bin and ${TRAINED_DATASET_FILE})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new TrainedModelError(`${path}: is not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const parsed = trainedDatasetSchema.safeParse(json);
  if (!parsed.success) {
    throw new TrainedModelError(
      `${path}: is not a description Convas wrote (${parsed.error.issues[0]?.message ?? 'invalid'}) — export the model again`,
    );
  }
  return parsed.data;
}

/** Loads model.json, weights.bin and convas-dataset.json from an exported run's folder. */
export async function loadPredictor(dir: string, backend: BackendName | 'auto' = 'auto'): Promise<Predictor> {
  const dataset = await readTrainedDataset(dir);
  const chosen = await initBackend(backend);
  let model: tf.LayersModel;
  try {
    model = await loadModel(join(dir, 'model.json'));
  } catch (e) {
    throw new TrainedModelError(`${join(dir, 'model.json')}: cannot be loaded (${e instanceof Error ? e.message : String(e)})`);
  }
  const units = (model.outputs[0]?.shape ?? []).at(-1);
  if (units !== dataset.classNames.length) {
    throw new TrainedModelError(
      `${dir}: the model gives ${units ?? '?'} values but ${TRAINED_DATASET_FILE} names ${dataset.classNames.length} classes — the two files do not belong together`,
    );
  }
  const size: PictureSize = dataset.image;
  const shape = inputShape(dataset.adapter);
  return {
    dataset,
    backend: chosen.name,
    async predict(bytes, top = 5) {
      const pixels = await decodePicture(bytes, size);
      const values = exampleValues(toExamples(pixels, new Uint8Array(1), [0], dataset.adapter), 0);
      const out = tf.tidy(() => {
        // Fed as in training: standardised per channel when the run standardised.
        const y = model.predict(normalizeBatch(tf.tensor(values, [1, ...shape], 'float32'), dataset.normalization)) as tf.Tensor;
        return dataset.outputIsProbability ? y : tf.softmax(y);
      });
      const probabilities = Array.from(await out.data());
      out.dispose();
      return probabilities
        .map((probability, index) => ({ index, name: dataset.classNames[index]!, probability }))
        .sort((a, b) => b.probability - a.probability || a.index - b.index)
        .slice(0, top);
    },
    dispose: () => model.dispose(),
  };
}
