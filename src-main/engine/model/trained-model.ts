import type * as tf from '@tensorflow/tfjs';
import type { Network } from '../../../src-shared/graph/network';
import type { InputAdapter } from '../../../src-shared/training/compatibility';
import type { TrainedDataset } from '../../../src-shared/training/trained-dataset';
import type { Examples } from '../training/examples';

/**
 * A model with weights that the engine can look inside, predict with and export, whoever made it:
 * a training run that finished (or stopped), or a TensorFlow.js model.json opened with its weights.
 */
export interface TrainedModel {
  /** The TensorFlow.js model holding the weights. */
  readonly tfModel: tf.LayersModel;
  /** The same network as Convas sees it (layer names, kinds, inbound, shapes); its names are tfModel's layer names. */
  readonly model: Network;
  /** How a 28×28 drawing, a picture or a dataset image becomes the model's input. */
  readonly adapter: InputAdapter;
  /** What the model learned from: class names, picture size, normalisation, whether its output is probabilities. */
  readonly trained: TrainedDataset;
  /** Test examples in the input's layout, when the dataset is known (the test-sample picker); absent otherwise. */
  readonly test?: Examples | undefined;
}
