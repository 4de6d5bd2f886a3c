import { z } from 'zod';
import { graphSchema } from '../graph/schema';
import { trainingSettingsSchema } from './training';

/** The version this build writes; older versions are migrated on open, newer ones refused. */
export const CURRENT_FORMAT_VERSION = 2;

/** A Convas project file (current version). */
export const projectSchema = z.object({
  formatVersion: z.literal(CURRENT_FORMAT_VERSION),
  app: z.literal('convas'),
  name: z.string().min(1),
  description: z.string().default(''),
  graph: graphSchema,
  training: trainingSettingsSchema.default(() => trainingSettingsSchema.parse({})),
});

export type Project = z.output<typeof projectSchema>;
