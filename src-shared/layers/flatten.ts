import { z } from 'zod';
import type { LayerKind } from './types';
import { noMacs, noWeights, ok, unchanged } from './checks';
import { product, productFormula } from './format';

const schema = z.object({});
export type FlattenParams = z.output<typeof schema>;

/** Unrolls everything but the batch dimension into one vector. */
export const flatten: LayerKind<FlattenParams> = {
  kind: 'Flatten',
  group: 'Reshaping',
  namePrefix: 'flatten',
  schema,
  fields: [],
  inferShape(input) {
    const value = product(input);
    return ok({ shape: [value], dims: [input.length > 1 ? { value, formula: productFormula(input) } : unchanged(value)] });
  },
  countParams: noWeights,
  macs: noMacs,
  describe() {
    return [{ code: 'to-vector', values: {} }];
  },
  toKerasConfig() {
    return { data_format: 'channels_last' };
  },
  fromKerasConfig() {
    return {};
  },
  toPython() {
    return 'Flatten()';
  },
};
