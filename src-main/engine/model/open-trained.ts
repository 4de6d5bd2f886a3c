// A TensorFlow.js layers model (model.json + its weights), from Convas or anywhere else, opened as
// a trained model: its topology read by the Keras importer into a Convas network, built by the
// engine's own compile path, and given its weights only when every name, shape and byte fits.
import * as tf from '@tensorflow/tfjs';
import { importKerasModel } from '../../../src-shared/keras/import';
import { graphFromLayers, toNetwork, type Network } from '../../../src-shared/graph/network';
import type { Graph } from '../../../src-shared/graph/schema';
import type { Shape } from '../../../src-shared/layers/types';
import { formatShape } from '../../../src-shared/layers/format';
import type { TrainedDataset } from '../../../src-shared/training/trained-dataset';
import type { ModelDescription, OpenModelProblem } from '../../../src-shared/training/open-model-problem';
import { translator } from '../../../src-shared/i18n/catalog';
import { FASHION_MNIST_CLASS_NAMES } from '../data/preprocess';
import { inputShape } from '../training/examples';
import { compileModel } from './compile';
import type { TrainedModel } from './trained-model';

/** What `openTrainedModel` reads: model.json's text, the weight files' bytes in the manifest's order, and convas-dataset.json when there is one. */
export interface TrainedModelFiles {
  readonly modelJson: string;
  /** Every file the weightsManifest names, concatenated in its order (one weights.bin for Convas's own). */
  readonly weightData: Uint8Array;
  /** convas-dataset.json, already validated (trainedDatasetSchema); without it the classes and pictures are inferred. */
  readonly trained?: TrainedDataset | undefined;
}

/** A model opened from files: the trained model, the network as a canvas graph (not laid out), and how its dataset is known. */
export interface OpenedModel extends TrainedModel {
  /** The network as a graph for the canvas, node names = the model's layer names. */
  readonly graph: Graph;
  /** The model's own name (model.json's). */
  readonly name: string;
  /** Whether class names and picture size came from convas-dataset.json, were assumed (Fashion-MNIST), or are unknown. */
  readonly description: ModelDescription;
}

/** Why files are not a trained model Convas can open: a code with values (worded by the engine dictionary), and an English message. */
export class OpenModelError extends Error {
  override readonly name = 'OpenModelError';
  constructor(
    readonly problem: OpenModelProblem,
    /** The underlying cause's own text (a library's), untranslated. */
    readonly detail?: string,
  ) {
    super(openModelProblemText(problem) + (detail ? ` (${detail})` : ''));
  }
}

