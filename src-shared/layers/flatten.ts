import { z } from 'zod';
import type { LayerKind } from './types';
import { noMacs, noWeights, ok } from './checks';
import { product } from './format';

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
    const formula = input.length > 1 ? `${input.join('·')} = ${value}` : `${value} (unchanged)`;
    return ok({ shape: [value], dims: [{ value, formula }] });
  },
  countParams: noWeights,
  macs: noMacs,
  describe() {
    return 'to a vector';
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
