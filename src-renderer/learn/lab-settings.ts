import type { ConvOp, ConvPadding, SameStyle } from '../../src-shared/learn/convolution';
import type { PoolKind } from '../../src-shared/learn/pooling';

/**
 * What the user can set in the labs, and the lecture's examples as presets. Pure data: the store
 * (lab-state.ts) keeps the current settings while the lab is closed.
 */

export interface Conv1dSettings {
  readonly x: string;
  readonly w: string;
  readonly op: ConvOp;
  readonly padding: ConvPadding;
  readonly sameStyle: SameStyle;
  readonly stride: number;
}

export interface Conv2dSettings {
  /** One matrix text per input channel. */
  readonly image: readonly string[];
  /** kernels[filter][channel]: one matrix text each. */
  readonly kernels: readonly (readonly string[])[];
  /** One bias text per filter. */
  readonly bias: readonly string[];
  readonly op: ConvOp;
  readonly padding: ConvPadding;
  readonly sameStyle: SameStyle;
  readonly stride: number;
  /** The example the settings came from; 'custom' once edited. */
  readonly preset: Preset2dId | 'custom';
}

export interface PoolSettings {
  readonly input: string;
  readonly kind: PoolKind;
  readonly size: number;
  /** NaN: the same as the pool size (Keras's strides=None). */
  readonly stride: number;
  readonly padding: 'valid' | 'same';
  /** The example the settings came from; 'custom' once edited. */
  readonly preset: PoolPresetId | 'custom';
}

export const DEFAULT_1D: Conv1dSettings = {
  x: '2, 8, 3, 7, 1, 2, 0, 4, 5',
  w: '2, 1, 5, 3',
  op: 'convolve',
  padding: 'valid',
  sameStyle: 'scipy',
  stride: 1,
};

const m = (rows: number[][]) => rows.map((r) => r.join(', ')).join('\n');

const X_KERNEL = [
  [1, 0, 1],
  [0, 1, 0],
  [1, 0, 1],
];
const RGB = {
  r: [
    [1, 1, 1, 0, 0],
    [0, 1, 1, 1, 0],
    [0, 0, 1, 1, 1],
    [0, 0, 1, 1, 0],
    [0, 1, 1, 0, 0],
  ],
  g: [
    [0, 1, 1, 0, 1],
    [0, 1, 1, 1, 0],
    [0, 0, 1, 1, 0],
    [0, 0, 1, 1, 1],
    [1, 1, 1, 0, 0],
  ],
  b: [
    [1, 1, 1, 1, 0],
    [1, 1, 1, 1, 0],
    [0, 0, 0, 1, 1],
    [0, 1, 1, 1, 0],
    [0, 1, 1, 0, 0],
  ],
};

/** The lecture's 3×3 image [[1,2,3],[4,5,6],[7,8,9]] and its 2×2 kernel of ones. */
const LECTURE_3X3 = [
  [1, 2, 3],
  [4, 5, 6],
  [7, 8, 9],
];
const ONES_2X2 = [
  [1, 1],
  [1, 1],
];

/** The 2-D examples (each has a 'preset.<id>' name in the Learn dictionary). */
export type Preset2dId = 'lecture-same' | 'lecture-three-filters' | 'lecture-5x5' | 'rgb-two-filters' | 'stride-7x7';

export interface Preset2d {
  readonly id: Preset2dId;
  readonly settings: Omit<Conv2dSettings, 'preset'>;
}

