import { z } from 'zod';
import { LAYER_KIND_IDS } from '../layers/types';

/** A layer on the canvas. Params stay raw (what the user typed) so that bad values can be shown, not lost. */
export const graphNodeSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(LAYER_KIND_IDS),
  name: z.string().min(1),
  params: z.record(z.string(), z.unknown()),
  position: z.object({ x: z.number(), y: z.number() }),
});

/** A connection from one layer's output to another's input. */
export const graphEdgeSchema = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  target: z.string().min(1),
  /** Which input of the target this feeds, for merges whose result depends on order (Concatenate); absent = after the numbered ones. */
  port: z.number().int().min(0).max(1023).optional(),
});

export const graphSchema = z.object({
  nodes: z.array(graphNodeSchema),
  edges: z.array(graphEdgeSchema),
});

export type GraphNode = z.infer<typeof graphNodeSchema>;
export type GraphEdge = z.infer<typeof graphEdgeSchema>;
export type Graph = z.infer<typeof graphSchema>;