/** A refusal in English (logs, the CLI). */
export function openModelProblemText(problem: OpenModelProblem): string {
  const { problem: code, ...values } = problem;
  return translator('en', 'engine')(`error.open-model.${code}`, values);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Bytes per stored value of a manifest entry, or undefined for a type Convas does not read. */
function bytesPerValue(spec: tf.io.WeightsManifestEntry): number | undefined {
  const q = spec.quantization?.dtype;
  if (q !== undefined) return q === 'uint8' ? 1 : q === 'uint16' || q === 'float16' ? 2 : undefined;
  return spec.dtype === 'float32' ? 4 : undefined;
}

function shapeText(shape: readonly (number | null)[]): string {
  return `[${shape.join(', ')}]`;
}

/** The manifest's weight entries, or a refusal when model.json is not a TensorFlow.js layers model. */
function readManifest(doc: unknown): { topology: Record<string, unknown>; specs: tf.io.WeightsManifestEntry[] } {
  const notLayers = () => new OpenModelError({ problem: 'not-layers-model' });
  if (!isRecord(doc) || !isRecord(doc['modelTopology']) || !Array.isArray(doc['weightsManifest'])) throw notLayers();
  // tensorflowjs_converter writes "graph-model" for frozen graphs: no layers to show.
  if (doc['format'] !== undefined && doc['format'] !== 'layers-model') throw notLayers();
  const specs: tf.io.WeightsManifestEntry[] = [];
  for (const group of doc['weightsManifest']) {
    if (!isRecord(group) || !Array.isArray(group['weights'])) throw notLayers();
    for (const w of group['weights']) {
      const ok =
        isRecord(w) &&
        typeof w['name'] === 'string' &&
        typeof w['dtype'] === 'string' &&
        Array.isArray(w['shape']) &&
        w['shape'].every((d) => Number.isInteger(d) && (d as number) >= 0);
      if (!ok) throw notLayers();
      specs.push(w as unknown as tf.io.WeightsManifestEntry);
    }
  }
  return { topology: doc['modelTopology'], specs };
}

/** The Convas network of a topology, with its graph, or a refusal. */
function readNetwork(doc: unknown): { network: Network; graph: Graph; name: string } {
  const imported = importKerasModel(doc);
  if (!imported.ok) {
    const { code, values } = imported.error;
    throw new OpenModelError({ problem: 'not-importable' }, `${code} ${JSON.stringify(values)}`);
  }
  const graph = graphFromLayers(imported.layers);
  const seq = toNetwork(graph, imported.name);
  if (!seq.ok) throw new OpenModelError({ problem: 'invalid-network', count: seq.issues.length });
  return { network: seq.model, graph, name: imported.name };
}

/**
 * Checks that the manifest gives every weight of the model by name with its shape, nothing more,
 * in a type Convas reads, and that the bytes are exactly what the manifest describes.
 */
function checkWeights(model: tf.LayersModel, specs: readonly tf.io.WeightsManifestEntry[], bytes: number): void {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const needed = new Set<string>();
  for (const w of model.weights) {
    needed.add(w.originalName);
    const spec = byName.get(w.originalName);
    if (!spec) throw new OpenModelError({ problem: 'weight-missing', weight: w.originalName });
    if (spec.shape.length !== w.shape.length || spec.shape.some((d, i) => d !== w.shape[i])) {
      throw new OpenModelError({ problem: 'weight-shape', weight: spec.name, expected: shapeText(w.shape), given: shapeText(spec.shape) });
    }
  }
  const extra = specs.find((s) => !needed.has(s.name));
  if (extra) throw new OpenModelError({ problem: 'weight-unexpected', weight: extra.name });
  let expected = 0;
  for (const spec of specs) {
    const size = bytesPerValue(spec);
    if (size === undefined) {
      throw new OpenModelError({ problem: 'weight-dtype', weight: spec.name, given: spec.quantization?.dtype ?? spec.dtype });
    }
    expected += size * spec.shape.reduce((a, b) => a * b, 1);
  }
  if (expected > 0 && bytes === 0) throw new OpenModelError({ problem: 'no-weights' });
  if (bytes !== expected) throw new OpenModelError({ problem: 'weights-size', expected: String(expected), given: String(bytes) });
}

/** How pictures reach an input Convas did not describe: 784 values as a flattened 28×28 image, else resized to height × width × 1 or 3. */
function inferredAdapter(shape: Shape): TrainedDataset['adapter'] {
  const known = shape.filter((d): d is number => d !== null);
  const refuse = () => new OpenModelError({ problem: 'input-not-image', given: formatShape(shape) });
  if (known.length !== shape.length) throw refuse();
  if (known.length === 1 && known[0] === 28 * 28) return { kind: 'flat' };
  const channels = known.length === 3 ? known[2] : known.length === 2 ? 1 : undefined;
  if (channels !== 1 && channels !== 3) throw refuse();
  return { kind: 'resized', height: known[0]!, width: known[1]!, channels, shape: known };
}

/** The model's output: one value per class, as probabilities (softmax last) or logits. */
function outputOf(network: Network): { classes: number; probabilities: boolean } {
  const last = network.layers[network.layers.length - 1];
  const shape = last?.outputShape ?? network.input.shape;
  if (shape.length !== 1 || shape[0]! < 2) throw new OpenModelError({ problem: 'output-not-vector', given: formatShape(shape) });
  const activation = isRecord(last?.params) ? last.params['activation'] : undefined;
  return { classes: shape[0]!, probabilities: activation === 'softmax' || last?.kind === 'Softmax' };
}

/** What the model learned from: convas-dataset.json checked against the model, or inferred from its input and output. */
function describe(network: Network, given: TrainedDataset | undefined): { trained: TrainedDataset; description: ModelDescription } {
  const { classes, probabilities } = outputOf(network);
  const shape = network.input.shape;
  if (given) {
    if (given.classNames.length !== classes) {
      throw new OpenModelError({ problem: 'dataset-mismatch', expected: String(given.classNames.length), given: String(classes) });
    }
    const fed = inputShape(given.adapter);
    if (fed.length !== shape.length || fed.some((d, i) => d !== shape[i])) {
      throw new OpenModelError({ problem: 'dataset-input', expected: formatShape(fed), given: formatShape(shape) });
    }
    return { trained: given, description: 'given' };
  }
  const adapter = inferredAdapter(shape);
  const image =
    adapter.kind === 'resized'
      ? { height: adapter.height, width: adapter.width, channels: adapter.channels }
      : { height: 28, width: 28, channels: 1 as const };
  // Ten classes from a 28×28 grayscale input is, in this app's world, Fashion-MNIST; the UI says it assumed so.
  const fashion = classes === 10 && image.height === 28 && image.width === 28 && image.channels === 1;
  const trained: TrainedDataset = {
    format: 1,
    // 'images': pictures brought to the input's size — how any picture reaches a model of unknown origin.
    dataset: fashion ? 'fashion-mnist' : 'images',
    classNames: fashion ? [...FASHION_MNIST_CLASS_NAMES] : Array.from({ length: classes }, (_, i) => String(i)),
    classNamesWorded: fashion,
    image,
    resize: 'fill',
    adapter,
    normalization: { kind: 'unit' },
    outputIsProbability: probabilities,
  };
  return { trained, description: fashion ? 'assumed-fashion-mnist' : 'unknown' };
}

/** The weight files' bytes as one ArrayBuffer of exactly their length (a Uint8Array may view a larger one). */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer;
}

