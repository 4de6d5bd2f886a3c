import { z } from 'zod';
import type { Caption, DescriptionPart, Explained, LayerKindId, LayerProblem, MergeKind, Shape } from './types';
import { says } from './params';
import { fail, noWeights, ok, zero } from './checks';
import { axisRangeProblem, batchAxisProblem, sampleAxis } from './axis';
import { formatShape, num, product, productFormula } from './format';
import { pick, py } from './keras-values';

/** The inputs as a problem quotes them: all but the last comma-separated, and the last, so each language words "… and …". */
function quoted(inputs: readonly Shape[]): { shapes: string; last: string } {
  const formatted = inputs.map(formatShape);
  return { shapes: formatted.slice(0, -1).join(', '), last: formatted[formatted.length - 1] ?? '' };
}

/** Keras merges a list of tensors; with fewer than two there is nothing to merge. */
function needsTwo(kind: LayerKindId, inputs: readonly Shape[]): LayerProblem | undefined {
  return inputs.length >= 2 ? undefined : { code: 'merge-needs-two', values: { kind, n: inputs.length } };
}

/**
 * Keras would expand a lower-rank input at axis 1 until the ranks match; Convas refuses instead,
 * because in a CNN different ranks mean a Flatten or a pooling on one path only, almost always a mistake.
 */
function sameRank(kind: LayerKindId, inputs: readonly Shape[]): LayerProblem | undefined {
  const rank = inputs[0]?.length;
  return inputs.every((s) => s.length === rank) ? undefined : { code: 'merge-rank', values: { kind, ...quoted(inputs) } };
}

const isOne = (n: number) => n === 1;

/** Keras's element-wise broadcast of one dimension: equal sizes, or 1 repeated to match; undefined when they clash. */
function broadcast(sizes: readonly number[]): number | undefined {
  const big = sizes.filter((s) => !isOne(s));
  if (big.length === 0) return 1;
  return big.every((s) => s === big[0]) ? big[0] : undefined;
}

/** True when two shapes of the same rank broadcast together. */
function compatible(a: Shape, b: Shape): boolean {
  return a.every((size, d) => broadcast([size, b[d]!]) !== undefined);
}

/**
 * The stride r with which a 1×1 convolution turns the larger image `big` into the size of `small`
 * (ceil(n / r), 'valid' and 'same' alike for a 1×1 kernel), when there is one.
 */
function strideBetween(big: Shape, small: Shape): number | undefined {
  const [bh, bw] = big as [number, number, number];
  const [sh, sw] = small as [number, number, number];
  if (bh < sh || bw < sw || (bh === sh && bw === sw)) return undefined;
  const candidates = [Math.ceil(bh / sh), Math.ceil(bw / sw)];
  return candidates.find((r) => r >= 2 && Math.ceil(bh / r) === sh && Math.ceil(bw / r) === sw);
}

/** The image of the pair with the larger height and width, then the other; undefined when neither is larger in both. */
function biggerFirst(a: Shape, b: Shape): [Shape, Shape] | undefined {
  if (a[0]! >= b[0]! && a[1]! >= b[1]!) return [a, b];
  if (b[0]! >= a[0]! && b[1]! >= a[1]!) return [b, a];
  return undefined;
}

/** Why inputs of an element-wise merge clash, with the fix their shapes suggest (the first clashing pair decides). */
function elementwiseProblem(kind: LayerKindId, inputs: readonly Shape[], a: Shape, b: Shape): LayerProblem {
  const base = { kind, ...quoted(inputs) };
  const last = a.length - 1;
  if (a.length === 3) {
    const pair = biggerFirst(a, b);
    const stride = pair && strideBetween(pair[0], pair[1]);
    if (pair && stride !== undefined) {
      const [big, small] = pair;
      // The larger input is the path that skipped the downsampling: a strided 1×1 convolution brings it down.
      if (broadcast([big[2]!, small[2]!]) !== undefined) return { code: 'merge-stride', values: { ...base, stride } };
      return { code: 'merge-stride-filters', values: { ...base, stride, filters: small[2]! } };
    }
  }
  const clashing = a.flatMap((size, d) => (broadcast([size, b[d]!]) === undefined ? [d] : []));
  if (clashing.length === 1 && clashing[0] === last) {
    const from = Math.min(a[last]!, b[last]!);
    const to = Math.max(a[last]!, b[last]!);
    return a.length === 3
      ? { code: 'merge-filters', values: { ...base, from, filters: to } }
      : { code: 'merge-units', values: { ...base, from, units: to } };
  }
  return { code: 'merge-shapes', values: base };
}

/** The first two inputs that do not broadcast together, if any. */
function clashingPair(inputs: readonly Shape[]): [Shape, Shape] | undefined {
  for (let j = 1; j < inputs.length; j++) {
    for (let i = 0; i < j; i++) if (!compatible(inputs[i]!, inputs[j]!)) return [inputs[i]!, inputs[j]!];
  }
  return undefined;
}

const noParams = z.object({});
export type NoParams = z.output<typeof noParams>;

type ElementwiseId = 'Add' | 'Multiply' | 'Average' | 'Maximum' | 'Minimum';

