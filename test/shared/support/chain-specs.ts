/**
 * Random layer settings for chains of the common kinds (fast-check), and the raw layer each
 * becomes: shared by the graph properties (checked against Keras's rules) and the what-if property.
 */
import fc from 'fast-check';
import type { RawLayer } from '../../../src-shared/graph/network';
import type { Padding } from './keras-reference';

export type Spec =
  | { kind: 'Conv2D'; filters: number; k: [number, number]; s: [number, number]; d: [number, number]; padding: Padding; bias: boolean }
  | { kind: 'MaxPooling2D' | 'AveragePooling2D'; pool: [number, number]; s: [number, number] | null; padding: Padding }
  | { kind: 'Dense'; units: number; bias: boolean }
  | { kind: 'BatchNormalization'; center: boolean; scale: boolean }
  | { kind: 'Activation' | 'Dropout' | 'Flatten' | 'GlobalAveragePooling2D' };

const pairOf = (max: number) => fc.tuple(fc.integer({ min: 1, max }), fc.integer({ min: 1, max }));
const padding = fc.constantFrom<Padding>('valid', 'same');
export const spec: fc.Arbitrary<Spec> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('Conv2D' as const),
      filters: fc.integer({ min: 1, max: 16 }),
      k: pairOf(6),
      s: pairOf(3),
      d: pairOf(3),
      padding,
      bias: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom('MaxPooling2D' as const, 'AveragePooling2D' as const),
      pool: pairOf(4),
      s: fc.option(pairOf(4), { nil: null }),
      padding,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('Dense' as const), units: fc.integer({ min: 1, max: 24 }), bias: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('BatchNormalization' as const), center: fc.boolean(), scale: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('Activation' as const, 'Dropout' as const, 'Flatten' as const, 'GlobalAveragePooling2D' as const),
    }),
  },
);

/** The raw layer a spec describes, as an importer would give it. */
export function rawOf(x: Spec): RawLayer {
  switch (x.kind) {
    case 'Conv2D':
      return {
        kind: x.kind,
        params: { filters: x.filters, kernel_size: x.k, strides: x.s, dilation_rate: x.d, padding: x.padding, use_bias: x.bias },
      };
    case 'MaxPooling2D':
    case 'AveragePooling2D':
      return { kind: x.kind, params: { pool_size: x.pool, strides: x.s, padding: x.padding } };
    case 'Dense':
      return { kind: x.kind, params: { units: x.units, use_bias: x.bias } };
    case 'BatchNormalization':
      return { kind: x.kind, params: { center: x.center, scale: x.scale } };
    case 'Dropout':
      return { kind: x.kind, params: { rate: 0.3 } };
    case 'Activation':
      return { kind: x.kind, params: { activation: 'tanh' } };
    default:
      return { kind: x.kind, params: {} };
  }
}