/**
 * Opens a TensorFlow.js layers model (model.json's text and its weights, from Convas's export or
 * any tfjs Sequential or functional model) as a trained model. Throws OpenModelError with a code
 * when the files are not such a model or the weights do not fit it (names, shapes, byte length).
 * The caller owns the result: `tfModel.dispose()` when done. Test examples are not loaded here.
 */
export async function openTrainedModel(files: TrainedModelFiles): Promise<OpenedModel> {
  let doc: unknown;
  try {
    doc = JSON.parse(files.modelJson);
  } catch (e) {
    throw new OpenModelError({ problem: 'not-json' }, e instanceof Error ? e.message : String(e));
  }
  const { specs } = readManifest(doc);
  const { network, graph, name } = readNetwork(doc);
  const { trained, description } = describe(network, files.trained);
  let tfModel: tf.LayersModel;
  try {
    tfModel = compileModel(network);
  } catch (e) {
    throw new OpenModelError({ problem: 'not-buildable' }, e instanceof Error ? e.message : String(e));
  }
  try {
    checkWeights(tfModel, specs, files.weightData.byteLength);
    const weights = tf.io.decodeWeights(ownBuffer(files.weightData), specs);
    try {
      tfModel.loadWeights(weights, true);
    } finally {
      tf.dispose(Object.values(weights));
    }
  } catch (e) {
    tfModel.dispose();
    if (e instanceof OpenModelError) throw e;
    throw new OpenModelError({ problem: 'not-buildable' }, e instanceof Error ? e.message : String(e));
  }
  return { tfModel, model: network, adapter: trained.adapter, trained, graph, name, description };
}
