import type { Graph } from '../../src-shared/graph/schema';
import type { DatasetName } from '../../src-shared/project/training';
import { planTraining } from '../../src-shared/training/compatibility';
import { networkOf } from './network-of';

/** The height, width and channels a network's Input takes (pictures are resized and converted to it). */
export interface InputSize {
  readonly height: number;
  readonly width: number;
  readonly channels: 1 | 3;
}

/** CIFAR-10's pictures as the files hold them. */
const CIFAR10 = { height: 32, width: 32, channels: 3 } as const;

/**
 * How the pictures of a dataset will be changed to fit the Input, as a dictionary key and its values;
 * null when nothing changes (CIFAR-10 into a 32×32×3 Input) or the dataset is not pictures (IDX files fit as they are or not at all).
 */
export function conversionOf(
  dataset: DatasetName,
  input: InputSize,
): { readonly key: ConversionKey; readonly values: { readonly h: number; readonly w: number } } | null {
  const values = { h: input.height, w: input.width };
  if (dataset === 'images') return { key: input.channels === 1 ? 'convert.images.gray' : 'convert.images.colour', values };
  if (dataset !== 'cifar10') return null;
  const resize = input.height !== CIFAR10.height || input.width !== CIFAR10.width;
  if (input.channels === 1) return { key: resize ? 'convert.cifar10.resizeGray' : 'convert.cifar10.gray', values };
  return resize ? { key: 'convert.cifar10.resize', values } : null;
}

export type ConversionKey =
  'convert.images.gray' | 'convert.images.colour' | 'convert.cifar10.gray' | 'convert.cifar10.resize' | 'convert.cifar10.resizeGray';

/** The Input size pictures are fitted to for this graph, or null when it cannot take pictures (Train says why). */
export function pictureInputOf(graph: Graph): InputSize | null {
  const seq = networkOf(graph);
  if (!seq.ok) return null;
  const plan = planTraining(seq.model, { kind: 'resized', classes: null });
  if (!plan.ok || plan.adapter.kind !== 'resized') return null;
  return { height: plan.adapter.height, width: plan.adapter.width, channels: plan.adapter.channels };
}
