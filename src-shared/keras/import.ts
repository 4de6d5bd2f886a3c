import type { RawLayer } from '../graph/network';
import { layerKind } from '../layers/registry';
import { LAYER_KIND_IDS, type LayerKindId } from '../layers/types';
import type { Coded, NoValues } from '../i18n/coded';
import { checkLayerSettings, type BoundsCode } from '../graph/param-bounds';

/** Which writer produced a model document. */
export type KerasFlavor = 'keras3' | 'keras2' | 'tfjs';

/** The values of each reason a document cannot be imported. */
export type ImportProblemValues = {
  readonly 'not-object': NoValues;
  readonly 'no-class-name': NoValues;
  /** The top class is neither Sequential nor a functional model (Functional, Model). */
  readonly 'not-a-model': { readonly cls: string };
  readonly 'no-layers-list': NoValues;
  readonly 'bad-layer': { readonly index: number };
  readonly 'unsupported-layer': { readonly cls: string; readonly supported: string };
  readonly 'unsupported-named-layer': { readonly layer: string; readonly cls: string; readonly supported: string };
  readonly 'input-not-first': { readonly layer: string };
  readonly 'no-input-shape': { readonly layer: string };
  readonly 'no-layers': NoValues;
  /** A layer's setting is out of bounds (nested too deep, too long, a forbidden key); `reason` is worded as the issue would be. */
  readonly 'bad-setting': { readonly layer: string; readonly setting: string; readonly reason: BoundsCode; readonly max: number };
  /** A layer that is itself a model (Sequential, Functional, Model). */
  readonly 'nested-model': { readonly layer: string; readonly cls: string };
  /** A layer called more than once (weights shared between places in the network). */
  readonly 'shared-layer': { readonly layer: string; readonly calls: number };
  readonly 'several-inputs': { readonly count: number };
  readonly 'several-outputs': { readonly count: number };
  /** A layer of a functional model without a name: its connections could not name it. */
  readonly 'unnamed-layer': { readonly index: number };
  /** Two layers of one functional model with the same name (Keras refuses it; the connections would be ambiguous). */
  readonly 'duplicate-layer': { readonly layer: string };
  /** A layer's inbound_nodes are in no writer's form, or feed it a tensor no layer of Convas's makes (a second output, a constant). */
  readonly 'bad-inbound': { readonly layer: string };
  /** A layer takes its input from a name that is no layer of the model. */
  readonly 'unknown-inbound': { readonly layer: string; readonly source: string };
  /** input_layers or output_layers is missing, malformed, or names no layer (input_layers: no InputLayer) of the model. */
  readonly 'bad-ends': NoValues;
};

/** Why a document is not a model Convas can import, as a code with its values. */
export type ImportProblem = Coded<ImportProblemValues>;
export type ImportProblemCode = ImportProblem['code'];

export type KerasImport =
  | { readonly ok: true; readonly name: string; readonly flavor: KerasFlavor; readonly layers: readonly RawLayer[] }
  | { readonly ok: false; readonly error: ImportProblem };