/** The multiply-accumulates of each element-wise merge, given its number of inputs and the output's values. */
const COSTS: Record<ElementwiseId, (n: number, output: Shape) => Explained> = {
  Add: (n, output) => zero({ code: 'merge-additions', values: { n: (n - 1) * product(output) } }),
  Maximum: (n, output) => zero({ code: 'merge-comparisons', values: { n: (n - 1) * product(output) } }),
  Minimum: (n, output) => zero({ code: 'merge-comparisons', values: { n: (n - 1) * product(output) } }),
  Multiply: (n, output) => ({
    value: (n - 1) * product(output),
    formula: productFormula([n - 1, ...output]),
    caption: { code: 'merge-products', values: {} },
  }),
  // Keras sums the inputs, then divides each value by n once.
  Average: (n, output) => ({
    value: product(output),
    formula: productFormula(output),
    caption: { code: 'merge-average', values: { n, adds: (n - 1) * product(output) } },
  }),
};

const DESCRIPTIONS: Record<ElementwiseId, DescriptionPart> = {
  Add: { code: 'elementwise-sum', values: {} },
  Multiply: { code: 'elementwise-product', values: {} },
  Average: { code: 'elementwise-mean', values: {} },
  Maximum: { code: 'elementwise-max', values: {} },
  Minimum: { code: 'elementwise-min', values: {} },
};

const EQUAL: Caption = { code: 'merge-equal', values: {} };

/** Keras's element-wise merges share everything but the operation; this builds each. */
function elementwise(kind: ElementwiseId, namePrefix: string): MergeKind<NoParams> {
  return {
    kind,
    merge: true,
    group: 'Merging',
    namePrefix,
    schema: noParams,
    fields: [],
    inferShape(inputs) {
      const wrong = needsTwo(kind, inputs) ?? sameRank(kind, inputs);
      if (wrong) return fail(wrong);
      const clash = clashingPair(inputs);
      if (clash) return fail(elementwiseProblem(kind, inputs, clash[0], clash[1]));
      const dims = inputs[0]!.map((_, d): Explained => {
        const sizes = inputs.map((s) => s[d]!);
        const value = broadcast(sizes)!;
        const caption: Caption = sizes.every((s) => s === value) ? EQUAL : { code: 'merge-broadcast', values: {} };
        return { value, formula: num(value), caption };
      });
      return ok({ shape: dims.map((d) => d.value), dims });
    },
    countParams: noWeights,
    macs(inputs, output) {
      return COSTS[kind](inputs.length, output);
    },
    describe() {
      return [DESCRIPTIONS[kind]];
    },
    toKerasConfig() {
      return {};
    },
    fromKerasConfig() {
      return {};
    },
    toPython() {
      return `${kind}()`;
    },
  };
}

export const add = elementwise('Add', 'add');
export const multiply = elementwise('Multiply', 'multiply');
export const average = elementwise('Average', 'average');
export const maximum = elementwise('Maximum', 'maximum');
export const minimum = elementwise('Minimum', 'minimum');

const concatSchema = z.object({ axis: z.number(says('not-number')).int(says('not-whole')).default(-1) });
export type ConcatenateParams = z.output<typeof concatSchema>;

/** Why the inputs of a Concatenate clash outside its axis, naming the first axis that disagrees. */
function concatProblem(axis: number, inputs: readonly Shape[], index: number, d: number): LayerProblem {
  const base = { axis, ...quoted(inputs) };
  const first = inputs[0]!;
  const other = inputs.find((s) => s[d] !== first[d])!;
  if (first.length === 3 && index === 2) {
    // Joining feature maps by channel: spatial sizes that differ by a stride are the common mistake.
    const pair = biggerFirst(first, other);
    const stride = pair && strideBetween(pair[0], pair[1]);
    if (stride !== undefined) return { code: 'concat-stride', values: { ...base, stride } };
  }
  return { code: 'concat-mismatch', values: { ...base, dim: d + 1, a: first[d]!, b: other[d]! } };
}

/** Keras's Concatenate: inputs equal but along `axis`, where their sizes add up. */
export const concatenate: MergeKind<ConcatenateParams> = {
  kind: 'Concatenate',
  merge: true,
  group: 'Merging',
  namePrefix: 'concatenate',
  schema: concatSchema,
  fields: [{ name: 'axis', kind: 'int', help: 'Concatenate.axis' }],
  check(p) {
    return batchAxisProblem('Concatenate', p.axis);
  },
  inferShape(inputs, p) {
    const wrong = needsTwo('Concatenate', inputs) ?? sameRank('Concatenate', inputs);
    if (wrong) return fail(wrong);
    const first = inputs[0]!;
    const index = sampleAxis(p.axis, first);
    if (index === undefined) return fail(axisRangeProblem('Concatenate', p.axis, first));
    const d = first.findIndex((size, i) => i !== index && inputs.some((s) => s[i] !== size));
    if (d >= 0) return fail(concatProblem(p.axis, inputs, index, d));
    const dims = first.map((size, i): Explained => {
      if (i !== index) return { value: size, formula: num(size), caption: EQUAL };
      const sizes = inputs.map((s) => s[i]!);
      const value = sizes.reduce((x, y) => x + y, 0);
      return { value, formula: `${sizes.map(num).join(' + ')} = ${num(value)}`, caption: { code: 'concat-sum', values: {} } };
    });
    return ok({ shape: dims.map((x) => x.value), dims });
  },
  countParams: noWeights,
  macs() {
    return zero({ code: 'concat-copy', values: {} });
  },
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
    return p.axis === -1 ? 'Concatenate()' : `Concatenate(axis=${py(p.axis)})`;
  },
};
