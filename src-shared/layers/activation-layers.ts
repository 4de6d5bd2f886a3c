import { z } from 'zod';
import type { DescriptionPart, LayerKind } from './types';
import { nonNegative, says } from './params';
import { fail, noMacs, noWeights, unchangedShape } from './checks';
import { axisRangeProblem, batchAxisProblem, sampleAxis } from './axis';
import { pick, py } from './keras-values';

const reluSchema = z.object({
  max_value: nonNegative().nullable().default(null),
  negative_slope: nonNegative().default(0),
  threshold: nonNegative().default(0),
});
export type ReLUParams = z.output<typeof reluSchema>;

/**
 * Keras's ReLU layer: max(x, 0) by default; `max_value` caps it, values below `threshold` become
 * negative_slope·(x − threshold). Element-wise, so the shape is unchanged and nothing is learned.
 */
export const reLU: LayerKind<ReLUParams> = {
  kind: 'ReLU',
  group: 'Activation',
  namePrefix: 're_lu',
  schema: reluSchema,
  fields: [
    { name: 'max_value', kind: 'number', help: 'ReLU.max_value' },
    { name: 'negative_slope', kind: 'number', help: 'ReLU.negative_slope' },
    { name: 'threshold', kind: 'number', help: 'ReLU.threshold' },
  ],
  inferShape(input) {
    return unchangedShape(input);
  },
  countParams: noWeights,
  macs: noMacs,
  describe(p) {
    const parts: DescriptionPart[] = [];
    if (p.max_value !== null) parts.push({ code: 'max-value', values: { value: String(p.max_value) } });
    if (p.negative_slope !== 0) parts.push({ code: 'negative-slope', values: { value: String(p.negative_slope) } });
    if (p.threshold !== 0) parts.push({ code: 'threshold', values: { value: String(p.threshold) } });
    return parts.length > 0 ? parts : [{ code: 'relu-default', values: {} }];
  },
  toKerasConfig(p) {
    return { max_value: p.max_value, negative_slope: p.negative_slope, threshold: p.threshold };
  },
  fromKerasConfig(config) {
    // Keras 3, tf.keras 2 and TensorFlow.js files all write max_value (tfjs omits it when unset).
    return pick(config, ['max_value', 'negative_slope', 'threshold']);
  },
  toPython(p) {
    const args: string[] = [];
    if (p.max_value !== null) args.push(`max_value=${py(p.max_value)}`);
    if (p.negative_slope !== 0) args.push(`negative_slope=${py(p.negative_slope)}`);
    if (p.threshold !== 0) args.push(`threshold=${py(p.threshold)}`);
    return `ReLU(${args.join(', ')})`;
  },
};

const leakySchema = z.object({ negative_slope: nonNegative().default(0.3) });
export type LeakyReLUParams = z.output<typeof leakySchema>;

/** Keras's LeakyReLU: x for x ≥ 0, negative_slope·x below (Keras 3 calls it negative_slope, tf.keras 2 and tfjs alpha). */
export const leakyReLU: LayerKind<LeakyReLUParams> = {
  kind: 'LeakyReLU',
  group: 'Activation',
  namePrefix: 'leaky_re_lu',
  schema: leakySchema,
  fields: [{ name: 'negative_slope', kind: 'number', help: 'LeakyReLU.negative_slope' }],
  inferShape(input) {
    return unchangedShape(input);
  },
  countParams: noWeights,
  macs: noMacs,
  describe(p) {
    return [{ code: 'negative-slope', values: { value: String(p.negative_slope) } }];
  },
  toKerasConfig(p) {
    return { negative_slope: p.negative_slope };
  },
  fromKerasConfig(config) {
    if ('negative_slope' in config) return { negative_slope: config['negative_slope'] };
    return 'alpha' in config ? { negative_slope: config['alpha'] } : {};
  },
  toPython(p) {
    // Positional: the first argument is negative_slope in Keras 3 and alpha in tf.keras 2, so the script runs on both.
    return p.negative_slope === 0.3 ? 'LeakyReLU()' : `LeakyReLU(${py(p.negative_slope)})`;
  },
};

const softmaxSchema = z.object({ axis: z.number(says('not-number')).int(says('not-whole')).default(-1) });
export type SoftmaxParams = z.output<typeof softmaxSchema>;

/** Keras's Softmax layer: exponentials normalised to sum to 1 along `axis` (the last by default). */
export const softmax: LayerKind<SoftmaxParams> = {
  kind: 'Softmax',
  group: 'Activation',
  namePrefix: 'softmax',
  schema: softmaxSchema,
  fields: [{ name: 'axis', kind: 'int', help: 'Softmax.axis' }],
  check(p) {
    return batchAxisProblem('Softmax', p.axis);
  },
  inferShape(input, p) {
    if (input.length === 0) return fail({ code: 'needs-dimension', values: { kind: 'Softmax' } });
    if (sampleAxis(p.axis, input) === undefined) return fail(axisRangeProblem('Softmax', p.axis, input));
    return unchangedShape(input);
  },
  countParams: noWeights,
  macs: noMacs,
  describe(p) {
    return [{ code: 'axis', values: { axis: p.axis } }];
  },
  toKerasConfig(p) {
    return { axis: p.axis };
  },
  fromKerasConfig(config) {
    return pick(config, ['axis']);
  },
  toPython(p) {
    return p.axis === -1 ? 'Softmax()' : `Softmax(axis=${py(p.axis)})`;
  },
};