/** Examples from the lecture (and two built on its 5×5×3 image). */
export const PRESETS_2D: readonly Preset2d[] = [
  {
    // tf.keras.layers.Conv2D(filters=1, kernel_size=2, padding='same') on [[1,2,3],[4,5,6],[7,8,9]] with ones.
    id: 'lecture-same',
    settings: {
      image: [m(LECTURE_3X3)],
      kernels: [[m(ONES_2X2)]],
      bias: ['0'],
      op: 'correlate',
      padding: 'same',
      sameStyle: 'keras',
      stride: 1,
    },
  },
  {
    // The same image with three 2×2 filters of 1, 10 and −1 (weight.shape (2, 2, 1, 3)).
    id: 'lecture-three-filters',
    settings: {
      image: [m(LECTURE_3X3)],
      kernels: [
        [m(ONES_2X2)],
        [
          m([
            [10, 10],
            [10, 10],
          ]),
        ],
        [
          m([
            [-1, -1],
            [-1, -1],
          ]),
        ],
      ],
      bias: ['0', '0', '0'],
      op: 'correlate',
      padding: 'same',
      sameStyle: 'keras',
      stride: 1,
    },
  },
  {
    // "Convolution Layer – 계산": 1×1 + 1×0 + 1×1 + 0×0 + 1×1 + 1×0 + 0×1 + 0×0 + 1×1 = 4.
    id: 'lecture-5x5',
    settings: {
      image: [m(RGB.r)],
      kernels: [[m(X_KERNEL)]],
      bias: ['0'],
      op: 'correlate',
      padding: 'valid',
      sameStyle: 'keras',
      stride: 1,
    },
  },
  {
    // The lecture's 5×5×3 image (input channel = 3) with two 3×3×3 filters and a bias each.
    id: 'rgb-two-filters',
    settings: {
      image: [m(RGB.r), m(RGB.g), m(RGB.b)],
      kernels: [
        [
          m(X_KERNEL),
          m([
            [0, 1, 0],
            [1, 1, 1],
            [0, 1, 0],
          ]),
          m([
            [-1, 0, 1],
            [-1, 0, 1],
            [-1, 0, 1],
          ]),
        ],
        [
          m([
            [1, 1, 1],
            [0, 0, 0],
            [-1, -1, -1],
          ]),
          m([
            [0, 0, 0],
            [0, 1, 0],
            [0, 0, 0],
          ]),
          m([
            [1, 0, 0],
            [0, 1, 0],
            [0, 0, 1],
          ]),
        ],
      ],
      bias: ['1', '0'],
      op: 'correlate',
      padding: 'valid',
      sameStyle: 'keras',
      stride: 1,
    },
  },
  {
    // "7x7 input, 3x3 filter, mode = 'valid', stride = 2 => 3x3 output".
    id: 'stride-7x7',
    settings: {
      image: [m(Array.from({ length: 7 }, (_, r) => Array.from({ length: 7 }, (_, c) => r * 7 + c + 1)))],
      kernels: [
        [
          m([
            [0, 0, 0],
            [0, 1, 0],
            [0, 0, 0],
          ]),
        ],
      ],
      bias: ['0'],
      op: 'correlate',
      padding: 'valid',
      sameStyle: 'keras',
      stride: 2,
    },
  },
];

export const DEFAULT_2D: Conv2dSettings = { ...PRESETS_2D[0]!.settings, preset: PRESETS_2D[0]!.id };

/** The pooling examples (each has a 'poolPreset.<id>' name in the Learn dictionary). */
export type PoolPresetId = 'grid-4x4' | 'lecture-same' | 'odd-5x5';

export interface PoolPreset {
  readonly id: PoolPresetId;
  readonly settings: Omit<PoolSettings, 'preset'>;
}

export const POOL_PRESETS: readonly PoolPreset[] = [
  {
    id: 'grid-4x4',
    settings: {
      input: m([
        [1, 2, 3, 4],
        [5, 6, 7, 8],
        [9, 10, 11, 12],
        [13, 14, 15, 16],
      ]),
      kind: 'max',
      size: 2,
      stride: NaN,
      padding: 'valid',
    },
  },
  // MaxPool2D(pool_size=(2,2), strides=1, padding='same') on [[4,3],[2,1]] gives [[4,3],[2,1]].
  {
    id: 'lecture-same',
    settings: {
      input: m([
        [4, 3],
        [2, 1],
      ]),
      kind: 'max',
      size: 2,
      stride: 1,
      padding: 'same',
    },
  },
  {
    id: 'odd-5x5',
    settings: {
      input: m([
        [3, 1, 4, 1, 5],
        [9, 2, 6, 5, 3],
        [5, 8, 9, 7, 9],
        [3, 2, 3, 8, 4],
        [6, 2, 6, 4, 3],
      ]),
      kind: 'average',
      size: 2,
      stride: NaN,
      padding: 'same',
    },
  },
];

export const DEFAULT_POOL: PoolSettings = { ...POOL_PRESETS[0]!.settings, preset: POOL_PRESETS[0]!.id };
