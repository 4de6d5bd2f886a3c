import { z } from 'zod';
import { LAYER_KIND_IDS } from '../layers/types';
import { graphFromLayers } from '../graph/network';

/**
 * Version 1 stored a network as a plain ordered list of layers (it could only describe chains);
 * version 2 stores the canvas graph with explicit connections and positions.
 */
const v1Schema = z.object({
  formatVersion: z.literal(1),
  app: z.literal('convas').optional(),
  name: z.string().min(1),
  description: z.string().optional(),
  layers: z.array(
    z.object({
      kind: z.enum(LAYER_KIND_IDS),
      name: z.string().min(1).optional(),
      params: z.record(z.string(), z.unknown()).default({}),
      position: z.object({ x: z.number(), y: z.number() }).optional(),
    }),
  ),
  training: z.record(z.string(), z.unknown()).optional(),
});

function v1ToV2(doc: unknown): unknown {
  const v1 = v1Schema.parse(doc);
  const graph = graphFromLayers(v1.layers.map((l) => ({ kind: l.kind, params: l.params, ...(l.name ? { name: l.name } : {}) })));
  v1.layers.forEach((l, i) => {
    if (l.position) graph.nodes[i]!.position = l.position;
  });
  return {
    formatVersion: 2,
    app: 'convas',
    name: v1.name,
    description: v1.description ?? '',
    graph,
    ...(v1.training ? { training: v1.training } : {}),
  };
}

/** Migrations by the version they read: MIGRATIONS[1] turns a version-1 document into version 2. */
export const MIGRATIONS: Readonly<Record<number, (doc: unknown) => unknown>> = {
  1: v1ToV2,
};
