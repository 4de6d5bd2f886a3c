import { join } from 'node:path';
import type { Network } from '../../../src-shared/graph/network';
import type { TrainingSettings } from '../../../src-shared/project/training';
import { toPythonScript } from '../../../src-shared/python/generate';
import { writeFileAtomic } from '../../files/atomic-write';

/** The trained export's Keras script, beside model.json and weights.bin. */
export const KERAS_SCRIPT_FILE = 'model_keras.py';

/** Writes the Keras script that builds the network and evaluates the trained weights beside it into `dir`; returns its path. */
export async function writeKerasScript(dir: string, model: Network, settings: TrainingSettings): Promise<string> {
  const path = join(dir, KERAS_SCRIPT_FILE);
  await writeFileAtomic(path, toPythonScript(model, settings, model.name, { trainedWeights: true }));
  return path;
}
