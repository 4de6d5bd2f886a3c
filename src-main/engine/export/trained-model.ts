import type * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import type { Network } from '../../../src-shared/graph/network';
import { toKeras3Json } from '../../../src-shared/keras/export';
import { TRAINED_DATASET_FILE, type TrainedDataset } from '../../../src-shared/training/trained-dataset';
import { writeFileAtomic } from '../../files/atomic-write';
import { defaultTrainingSettings, type TrainingSettings } from '../../../src-shared/project/training';
import { saveModel } from './artifacts';
import { writeKerasScript } from './keras-script';
import { writeOnnxFile } from './onnx-file';
import { writePytorchModule } from './pytorch';

/**
 * Writes what reopening or predicting with a trained model needs: model.json and weights.bin, the
 * Keras 3 JSON of its network and how its data was fed (convas-dataset.json). Returns the paths.
 */
export async function writeTrainedWeights(
  model: tf.LayersModel,
  network: Network,
  trained: TrainedDataset,
  dir: string,
): Promise<string[]> {
  const files = await saveModel(model, dir);
  const kerasPath = join(dir, 'model.keras.json');
  await writeFileAtomic(kerasPath, `${JSON.stringify(toKeras3Json(network), null, 2)}\n`);
  const datasetPath = join(dir, TRAINED_DATASET_FILE);
  await writeFileAtomic(datasetPath, `${JSON.stringify(trained, null, 2)}\n`);
  return [...files, kerasPath, datasetPath];
}

/**
 * Writes a trained model as the folder `predict` and the Python scripts read: the weights as
 * writeTrainedWeights writes them, the Keras script that evaluates them, the PyTorch module that
 * loads them, and model.onnx. `settings` are the run's (an opened model has none: the script then
 * evaluates with the defaults). Returns the files' paths.
 */
export async function writeTrainedModel(
  model: tf.LayersModel,
  network: Network,
  trained: TrainedDataset,
  dir: string,
  settings: TrainingSettings = defaultTrainingSettings(),
): Promise<string[]> {
  const weights = await writeTrainedWeights(model, network, trained, dir);
  const scriptPath = await writeKerasScript(dir, network, settings);
  const pytorchPath = await writePytorchModule(network, dir);
  const onnxPath = await writeOnnxFile(model, network, dir, trained.normalization);
  return [...weights, scriptPath, pytorchPath, onnxPath];
}