type Json = Record<string, unknown>;

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Keras aliases of the same classes (MaxPool2D is MaxPooling2D in Keras's namespace). */
const ALIASES: Record<string, LayerKindId> = {
  MaxPool2D: 'MaxPooling2D',
  AvgPool2D: 'AveragePooling2D',
  Convolution2D: 'Conv2D',
  GlobalAvgPool2D: 'GlobalAveragePooling2D',
  SeparableConvolution2D: 'SeparableConv2D',
  Convolution2DTranspose: 'Conv2DTranspose',
  GlobalMaxPool2D: 'GlobalMaxPooling2D',
};

/** The classes of whole models: Keras 3 writes 'Functional', tf.keras 2 'Functional' (2.4+) or 'Model', TensorFlow.js 'Model'. */
const FUNCTIONAL_CLASSES = new Set(['Functional', 'Model']);
const MODEL_CLASSES = new Set(['Sequential', ...FUNCTIONAL_CLASSES]);

/** True when a parsed JSON document looks like a Keras or TensorFlow.js model. */
export function isKerasDocument(doc: unknown): boolean {
  return isRecord(doc) && (isRecord(doc['modelTopology']) || typeof doc['class_name'] === 'string' || isRecord(doc['model_config']));
}

function fail(error: ImportProblem): KerasImport {
  return { ok: false, error };
}

/** The input shape a layer config declares (batch dimension dropped), in any writer's spelling. */
function declaredInput(config: Json): unknown[] | undefined {
  for (const key of ['batch_shape', 'batch_input_shape', 'batchInputShape']) {
    const v = config[key];
    if (Array.isArray(v)) return v.slice(1);
  }
  for (const key of ['input_shape', 'inputShape']) {
    const v = config[key];
    if (Array.isArray(v)) return v;
  }
  return undefined;
}

/** A model name a project can carry: an empty one (which Save would refuse) becomes Keras's default. */
function modelName(config: unknown, fallback: string): string {
  return isRecord(config) && typeof config['name'] === 'string' && config['name'] !== '' ? config['name'] : fallback;
}

/** One entry of a layers list, read: its class, known to Convas, with raw params and the rest of the entry. */
type ReadLayer =
  { readonly ok: true; readonly layer: RawLayer; readonly entry: Json } | { readonly ok: false; readonly problem: ImportProblem };

/** Reads the `index`-th entry of a layers list; `name` is the entry's own name where the writer puts one beside the config. */
function readLayer(entry: unknown, index: number): ReadLayer {
  if (!isRecord(entry) || typeof entry['class_name'] !== 'string' || !isRecord(entry['config'])) {
    return { ok: false, problem: { code: 'bad-layer', values: { index: index + 1 } } };
  }
  const config = entry['config'];
  // An empty name is no name: the canvas names such a layer as Keras would, and a project cannot hold ''.
  const name = [entry['name'], config['name']].find((n): n is string => typeof n === 'string' && n !== '');
  const cls = entry['class_name'];
  if (MODEL_CLASSES.has(cls)) return { ok: false, problem: { code: 'nested-model', values: { layer: name ?? String(index + 1), cls } } };
  const kind = layerKind(ALIASES[cls] ?? cls);
  if (!kind) {
    const values = { cls, supported: LAYER_KIND_IDS.join(', ') };
    return {
      ok: false,
      problem: name ? { code: 'unsupported-named-layer', values: { layer: name, ...values } } : { code: 'unsupported-layer', values },
    };
  }
  const layer: RawLayer = { kind: kind.kind, ...(name !== undefined ? { name } : {}), params: kind.fromKerasConfig(config) };
  return { ok: true, layer, entry };
}

/** Refuses a layer whose settings are out of bounds, so nothing downstream recurses into a hostile value. */
function outOfBounds(layer: RawLayer, index: number): ImportProblem | undefined {
  const found = checkLayerSettings(layer.params);
  if (!found) return undefined;
  const values = { layer: layer.name ?? `${layer.kind} ${index + 1}`, setting: found.param, reason: found.code, max: found.values.max };
  return { code: 'bad-setting', values };
}

/** Reads a Sequential model, Keras 3 / tf.keras 2 / tfjs, with or without an InputLayer entry. */
function importSequential(top: Json, flavor: KerasFlavor): KerasImport {
  const config = top['config'];
  // Keras up to 2.2 wrote the layer list itself as "config".
  const list = Array.isArray(config) ? config : isRecord(config) ? config['layers'] : undefined;
  if (!Array.isArray(list)) return fail({ code: 'no-layers-list', values: {} });
  const name = modelName(config, 'sequential');

  const layers: RawLayer[] = [];
  const add = (layer: RawLayer, index: number): ImportProblem | undefined => {
    const refused = outOfBounds(layer, index);
    if (!refused) layers.push(layer);
    return refused;
  };
  for (const [i, entry] of list.entries()) {
    const read = readLayer(entry, i);
    if (!read.ok) return fail(read.problem);
    const { layer } = read;
    const layerConfig = read.entry['config'] as Json;
    if (layer.kind === 'InputLayer') {
      if (layers.length > 0) return fail({ code: 'input-not-first', values: { layer: layer.name ?? String(i) } });
      const refused = add(layer, i);
      if (refused) return fail(refused);
      continue;
    }
    if (layers.length === 0) {
      // No InputLayer entry: the first layer declares the input (tf.keras 2 and tfjs), or the model's build shape does (Keras 3).
      const buildShape = isRecord(config) && Array.isArray(config['build_input_shape']) ? config['build_input_shape'].slice(1) : undefined;
      const shape = declaredInput(layerConfig) ?? buildShape;
      if (!shape) return fail({ code: 'no-input-shape', values: { layer: layer.name ?? layer.kind } });
      const refused = add({ kind: 'InputLayer', name: 'input_layer', params: { shape } }, i);
      if (refused) return fail(refused);
    }
    const refused = add(layer, i);
    if (refused) return fail(refused);
  }
  if (layers.length === 0) return fail({ code: 'no-layers', values: {} });
  return { ok: true, name, flavor, layers };
}

/** The layer a Keras 3 `__keras_tensor__` comes from, or undefined when `v` is not one. */
function kerasTensorHistory(v: unknown): unknown[] | undefined {
  if (!isRecord(v) || v['class_name'] !== '__keras_tensor__' || !isRecord(v['config'])) return undefined;
  const history = v['config']['keras_history'];
  return Array.isArray(history) ? history : [];
}

/**
 * The source of one tensor reference [layer, node index, tensor index, …]: each layer of a model Convas
 * reads is called once and has one output, so both indices are 0; anything else is a form Convas cannot hold.
 */
function sourceOf(history: readonly unknown[]): string | undefined {
  const [name, node, tensor] = history;
  return typeof name === 'string' && node === 0 && tensor === 0 ? name : undefined;
}

/** True when a call argument carries a Keras 3 tensor at its top level (an input Convas would lose). */
function holdsTensor(v: unknown): boolean {
  if (kerasTensorHistory(v)) return true;
  if (Array.isArray(v)) return v.some((x) => kerasTensorHistory(x) !== undefined);
  return isRecord(v) && Object.values(v).some((x) => kerasTensorHistory(x) !== undefined);
}

/**
 * The names of the layers one call of a layer takes, in order, from either form of an inbound node:
 * Keras 3's {args: [tensor | [tensors]], kwargs} or tf.keras 2's and TensorFlow.js's [[name, 0, 0, kwargs], …].
 */
function nodeSources(node: unknown): string[] | undefined {
  if (Array.isArray(node)) {
    const names = node.map((ref) => (Array.isArray(ref) ? sourceOf(ref) : undefined));
    return names.length > 0 && names.every((n) => n !== undefined) ? (names as string[]) : undefined;
  }
  if (!isRecord(node) || !Array.isArray(node['args']) || node['args'].length === 0) return undefined;
  const [first, ...rest] = node['args'] as unknown[];
  // A tensor anywhere but the first argument would be a second input Convas has no place for.
  if (rest.some(holdsTensor) || (node['kwargs'] !== undefined && holdsTensor(node['kwargs']))) return undefined;
  const tensors = Array.isArray(first) ? first : [first];
  const names = tensors.map((t) => {
    const history = kerasTensorHistory(t);
    return history ? sourceOf(history) : undefined;
  });
  return names.length > 0 && names.every((n) => n !== undefined) ? (names as string[]) : undefined;
}

/**
 * The layer names of input_layers / output_layers: Keras 3 writes a single model input as one
 * [name, 0, 0] and several as a list (or a dict) of them; tf.keras 2 and TensorFlow.js always a list.
 */
function endNames(value: unknown): (string | undefined)[] | undefined {
  if (Array.isArray(value) && typeof value[0] === 'string') return [sourceOf(value)];
  const refs = Array.isArray(value) ? value : isRecord(value) ? Object.values(value) : undefined;
  return refs?.map((ref) => (Array.isArray(ref) ? sourceOf(ref) : undefined));
}

/** Reads a functional model (Keras 3 'Functional', tf.keras 2 'Functional'/'Model', TensorFlow.js 'Model'). */
function importFunctional(top: Json, flavor: KerasFlavor): KerasImport {
  const config = top['config'];
  const list = isRecord(config) ? config['layers'] : undefined;
  if (!isRecord(config) || !Array.isArray(list)) return fail({ code: 'no-layers-list', values: {} });
  if (list.length === 0) return fail({ code: 'no-layers', values: {} });

  const layers: RawLayer[] = [];
  const names = new Set<string>();
  for (const [i, entry] of list.entries()) {
    const read = readLayer(entry, i);
    if (!read.ok) return fail(read.problem);
    const name = read.layer.name;
    // Connections go by name: a functional layer without one, or with another layer's, cannot be placed.
    if (name === undefined) return fail({ code: 'unnamed-layer', values: { index: i + 1 } });
    if (names.has(name)) return fail({ code: 'duplicate-layer', values: { layer: name } });
    names.add(name);
    const refused = outOfBounds(read.layer, i);
    if (refused) return fail(refused);
    if (read.layer.kind === 'InputLayer') {
      layers.push(read.layer);
      continue;
    }
    const nodes = read.entry['inbound_nodes'];
    if (!Array.isArray(nodes) || nodes.length === 0) return fail({ code: 'bad-inbound', values: { layer: name } });
    if (nodes.length > 1) return fail({ code: 'shared-layer', values: { layer: name, calls: nodes.length } });
    const inbound = nodeSources(nodes[0]);
    if (!inbound) return fail({ code: 'bad-inbound', values: { layer: name } });
    layers.push({ ...read.layer, inbound });
  }

  const inputCount = layers.filter((l) => l.kind === 'InputLayer').length;
  if (inputCount > 1) return fail({ code: 'several-inputs', values: { count: inputCount } });
  const inputs = endNames(config['input_layers']);
  const outputs = endNames(config['output_layers']);
  if (inputs && inputs.length > 1) return fail({ code: 'several-inputs', values: { count: inputs.length } });
  if (outputs && outputs.length > 1) return fail({ code: 'several-outputs', values: { count: outputs.length } });
  const input = inputs?.[0];
  const output = outputs?.[0];
  const isInput = (n: string) => layers.some((l) => l.name === n && l.kind === 'InputLayer');
  if (input === undefined || output === undefined || !isInput(input) || !names.has(output)) return fail({ code: 'bad-ends', values: {} });
  for (const layer of layers) {
    const unknown = layer.inbound?.find((source) => !names.has(source));
    if (unknown !== undefined) return fail({ code: 'unknown-inbound', values: { layer: layer.name!, source: unknown } });
  }
  return { ok: true, name: modelName(config, 'functional'), flavor, layers };
}

/**
 * Reads a Sequential or functional model written by Keras 3 `to_json()`, tf.keras 2.x, or a TensorFlow.js
 * model.json; functional layers carry their inputs' names in `inbound`. Never throws.
 */
export function importKerasModel(doc: unknown): KerasImport {
  if (!isRecord(doc)) return fail({ code: 'not-object', values: {} });
  let flavor: KerasFlavor = 'keras2';
  let top: unknown = doc;
  if (isRecord(doc['modelTopology'])) {
    flavor = 'tfjs';
    top = doc['modelTopology'];
  }
  if (isRecord(top) && isRecord(top['model_config'])) top = top['model_config'];
  if (!isRecord(top) || typeof top['class_name'] !== 'string') {
    return fail({ code: 'no-class-name', values: {} });
  }
  if (flavor !== 'tfjs' && typeof top['module'] === 'string') flavor = 'keras3';
  const cls = top['class_name'];
  if (cls === 'Sequential') return importSequential(top, flavor);
  if (FUNCTIONAL_CLASSES.has(cls)) return importFunctional(top, flavor);
  return fail({ code: 'not-a-model', values: { cls } });
}
