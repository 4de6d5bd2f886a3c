import * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import type { Network } from '../../../src-shared/graph/network';
import { encodeOnnxModel } from '../../../src-shared/onnx/model-proto';
import { onnxGraphOf, onnxMetadata, onnxSettingsProblem, type OnnxProblem } from '../../../src-shared/onnx/network-graph';
import type { FloatTensor } from '../../../src-shared/onnx/tensor-layout';
import { onnxProblemText } from '../../../src-shared/i18n/onnx-text';
import type { Normalization } from '../../../src-shared/training/normalization';
import { writeFileAtomic } from '../../files/atomic-write';
import { compileModel } from '../model/compile';
import { initBackend } from '../backend/select';

/** The file name of the ONNX model beside a trained export. */
export const ONNX_FILE = 'model.onnx';

/** A network that cannot be written as ONNX exactly; `problem` is its code, the message the English words. */
export class OnnxExportError extends Error {
  constructor(readonly problem: OnnxProblem) {
    super(onnxProblemText('en', problem));
  }
}

/** Every weight of a TensorFlow.js model by its layer-scoped name ("conv2d/kernel"), whatever suffix TensorFlow.js gave the variable. */
export function modelWeights(model: tf.LayersModel): Map<string, FloatTensor> {
  const weights = new Map<string, FloatTensor>();
  for (const w of model.weights) {
    weights.set(w.originalName, { data: Float32Array.from(w.read().dataSync() as Float32Array), shape: [...w.shape] as number[] });
  }
  return weights;
}

/**
 * The ONNX ModelProto bytes of `network` with `model`'s weights; throws OnnxExportError for a layer it
 * cannot write exactly. `normalization` (a trained run's, from convas-dataset.json) goes into the metadata.
 */
export function onnxBytes(model: tf.LayersModel, network: Network, normalization?: Normalization): Uint8Array {
  const graph = onnxGraphOf(network, modelWeights(model));
  if (!graph.ok) throw new OnnxExportError(graph.problem);
  const metadata = { ...onnxMetadata(network), ...(normalization ? { 'convas.normalization': JSON.stringify(normalization) } : {}) };
  return encodeOnnxModel(graph.graph, `TensorFlow.js ${tf.version.tfjs}`, metadata);
}

/** The ONNX bytes of a design with its initial weights: the model the engine would start training from with `seed`. */
export function designOnnxBytes(network: Network, seed: number): Uint8Array {
  // Refused before building: TensorFlow.js would fail on these settings with a sentence of its own.
  const refused = onnxSettingsProblem(network);
  if (refused) throw new OnnxExportError(refused);
  const model = compileModel(network, seed);
  try {
    return onnxBytes(model, network);
  } finally {
    model.dispose();
  }
}

/** Writes model.onnx of a trained model into `dir`; returns its path. */
export async function writeOnnxFile(model: tf.LayersModel, network: Network, dir: string, normalization?: Normalization): Promise<string> {
  const path = join(dir, ONNX_FILE);
  await writeFileAtomic(path, onnxBytes(model, network, normalization));
  return path;
}

/** Writes a design's model.onnx with its initial weights (seeded as training starts) to `path`, on the plain JavaScript backend. */
export async function writeDesignOnnx(network: Network, seed: number, path: string): Promise<void> {
  // Initial weights come from seeded JavaScript generators, the same on every backend; cpu starts at once.
  await initBackend('cpu');
  await writeFileAtomic(path, designOnnxBytes(network, seed));
}
