import type { GraphNode } from '../../src-shared/graph/schema';
import type { NodeReport } from '../../src-shared/graph/analyze';
import { layerKind } from '../../src-shared/layers/registry';
import { newLayerParams } from '../store/new-layer';

const defaultsCache = new Map<string, Record<string, unknown>>();

/** Keras defaults of a kind's optional params (what a fresh layer parses to, minus the values we choose for it). */
function defaultsOf(kindId: GraphNode['kind']): Record<string, unknown> {
  let d = defaultsCache.get(kindId);
  if (!d) {
    const chosen = newLayerParams(kindId);
    const parsed = layerKind(kindId)?.schema.safeParse(chosen);
    d = {};
    if (parsed?.success && typeof parsed.data === 'object' && parsed.data !== null) {
      for (const [k, v] of Object.entries(parsed.data as Record<string, unknown>)) if (!(k in chosen)) d[k] = v;
    }
    defaultsCache.set(kindId, d);
  }
  return d;
}

/** The value in effect for a field: from the validated params, else the Keras default. */
export function effectiveParam(node: GraphNode, report: NodeReport | undefined, name: string): unknown {
  const p = report?.params;
  const value = p && typeof p === 'object' ? (p as Record<string, unknown>)[name] : undefined;
  return value ?? defaultsOf(node.kind)[name];
}
