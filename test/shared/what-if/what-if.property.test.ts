/**
 * Property: for random valid networks (chains, and forks joined by a merge), every what-if the
 * inspector offers predicts exactly what applying its edit and summarising the new graph gives:
 * the same totals and changed shapes, or the same issues when the choice breaks the network.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeGraph, type GraphAnalysis } from '../../../src-shared/graph/analyze';
import { graphFromLayers, type RawLayer } from '../../../src-shared/graph/network';
import type { Graph } from '../../../src-shared/graph/schema';
import { summarize } from '../../../src-shared/summary/summary';
import { applyWhatIfEdit } from '../../../src-shared/what-if/edit';
import { whatIfsOf } from '../../../src-shared/what-if/what-if';
import { rawOf, spec } from '../support/chain-specs';

const image = fc.tuple(fc.integer({ min: 4, max: 24 }), fc.integer({ min: 4, max: 24 }), fc.integer({ min: 1, max: 4 }));
const head: RawLayer[] = [
  { kind: 'Flatten', params: {} },
  { kind: 'Dense', params: { units: 10, activation: 'softmax' } },
];

/** Input, random layers, then Flatten and a classifier. */
const chains: fc.Arbitrary<Graph> = fc
  .tuple(image, fc.array(spec, { minLength: 1, maxLength: 8 }))
  .map(([shape, specs]) => graphFromLayers([{ kind: 'InputLayer', params: { shape: [...shape] } }, ...specs.map(rawOf), ...head]));

/** Input, a trunk, two branches (either may be empty: a skip) joined by Add or Concatenate, a tail and the classifier. */
const forks: fc.Arbitrary<Graph> = fc
  .record({
    shape: image,
    trunk: fc.array(spec, { maxLength: 3 }),
    left: fc.array(spec, { maxLength: 3 }),
    right: fc.array(spec, { minLength: 1, maxLength: 3 }),
    merge: fc.constantFrom('Add' as const, 'Concatenate' as const),
    tail: fc.array(spec, { maxLength: 2 }),
  })
  .map(({ shape, trunk, left, right, merge, tail }) => {
    const layers: RawLayer[] = [{ kind: 'InputLayer', name: 'in', params: { shape: [...shape] } }];
    const chain = (prefix: string, specs: readonly (typeof trunk)[number][], from: string): string => {
      specs.forEach((s, i) => layers.push({ ...rawOf(s), name: `${prefix}${i}`, inbound: [i === 0 ? from : `${prefix}${i - 1}`] }));
      return specs.length > 0 ? `${prefix}${specs.length - 1}` : from;
    };
    const fork = chain('t', trunk, 'in');
    const l = chain('l', left, fork);
    const r = chain('r', right, fork);
    layers.push({ kind: merge, name: 'merge', params: {}, inbound: [l, r] });
    const end = chain('x', tail, 'merge');
    layers.push({ ...head[0]!, name: 'flatten', inbound: [end] }, { ...head[1]!, name: 'out', inbound: ['flatten'] });
    return graphFromLayers(layers);
  });

const valid = (g: Graph) => analyzeGraph(g).valid;

/** The output shape of every layer of an analysis, by id. */
const shapesOf = (a: GraphAnalysis) => new Map(a.order.map((id) => [id, a.nodes.get(id)!.output!.shape]));

/** Issues in a stable order, for comparing two lists that hold the same ones. */
const sorted = (xs: readonly unknown[]) => xs.map((x) => JSON.stringify(x)).sort();

describe('property: what-if predictions', () => {
  it('equal the summary of the edited graph, for every alternative of every layer', () => {
    let offered = 0;
    let broken = 0;
    fc.assert(
      fc.property(fc.oneof(chains.filter(valid), forks.filter(valid)), (graph) => {
        const analysis = analyzeGraph(graph);
        const summary = summarize(analysis)!;
        const before = shapesOf(analysis);
        for (const node of graph.nodes) {
          for (const { alternative, outcome } of whatIfsOf(graph, analysis, summary, node.id)) {
            offered++;
            const edited = applyWhatIfEdit(graph, alternative.edit);
            expect(edited).not.toEqual(graph);
            const after = analyzeGraph(edited);
            const s = summarize(after);
            if (!outcome.ok) {
              broken++;
              expect(s).toBeUndefined();
              expect(sorted(outcome.issues)).toEqual(sorted(after.issues));
              continue;
            }
            expect(s, JSON.stringify(after.issues)).toBeDefined();
            expect(outcome.totals).toEqual({ params: s!.totalParams, macs: s!.totalMacs, memoryBytes: s!.totalMemoryBytes });
            expect(outcome.delta).toEqual({
              params: s!.totalParams - summary.totalParams,
              macs: s!.totalMacs - summary.totalMacs,
              memoryBytes: s!.totalMemoryBytes - summary.totalMemoryBytes,
            });
            const changed = [...shapesOf(after)]
              .filter(([id, shape]) => before.has(id) && JSON.stringify(before.get(id)) !== JSON.stringify(shape))
              .map(([id, shape]) => ({ node: id, before: before.get(id), after: shape }));
            expect(sorted(outcome.shapes.map(({ node, before, after }) => ({ node, before, after })))).toEqual(sorted(changed));
          }
        }
      }),
      { numRuns: 300 },
    );
    // The generators reach both outcomes often enough to mean something.
    expect(offered).toBeGreaterThan(1000);
    expect(broken).toBeGreaterThan(50);
  });
});
