import { z } from 'zod';
import { DATASETS } from '../project/training';
import { normalizationSchema } from './normalization';

/**
 * What a trained model needs to know about the data it learned from, so that a prediction feeds
 * it a picture exactly as training did: written beside model.json and weights.bin when a run is
 * exported, read back by `predict`.
 */
export const TRAINED_DATASET_FILE = 'convas-dataset.json';

/** How the pixels 0–255 became the model's input values: pixels / 255, then standardised per channel or not. */
export { normalizationSchema, type Normalization } from './normalization';

const positive = z.number().int().min(1);

/** How a picture becomes the model's input: the InputAdapter of compatibility.ts, as data. */
export const inputAdapterSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('image'),
    height: positive,
    width: positive,
    channels: positive,
    padTop: z.number().int().min(0),
    padLeft: z.number().int().min(0),
  }),
  z.object({ kind: z.literal('flat') }),
  z.object({
    kind: z.literal('resized'),
    height: positive,
    width: positive,
    channels: z.union([z.literal(1), z.literal(3)]),
    shape: z.array(positive).min(2).max(3),
  }),
]);

export const trainedDatasetSchema = z.object({
  format: z.literal(1),
  dataset: z.enum(DATASETS),
  /** By label: the output unit i is the class classNames[i]. */
  classNames: z.array(z.string()).min(2).max(256),
  /** True for a known dataset's class names (worded by the 'classes' dictionary); false for the dataset's own, shown as they are. */
  classNamesWorded: z.boolean(),
  /** The size and colour model every picture is decoded to before the adapter (28×28×1 for IDX data, the Input's size for pictures). */
  image: z.object({ height: positive, width: positive, channels: z.union([z.literal(1), z.literal(3)]) }),
  /** Pictures are stretched to the size (as Keras's image_dataset_from_directory does), not cropped. */
  resize: z.literal('fill'),
  adapter: inputAdapterSchema,
  normalization: normalizationSchema,
  /** Whether the model's last layer gives probabilities (softmax) or logits. */
  outputIsProbability: z.boolean(),
});
export type TrainedDataset = z.infer<typeof trainedDatasetSchema>;
