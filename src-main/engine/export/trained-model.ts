import type * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import type { Network } from '../../../src-shared/graph/network';
import { toKeras3Json } from '../../../src-shared/keras/export';
import { TRAINED_DATASET_FILE, type TrainedDataset } from '../../../src-shared/training/trained-dataset';
import { writeFileAtomic } from '../../files/atomic-write';
import { saveModel } from './artifacts';

/**
 * Writes a trained model as the folder `predict` and the Python scripts read: model.json and
 * weights.bin, the Keras 3 JSON of its network, and how its data was fed (convas-dataset.json).
 * Returns the files' paths.
 */
export async function writeTrainedModel(model: tf.LayersModel, network: Network, trained: TrainedDataset, dir: string): Promise<string[]> {
  const files = await saveModel(model, dir);
  const kerasPath = join(dir, 'model.keras.json');
  await writeFileAtomic(kerasPath, `${JSON.stringify(toKeras3Json(network), null, 2)}\n`);
  const datasetPath = join(dir, TRAINED_DATASET_FILE);
  await writeFileAtomic(datasetPath, `${JSON.stringify(trained, null, 2)}\n`);
  return [...files, kerasPath, datasetPath];
}
