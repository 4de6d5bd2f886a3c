import { analyzeGraph, type GraphAnalysis } from '../graph/analyze';
import type { Graph, GraphNode } from '../graph/schema';
import { summarize } from '../summary/summary';

/**
 * What changed between two designs: layers added, removed or changed, and the change in
 * parameters and multiply-accumulates. Layers are matched by node id, then (for those left) by
 * name, so a layer re-created with the same name still counts as the same layer.
 */

/** A layer of one side of a diff. */
export interface DiffLayer {
  readonly id: string;
  readonly name: string;
  readonly kind: GraphNode['kind'];
}

/** One setting that differs: its values before and after (undefined when absent on that side). */
export interface ParamChange {
  readonly param: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** A layer on both sides that is not the same: what differs of its name, kind, settings and inputs. */
export interface LayerChange {
  readonly before: DiffLayer;
  readonly after: DiffLayer;
  readonly renamed: boolean;
  readonly kindChanged: boolean;
  readonly params: readonly ParamChange[];
  /** The names of the layers feeding it, in port order, when they differ. */
  readonly inputs?: { readonly before: readonly string[]; readonly after: readonly string[] };
}

/** A total on both sides and their difference (null where a graph is not valid). */
export interface TotalChange {
  readonly before: number | null;
  readonly after: number | null;
  readonly delta: number | null;
}

export interface GraphDiff {
  readonly added: readonly DiffLayer[];
  readonly removed: readonly DiffLayer[];
  readonly changed: readonly LayerChange[];
  readonly params: TotalChange;
  readonly macs: TotalChange;
}

/** True when the diff finds nothing different (the totals then agree too). */
export function isEmptyDiff(diff: GraphDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}

/** A value as canonical JSON (object keys sorted), so settings written in another key order compare equal. */
function canonical(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A node's settings with Keras's defaults filled in where the analysis validated them, else as typed. */
function settingsOf(node: GraphNode, analysis: GraphAnalysis): Record<string, unknown> {
  const validated = analysis.nodes.get(node.id)?.params;
  const params = typeof validated === 'object' && validated !== null ? validated : node.params;
  return params as Record<string, unknown>;
}

function paramChanges(before: Record<string, unknown>, after: Record<string, unknown>): ParamChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const out: ParamChange[] = [];
  for (const param of keys) {
    if (canonical(before[param]) !== canonical(after[param])) out.push({ param, before: before[param], after: after[param] });
  }
  return out;
}

/** The names of the layers feeding each node, in port order (then edge order). */
function inputNames(graph: Graph): Map<string, string[]> {
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const incoming = new Map<string, { name: string; port: number; order: number }[]>();
  graph.edges.forEach((e, order) => {
    const list = incoming.get(e.target) ?? [];
    list.push({ name: names.get(e.source) ?? e.source, port: e.port ?? Number.MAX_SAFE_INTEGER, order });
    incoming.set(e.target, list);
  });
  const out = new Map<string, string[]>();
  for (const [id, list] of incoming)
    out.set(
      id,
      list.sort((a, b) => a.port - b.port || a.order - b.order).map((x) => x.name),
    );
  return out;
}

function totals(analysis: GraphAnalysis): { params: number; macs: number } | null {
  const summary = summarize(analysis);
  return summary ? { params: summary.totalParams, macs: summary.totalMacs } : null;
}

function change(before: number | null, after: number | null): TotalChange {
  return { before, after, delta: before !== null && after !== null ? after - before : null };
}

const layerOf = (n: GraphNode): DiffLayer => ({ id: n.id, name: n.name, kind: n.kind });

/** The layers a second design adds, removes and changes compared with a first, with Δparams and ΔMACs. */
export function diffGraphs(before: Graph, after: Graph): GraphDiff {
  const analysisBefore = analyzeGraph(before);
  const analysisAfter = analyzeGraph(after);
  const afterById = new Map(after.nodes.map((n) => [n.id, n]));
  const matched = new Map<GraphNode, GraphNode>();
  const used = new Set<GraphNode>();
  for (const node of before.nodes) {
    const twin = afterById.get(node.id);
    if (twin && !used.has(twin)) {
      matched.set(node, twin);
      used.add(twin);
    }
  }
  const afterByName = new Map<string, GraphNode>();
  for (const n of after.nodes) if (!used.has(n) && !afterByName.has(n.name)) afterByName.set(n.name, n);
  for (const node of before.nodes) {
    if (matched.has(node)) continue;
    const twin = afterByName.get(node.name);
    if (twin && !used.has(twin)) {
      matched.set(node, twin);
      used.add(twin);
    }
  }
  const inputsBefore = inputNames(before);
  const inputsAfter = inputNames(after);
  const changed: LayerChange[] = [];
  for (const [b, a] of matched) {
    const params = paramChanges(settingsOf(b, analysisBefore), settingsOf(a, analysisAfter));
    const inB = inputsBefore.get(b.id) ?? [];
    const inA = inputsAfter.get(a.id) ?? [];
    const rewired = canonical(inB) !== canonical(inA);
    const renamed = b.name !== a.name;
    const kindChanged = b.kind !== a.kind;
    if (params.length > 0 || rewired || renamed || kindChanged) {
      changed.push({
        before: layerOf(b),
        after: layerOf(a),
        renamed,
        kindChanged,
        params,
        ...(rewired ? { inputs: { before: inB, after: inA } } : {}),
      });
    }
  }
  const tb = totals(analysisBefore);
  const ta = totals(analysisAfter);
  return {
    added: after.nodes.filter((n) => !used.has(n)).map(layerOf),
    removed: before.nodes.filter((n) => !matched.has(n)).map(layerOf),
    changed,
    params: change(tb?.params ?? null, ta?.params ?? null),
    macs: change(tb?.macs ?? null, ta?.macs ?? null),
  };
}
