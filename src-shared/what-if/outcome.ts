/**
 * What an edit would do to a valid network, computed from the current analysis: the layers below
 * the edited one are re-run only while their input shapes change, and totals move by the
 * difference, so a what-if costs a fraction of a full analysis on every selection.
 */
import { analyzeGraph, flowNode, parseNodeParams, type GraphAnalysis, type NodeReport } from '../graph/analyze';
import type { GraphIssue } from '../graph/issues';
import type { Graph, GraphNode } from '../graph/schema';
import { layerKind, type AnyLayerKind } from '../layers/registry';
import type { Shape } from '../layers/types';
import { summarize, type Summary } from '../summary/summary';
import { applyWhatIfEdit, type WhatIfEdit } from './edit';

/** The summary's three totals for one sample: parameters, multiply-accumulates and activation bytes. */
export interface WhatIfTotals {
  readonly params: number;
  readonly macs: number;
  readonly memoryBytes: number;
}

/** A layer whose output shape the edit changes (batch dimension left out). */
export interface ShapeChange {
  readonly node: string;
  readonly name: string;
  readonly before: Shape;
  readonly after: Shape;
}

/** The network after an edit: new totals, their change, and every changed shape in Keras's order; or the issues that break it. */
export type WhatIfOutcome =
  | { readonly ok: true; readonly totals: WhatIfTotals; readonly delta: WhatIfTotals; readonly shapes: readonly ShapeChange[] }
  | { readonly ok: false; readonly issues: readonly GraphIssue[] };

const totalsOf = (s: Summary): WhatIfTotals => ({ params: s.totalParams, macs: s.totalMacs, memoryBytes: s.totalMemoryBytes });

const sameShape = (a: Shape, b: Shape) => a.length === b.length && a.every((x, i) => x === b[i]);

function outcome(base: WhatIfTotals, totals: WhatIfTotals, shapes: readonly ShapeChange[]): WhatIfOutcome {
  const delta = { params: totals.params - base.params, macs: totals.macs - base.macs, memoryBytes: totals.memoryBytes - base.memoryBytes };
  return { ok: true, totals, delta, shapes };
}

/** The outcome of `edit` on a graph whose analysis is valid and whose summary is `summary`. */
export function predictEdit(graph: Graph, analysis: GraphAnalysis, summary: Summary, edit: WhatIfEdit): WhatIfOutcome {
  if (edit.type === 'set-params' || edit.type === 'swap-kind') {
    const node = graph.nodes.find((n) => n.id === edit.node);
    if (node) {
      const next = applyWhatIfEdit({ nodes: [node], edges: [] }, edit).nodes[0]!;
      return propagate(analysis, summary, next);
    }
  }
  const dropout = dropoutEdit(graph, analysis, summary, edit);
  if (dropout) return dropout;
  // Otherwise the structure itself changes in a way that can break it: the new graph is analysed whole.
  const after = analyzeGraph(applyWhatIfEdit(graph, edit));
  const s = summarize(after);
  if (!s) return { ok: false, issues: after.issues };
  const shapes: ShapeChange[] = [];
  for (const id of after.order) {
    const was = analysis.nodes.get(id)?.output?.shape;
    const now = after.nodes.get(id)!.output!.shape;
    if (was && !sameShape(was, now)) shapes.push({ node: id, name: after.nodes.get(id)!.name, before: was, after: now });
  }
  return outcome(totalsOf(summary), totalsOf(s), shapes);
}

/**
 * Dropout passes its input through unchanged and has no weights nor multiply-accumulates: taking
 * one out or putting one in moves only the activation memory. Undefined when taking it out would
 * double a connection or leave the network without its output (the whole graph is then analysed).
 */
function dropoutEdit(graph: Graph, analysis: GraphAnalysis, summary: Summary, edit: WhatIfEdit): WhatIfOutcome | undefined {
  const report = analysis.nodes.get(edit.node);
  if (!report?.memory) return undefined;
  const base = totalsOf(summary);
  const moved = (bytes: number) => outcome(base, { ...base, memoryBytes: base.memoryBytes + bytes }, []);
  if (edit.type === 'insert-after' && edit.layer.kind === 'Dropout' && report.kind !== 'InputLayer') return moved(report.memory.value);
  if (edit.type !== 'remove-layer' || report.kind !== 'Dropout' || report.inbound.length !== 1) return undefined;
  const from = report.inbound[0]!;
  const outs = graph.edges.filter((e) => e.source === edit.node);
  if (outs.length === 0 || outs.some((o) => graph.edges.some((e) => e.source === from && e.target === o.target))) return undefined;
  return moved(-report.memory.value);
}

/** One layer's share of the totals (the Input's activations are not a cost, as in the summary). */
function costOf(r: NodeReport): WhatIfTotals {
  if (r.kind === 'InputLayer') return { params: 0, macs: 0, memoryBytes: 0 };
  const pc = r.paramCount!;
  return { params: pc.trainable.value + pc.nonTrainable.value, macs: r.macs!.value, memoryBytes: r.memory!.value };
}

/** Re-runs `edited` (same place, same connections) and every layer below it whose inputs change. */
function propagate(analysis: GraphAnalysis, summary: Summary, edited: GraphNode): WhatIfOutcome {
  const parsed = parseNodeParams(edited);
  if (parsed.issues.length > 0) return { ok: false, issues: parsed.issues };
  const start = analysis.order.indexOf(edited.id);
  // Shapes that differ from the analysis's; null where a layer no longer has one (its issue says why).
  const changed = new Map<string, Shape | null>();
  const issues: GraphIssue[] = [];
  const shapes: ShapeChange[] = [];
  const base = totalsOf(summary);
  let { params, macs, memoryBytes } = base;
  const rerun = (report: NodeReport, node: Pick<GraphNode, 'id' | 'name'>, kind: AnyLayerKind, settings: unknown) => {
    const old = costOf(report);
    params -= old.params;
    macs -= old.macs;
    memoryBytes -= old.memoryBytes;
    const ins: Shape[] = [];
    for (const from of report.inbound) {
      const shape = changed.has(from) ? changed.get(from) : analysis.nodes.get(from)!.output!.shape;
      if (!shape) {
        changed.set(report.id, null);
        return;
      }
      ins.push(shape);
    }
    const flow = flowNode(node, kind, ins, settings);
    if ('issue' in flow) {
      issues.push(flow.issue);
      changed.set(report.id, null);
      return;
    }
    params += flow.paramCount.trainable.value + flow.paramCount.nonTrainable.value;
    macs += flow.macs.value;
    memoryBytes += flow.memory.value;
    const before = report.output!.shape;
    if (!sameShape(before, flow.output.shape)) {
      changed.set(report.id, flow.output.shape);
      shapes.push({ node: report.id, name: report.name, before, after: flow.output.shape });
    }
  };
  rerun(analysis.nodes.get(edited.id)!, edited, layerKind(edited.kind)!, parsed.params);
  for (let i = start + 1; i < analysis.order.length && changed.size > 0; i++) {
    const report = analysis.nodes.get(analysis.order[i]!)!;
    if (report.inbound.some((from) => changed.has(from))) rerun(report, report, layerKind(report.kind)!, report.params);
  }
  if (issues.length > 0) return { ok: false, issues };
  return outcome(base, { params, macs, memoryBytes }, shapes);
}
