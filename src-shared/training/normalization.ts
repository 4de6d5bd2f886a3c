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

/** The file written beside a trained model's model.json that says how to feed it. */
export const DATASET_FILE = 'convas-dataset.json';

/**
 * What a trained model needs to be fed as it was trained: the image size and channels of its input,
 * the class names by output index, and the normalisation. Extra fields are kept, so other writers
 * may add to it without breaking this reader.
 */
export const datasetFileSchema = z.looseObject({
  format: z.literal('convas-dataset'),
  version: z.literal(1),
  /** The model's input without the batch dimension: [height, width, channels], or [values] for a flat input. */
  inputShape: z.array(z.number().int().positive()).min(1).max(3),
  classNames: z.array(z.string().max(1000)).max(100_000),
  normalization: normalizationSchema,
});
export type DatasetFile = z.infer<typeof datasetFileSchema>;
