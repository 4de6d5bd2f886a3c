import { z } from 'zod';
import type { LayerKind } from './types';
import { bool, says } from './params';
import { fail, ok, unchanged, zero } from './checks';
import { formatShape, product, productFormula } from './format';
import { pick, py } from './keras-values';

const axisNumber = z.number(says('axis')).int(says('axis'));

const schema = z.object({
  axis: z.union([axisNumber, z.array(axisNumber, says('axis')).min(1, says('axis'))], says('axis')).default(-1),
  epsilon: z.number(says('not-number')).positive(says('not-positive')).default(0.001),
  center: bool().default(true),
  scale: bool().default(true),
  // Keras 3's RMS variant; TensorFlow.js has no such option, so only False is built.
  rms_scaling: z.literal(false, says('only-false')).default(false),
});
export type LayerNormalizationParams = z.output<typeof schema>;

/** The axes as a list, as Keras keeps them once built. */
export function axesOf(p: LayerNormalizationParams): number[] {
  return Array.isArray(p.axis) ? [...p.axis] : [p.axis];
}

/**
 * Where each axis falls in a per-sample shape (without the batch dimension), or the axis that does not exist.
 * Keras counts axes with the batch: 1 is the first dimension of a sample, -1 the last.
 */
function sampleAxes(input: readonly number[], p: LayerNormalizationParams): { ok: true; at: number[] } | { ok: false; axis: number } {
  const rank = input.length;
  const at: number[] = [];
  for (const axis of axesOf(p)) {
    if (axis === 0 || axis > rank || axis < -rank) return { ok: false, axis };
    at.push(axis > 0 ? axis - 1 : rank + axis);
  }
  return { ok: true, at };
}

/** Normalises each sample over `axis` (by default its last axis, e.g. the channels) with its own mean and variance. */
export const layerNormalization: LayerKind<LayerNormalizationParams> = {
  kind: 'LayerNormalization',
  group: 'Normalization',
  namePrefix: 'layer_normalization',
  schema,
  fields: [
    { name: 'axis', kind: 'int', help: 'LayerNormalization.axis' },
    { name: 'epsilon', kind: 'number', help: 'LayerNormalization.epsilon' },
    { name: 'center', kind: 'bool', help: 'LayerNormalization.center' },
    { name: 'scale', kind: 'bool', help: 'LayerNormalization.scale' },
  ],
  inferShape(input, p) {
    if (input.length === 0) return fail({ code: 'needs-dimension', values: { kind: 'LayerNormalization' } });
    const axes = sampleAxes(input, p);
    const shape = formatShape(input);
    if (!axes.ok) return fail({ code: 'axis-out-of-range', values: { axis: axes.axis, shape, rank: input.length }, param: 'axis' });
    const repeated = axes.at.findIndex((a, i) => axes.at.indexOf(a) !== i);
    if (repeated >= 0) return fail({ code: 'axis-repeated', values: { axis: axesOf(p)[repeated]!, shape }, param: 'axis' });
    return ok({ shape: input, dims: input.map((value) => unchanged(value)) });
  },
  countParams(input, _output, p) {
    const axes = sampleAxes(input, p);
    const dims = axes.ok ? axes.at.map((a) => input[a] ?? 0) : [];
    const learned = (p.scale ? 1 : 0) + (p.center ? 1 : 0);
    const names = [p.scale ? 'gamma' : '', p.center ? 'beta' : ''].filter(Boolean).join(' + ');
    const factors = [learned, ...dims];
    return {
      trainable:
        learned === 0
          ? zero({ code: 'no-gamma-beta', values: {} })
          : { value: product(factors), formula: productFormula(factors), caption: { code: 'learned', values: { names } } },
      // Unlike BatchNormalization, the statistics are each sample's own: nothing is kept between batches.
      nonTrainable: zero({ code: 'no-moving-stats', values: {} }),
    };
  },
  macs(_input, output) {
    // Per value: one multiply-add for the variance, one for x·(γ/σ) + (β − μ·γ/σ).
    const factors = [2, ...output];
    return { value: product(factors), formula: productFormula(factors), caption: { code: 'layer-norm-macs', values: {} } };
  },
  describe(p) {
    return [{ code: 'axis', values: { axis: Array.isArray(p.axis) ? p.axis.join(', ') : String(p.axis) } }];
  },
  toKerasConfig(p) {
    const initializer = (cls: string) => ({ module: 'keras.initializers', class_name: cls, config: {}, registered_name: null });
    return {
      // Keras keeps the axis as a list once the layer is built, and writes it so.
      axis: axesOf(p),
      epsilon: p.epsilon,
      center: p.center,
      scale: p.scale,
      rms_scaling: false,
      beta_initializer: initializer('Zeros'),
      gamma_initializer: initializer('Ones'),
      beta_regularizer: null,
      gamma_regularizer: null,
      beta_constraint: null,
      gamma_constraint: null,
    };
  },
  fromKerasConfig(config) {
    const raw = pick(config, ['axis', 'epsilon', 'center', 'scale', 'rms_scaling']);
    // One axis as a list is the same layer as that axis: keep the plain number the inspector edits.
    if (Array.isArray(raw['axis']) && raw['axis'].length === 1) raw['axis'] = raw['axis'][0];
    return raw;
  },
  toPython(p) {
    const args: string[] = [];
    const axes = axesOf(p);
    if (axes.length !== 1 || axes[0] !== -1) args.push(`axis=${Array.isArray(p.axis) ? `[${p.axis.join(', ')}]` : p.axis}`);
    if (p.epsilon !== 0.001) args.push(`epsilon=${py(p.epsilon)}`);
    if (!p.center) args.push('center=False');
    if (!p.scale) args.push('scale=False');
    return `LayerNormalization(${args.join(', ')})`;
  },
};
