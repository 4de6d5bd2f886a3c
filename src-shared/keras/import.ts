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
  readonly 'not-sequential': { readonly cls: string };
  readonly 'no-layers-list': NoValues;
  readonly 'bad-layer': { readonly index: number };
  readonly 'unsupported-layer': { readonly cls: string; readonly supported: string };
  readonly 'unsupported-named-layer': { readonly layer: string; readonly cls: string; readonly supported: string };
  readonly 'input-not-first': { readonly layer: string };
  readonly 'no-input-shape': { readonly layer: string };
  readonly 'no-layers': NoValues;
  /** A layer's setting is out of bounds (nested too deep, too long, a forbidden key); `reason` is worded as the issue would be. */
  readonly 'bad-setting': { readonly layer: string; readonly setting: string; readonly reason: BoundsCode; readonly max: number };
};

/** Why a document is not a Sequential model Convas can import, as a code with its values. */
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

/** Reads a Sequential model written by Keras 3 `to_json()`, tf.keras 2.x, or a TensorFlow.js model.json; never throws. */
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
  if (cls !== 'Sequential') {
    return fail({ code: 'not-sequential', values: { cls } });
  }
  const config = top['config'];
  // Keras up to 2.2 wrote the layer list itself as "config".
  const list = Array.isArray(config) ? config : isRecord(config) ? config['layers'] : undefined;
  if (!Array.isArray(list)) return fail({ code: 'no-layers-list', values: {} });
  // A project needs a name: an empty one (which Save would refuse) becomes Keras's default.
  const name = isRecord(config) && typeof config['name'] === 'string' && config['name'] !== '' ? config['name'] : 'sequential';

  const layers: RawLayer[] = [];
  /** Adds a layer once its settings are within bounds, so nothing downstream recurses into a hostile value. */
  const add = (layer: RawLayer, index: number): ImportProblem | undefined => {
    const found = checkLayerSettings(layer.params);
    if (found) {
      const values = { layer: layer.name ?? `${layer.kind} ${index + 1}`, setting: found.param, reason: found.code, max: found.values.max };
      return { code: 'bad-setting', values };
    }
    layers.push(layer);
    return undefined;
  };
  for (const [i, entry] of list.entries()) {
    if (!isRecord(entry) || typeof entry['class_name'] !== 'string' || !isRecord(entry['config'])) {
      return fail({ code: 'bad-layer', values: { index: i + 1 } });
    }
    const layerConfig = entry['config'];
    const layerName = typeof layerConfig['name'] === 'string' ? layerConfig['name'] : undefined;
    const kindId = ALIASES[entry['class_name']] ?? entry['class_name'];
    const kind = layerKind(kindId);
    if (!kind) {
      const values = { cls: entry['class_name'], supported: LAYER_KIND_IDS.join(', ') };
      return fail(
        layerName ? { code: 'unsupported-named-layer', values: { layer: layerName, ...values } } : { code: 'unsupported-layer', values },
      );
    }
    if (kind.kind === 'InputLayer') {
      if (layers.length > 0) return fail({ code: 'input-not-first', values: { layer: layerName ?? String(i) } });
      const refused = add({ kind: 'InputLayer', ...(layerName ? { name: layerName } : {}), params: kind.fromKerasConfig(layerConfig) }, i);
      if (refused) return fail(refused);
      continue;
    }
    if (layers.length === 0) {
      // No InputLayer entry: the first layer declares the input (tf.keras 2 and tfjs), or the model's build shape does (Keras 3).
      const buildShape = isRecord(config) && Array.isArray(config['build_input_shape']) ? config['build_input_shape'].slice(1) : undefined;
      const shape = declaredInput(layerConfig) ?? buildShape;
      if (!shape) return fail({ code: 'no-input-shape', values: { layer: layerName ?? kindId } });
      const refused = add({ kind: 'InputLayer', name: 'input_layer', params: { shape } }, i);
      if (refused) return fail(refused);
    }
    const refused = add({ kind: kind.kind, ...(layerName ? { name: layerName } : {}), params: kind.fromKerasConfig(layerConfig) }, i);
    if (refused) return fail(refused);
  }
  if (layers.length === 0) return fail({ code: 'no-layers', values: {} });
  return { ok: true, name, flavor, layers };
}
