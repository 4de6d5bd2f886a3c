import type { SequentialModel } from '../graph/sequential';
import { requireLayerKind } from '../layers/registry';
import type { Shape } from '../layers/types';
import { formatShape } from '../layers/format';

/** How 28×28 grayscale dataset images become the model's input. */
export type InputAdapter =
  | {
      readonly kind: 'image';
      readonly height: number;
      readonly width: number;
      readonly channels: number;
      readonly padTop: number;
      readonly padLeft: number;
    }
  | { readonly kind: 'flat' };

/** What the model needs for training on a 28×28, 10-class dataset, or why it cannot train. */
export type TrainingPlan =
  | { readonly ok: true; readonly adapter: InputAdapter; readonly outputIsProbability: boolean }
  | { readonly ok: false; readonly message: string };

function outputShape(model: SequentialModel): Shape {
  let shape = model.input.shape;
  for (const layer of model.layers) {
    const r = requireLayerKind(layer.kind).inferShape(shape, layer.params);
    if (!r.ok) return [];
    shape = r.value.shape;
  }
  return shape;
}

/**
 * Layer settings TensorFlow.js 4 cannot train although Keras can: its Conv2D gradient rejects
 * dilation, and its BatchNormalization fails in training without gamma or beta.
 */
function unsupportedForTraining(model: SequentialModel): string | undefined {
  for (const layer of model.layers) {
    const p = (layer.params ?? {}) as { dilation_rate?: readonly number[]; center?: boolean; scale?: boolean };
    if (layer.kind === 'Conv2D' && p.dilation_rate && p.dilation_rate.some((d) => d > 1)) {
      return `${layer.name}: TensorFlow.js cannot train a dilated convolution (dilation_rate > 1) — set dilation_rate to 1 to train here; the design still exports to Keras, which can train it`;
    }
    if (layer.kind === 'BatchNormalization' && (p.center === false || p.scale === false)) {
      return `${layer.name}: TensorFlow.js cannot train BatchNormalization with center or scale turned off — turn both on to train here; the design still exports to Keras`;
    }
  }
  return undefined;
}

/** Checks that a valid model can train on 28×28 grayscale images with `classes` classes, and how to feed it. */
export function planTraining(model: SequentialModel, classes = 10, image = 28): TrainingPlan {
  const input = model.input.shape;
  let adapter: InputAdapter;
  if (input.length === 1) {
    if (input[0] !== image * image) {
      return {
        ok: false,
        message: `${model.input.name}: a flat input must have ${image}·${image} = ${image * image} values to take ${image}×${image} images, not ${input[0]} — set its shape to ${image * image} or 28, 28, 1`,
      };
    }
    adapter = { kind: 'flat' };
  } else {
    const [h, w] = input as [number, number];
    const c = input.length === 3 ? input[2]! : 1;
    if (h < image || w < image || (h - image) % 2 !== 0 || (w - image) % 2 !== 0) {
      return {
        ok: false,
        message: `${model.input.name}: the dataset's images are ${image}×${image}; an input of ${h}×${w} cannot take them — use ${image}, ${image}, 1 (or a larger size with an even margin, such as 32, 32, 1, which pads the images)`,
      };
    }
    adapter = { kind: 'image', height: h, width: w, channels: c, padTop: (h - image) / 2, padLeft: (w - image) / 2 };
  }
  const unsupported = unsupportedForTraining(model);
  if (unsupported) return { ok: false, message: unsupported };
  const out = outputShape(model);
  const last = model.layers[model.layers.length - 1];
  if (out.length !== 1 || out[0] !== classes) {
    const name = last?.name ?? model.input.name;
    return {
      ok: false,
      message: `${name}: the network must end with ${classes} values (one per class) but outputs ${formatShape(out)} — end it with Flatten and Dense(${classes}, activation 'softmax')`,
    };
  }
  const activation =
    last && typeof last.params === 'object' && last.params !== null ? (last.params as { activation?: unknown }).activation : undefined;
  return { ok: true, adapter, outputIsProbability: activation === 'softmax' };
}
