import { z } from 'zod';

/** Channels a normalisation may describe: far more than any image (RGBA is 4), few enough to bound a file or message. */
export const MAX_NORMALIZATION_CHANNELS = 4096;

const channelValues = z.array(z.number()).min(1).max(MAX_NORMALIZATION_CHANNELS);

/**
 * How the network's input was made from 0–1 pixels, resolved for one trained model: unchanged
 * ('unit'), or (x − mean[c]) / std[c] per channel with the training split's statistics.
 */
export const normalizationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unit') }),
  z
    .object({
      kind: z.literal('standardize'),
      mean: channelValues,
      std: z.array(z.number().positive()).min(1).max(MAX_NORMALIZATION_CHANNELS),
    })
    .refine((n) => n.mean.length === n.std.length, { error: 'std-length', path: ['std'] }),
]);
export type Normalization = z.infer<typeof normalizationSchema>;
