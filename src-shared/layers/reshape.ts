import { z } from 'zod';
import type { Explained, LayerKind } from './types';
import { says } from './params';
import { fail, noMacs, noWeights, ok, unchanged } from './checks';
import { num, product } from './format';
import { py } from './keras-values';

/** A dimension of the target: a whole number ≥ 1, or -1 for "whatever the input's values leave". */
const targetDim = z
  .number(says('target-shape'))
  .int(says('target-shape'))
  .refine((d) => d >= 1 || d === -1, says('target-shape'));

const schema = z.object({
  target_shape: z
    .array(targetDim, says('shape-not-list'))
    .min(1, says('shape-empty'))
    .refine((dims) => dims.filter((d) => d === -1).length <= 1, says('target-shape-unknowns')),
});
export type ReshapeParams = z.output<typeof schema>;

/** Dimensions as the problems write them: 28×28×1 (and −1 as it is typed). */
const dimsText = (dims: readonly number[]) => dims.join('×');

/** A product as a formula's factor: 784, or (28·28·1) when it has several factors. */
const factors = (dims: readonly number[]) => (dims.length === 1 ? num(dims[0]!) : `(${dims.map(num).join('·')})`);

/** Rearranges the same values into `target_shape`; one -1 takes whatever size makes the counts equal. */
export const reshape: LayerKind<ReshapeParams> = {
  kind: 'Reshape',
  group: 'Reshaping',
  namePrefix: 'reshape',
  schema,
  fields: [{ name: 'target_shape', kind: 'shape', help: 'Reshape.target_shape' }],
  inferShape(input, p) {
    const n = product(input);
    const known = p.target_shape.filter((d) => d !== -1);
    const size = product(known);
    const from = dimsText(input);
    const to = dimsText(p.target_shape);
    if (known.length === p.target_shape.length) {
      if (size !== n) return fail({ code: 'reshape-count', values: { from, n, to, m: size }, param: 'target_shape' });
      return ok({ shape: p.target_shape, dims: p.target_shape.map((d) => unchanged(d, { code: 'given', values: {} })) });
    }
    if (n % size !== 0) return fail({ code: 'reshape-not-divisible', values: { from, n, to, known: size }, param: 'target_shape' });
    const inferred = n / size;
    const formula =
      known.length === 0 ? `${input.map(num).join('·')} = ${num(inferred)}` : `${factors(input)} / ${factors(known)} = ${num(inferred)}`;
    const dims = p.target_shape.map((d): Explained =>
      d === -1
        ? { value: inferred, formula, caption: { code: 'reshape-inferred', values: {} } }
        : unchanged(d, { code: 'given', values: {} }),
    );
    return ok({ shape: dims.map((d) => d.value), dims });
  },
  countParams: noWeights,
  macs: noMacs,
  describe(p) {
    return [{ code: 'reshape-to', values: { dims: p.target_shape.join(' × ') } }];
  },
  toKerasConfig(p) {
    return { target_shape: p.target_shape };
  },
  fromKerasConfig(config) {
    const target = config['target_shape'];
    // TensorFlow.js writes its unknown dimension as null where Keras writes -1.
    return 'target_shape' in config
      ? { target_shape: Array.isArray(target) ? target.map((d: unknown) => (d === null ? -1 : d)) : target }
      : {};
  },
  toPython(p) {
    return `Reshape(${py(p.target_shape)})`;
  },
};
