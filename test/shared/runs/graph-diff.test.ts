import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffGraphs, isEmptyDiff } from '../../../src-shared/runs/graph-diff';
import { compareRuns } from '../../../src-shared/runs/run-compare';
import { analyzeGraph } from '../../../src-shared/graph/analyze';
import { summarize } from '../../../src-shared/summary/summary';
import { graphFromLayers, type RawLayer } from '../../../src-shared/graph/network';
import type { Graph } from '../../../src-shared/graph/schema';
import type { Project } from '../../../src-shared/project/schema';
import { LAYER_KIND_IDS } from '../../../src-shared/layers/types';
import { junk, paramNames } from '../support/damaged-graphs';
import { FUNCTIONAL_GRAPHS } from '../support/functional-graphs';
import { sampleManifest } from './sample-manifest';

const LECTURE = (JSON.parse(readFileSync(new URL('../../../assets/templates/lecture-cnn.convas.json', import.meta.url), 'utf8')) as Project)
  .graph;

function edit(graph: Graph, change: (g: Graph) => void): Graph {
  const copy = structuredClone(graph);
  change(copy);
  return copy;
}

const totalsOf = (g: Graph) => {
  const s = summarize(analyzeGraph(g))!;
  return { params: s.totalParams, macs: s.totalMacs };
};

describe('the graph diff', () => {
  it('finds nothing between a design and itself', () => {
    const d = diffGraphs(LECTURE, structuredClone(LECTURE));
    expect(isEmptyDiff(d)).toBe(true);
    expect(d.params.delta).toBe(0);
    expect(d.macs.delta).toBe(0);
  });

  it('names a changed setting with its values before and after, and the change in parameters and MACs', () => {
    const wider = edit(LECTURE, (g) => (g.nodes.find((n) => n.name === 'conv2d')!.params['filters'] = 20));
    const d = diffGraphs(LECTURE, wider);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed.map((c) => c.after.name).sort()).toEqual(['conv2d']);
    expect(d.changed[0]!.params).toEqual([{ param: 'filters', before: 10, after: 20 }]);
    // conv2d: (3·3·1 + 1)·10 → ·20 (+100); dense: 14·14·10·100 → 14·14·20·100 inputs (+196,000).
    expect(d.params.delta).toBe(100 + 196_000);
    expect(d.params.delta).toBe(totalsOf(wider).params - totalsOf(LECTURE).params);
    expect(d.macs.delta).toBe(totalsOf(wider).macs - totalsOf(LECTURE).macs);
  });

  it('treats a setting left at its Keras default and the same default written out as equal', () => {
    const explicit = edit(LECTURE, (g) => (g.nodes.find((n) => n.name === 'max_pooling2d')!.params['padding'] = 'valid'));
    expect(isEmptyDiff(diffGraphs(LECTURE, explicit))).toBe(true);
  });

  it('reports an added Dropout, its rewiring of the next layer, and a removed layer', () => {
    const withDropout = edit(LECTURE, (g) => {
      g.nodes.push({ id: 'n9', kind: 'Dropout', name: 'dropout', params: { rate: 0.5 }, position: { x: 0, y: 0 } });
      const e = g.edges.find((x) => x.source === 'n5')!;
      e.source = 'n9';
      g.edges.push({ id: 'e9', source: 'n5', target: 'n9' });
    });
    const d = diffGraphs(LECTURE, withDropout);
    expect(d.added).toEqual([{ id: 'n9', name: 'dropout', kind: 'Dropout' }]);
    expect(d.changed).toEqual([
      expect.objectContaining({ after: expect.objectContaining({ name: 'dense_1' }), inputs: { before: ['dense'], after: ['dropout'] } }),
    ]);
    expect(d.params.delta).toBe(0);
    const back = diffGraphs(withDropout, LECTURE);
    expect(back.removed).toEqual([{ id: 'n9', name: 'dropout', kind: 'Dropout' }]);
  });

  it('matches a layer re-created under another id by its name', () => {
    const recreated = edit(LECTURE, (g) => {
      const node = g.nodes.find((n) => n.name === 'dense')!;
      node.id = 'fresh';
      node.params['units'] = 50;
      for (const e of g.edges) {
        if (e.source === 'n5') e.source = 'fresh';
        if (e.target === 'n5') e.target = 'fresh';
      }
    });
    const d = diffGraphs(LECTURE, recreated);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed.find((c) => c.after.id === 'fresh')?.params).toEqual([{ param: 'units', before: 100, after: 50 }]);
  });

  it('gives no totals for a design that is not valid, but still lists its layers', () => {
    const broken = edit(LECTURE, (g) => (g.edges = g.edges.filter((e) => e.target !== 'n4')));
    const d = diffGraphs(LECTURE, broken);
    expect(d.params).toEqual({ before: totalsOf(LECTURE).params, after: null, delta: null });
  });
});

/** Valid chains: an Input, one or two convolutions, optional pooling, Flatten, one or two Dense layers. */
const chains: fc.Arbitrary<Graph> = fc
  .record({
    size: fc.integer({ min: 8, max: 20 }),
    convs: fc.array(fc.record({ filters: fc.integer({ min: 1, max: 16 }), kernel: fc.constantFrom(1, 3), same: fc.boolean() }), {
      minLength: 1,
      maxLength: 2,
    }),
    pool: fc.boolean(),
    hidden: fc.option(fc.integer({ min: 1, max: 64 }), { nil: undefined }),
  })
  .map(({ size, convs, pool, hidden }) => {
    const layers: RawLayer[] = [
      { kind: 'InputLayer', name: 'input_layer', params: { shape: [size, size, 1] } },
      ...convs.map((c, i) => ({
        kind: 'Conv2D' as const,
        name: `conv_${i}`,
        params: { filters: c.filters, kernel_size: [c.kernel, c.kernel], padding: c.same ? 'same' : 'valid' },
      })),
      ...(pool ? [{ kind: 'MaxPooling2D' as const, name: 'pool', params: { pool_size: [2, 2] } }] : []),
      { kind: 'Flatten', name: 'flatten', params: {} },
      ...(hidden ? [{ kind: 'Dense' as const, name: 'hidden', params: { units: hidden } }] : []),
      { kind: 'Dense', name: 'out', params: { units: 10, activation: 'softmax' } },
    ];
    return graphFromLayers(layers);
  });

/** Any graph at all, valid or not (junk settings, dangling and looping edges). */
const anyGraphs: fc.Arbitrary<Graph> = fc
  .array(
    fc.record({
      kind: fc.constantFrom(...LAYER_KIND_IDS),
      name: fc.constantFrom('a', 'b', 'c', 'conv2d'),
      params: fc.dictionary(paramNames, junk, { maxKeys: 4 }),
    }),
    { maxLength: 6 },
  )
  .chain((nodes) => {
    const ids = [...nodes.map((_, i) => `n${i}`), 'missing'];
    return fc.record({
      nodes: fc.constant(nodes.map((n, i) => ({ id: `n${i}`, ...n, position: { x: 0, y: 0 } }))),
      edges: fc
        .array(fc.record({ source: fc.constantFrom(...ids), target: fc.constantFrom(...ids) }), { maxLength: 8 })
        .map((es) => es.map((e, i) => ({ id: `e${i}`, ...e }))),
    });
  });

describe('property: the graph diff', () => {
  it('of any graph with a copy of itself is empty', () => {
    fc.assert(
      fc.property(fc.oneof(anyGraphs, chains), (g) => {
        expect(isEmptyDiff(diffGraphs(g, structuredClone(g)))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('changes parameters and MACs by exactly the summaries’ difference', () => {
    fc.assert(
      fc.property(chains, chains, (a, b) => {
        const d = diffGraphs(a, b);
        expect(d.params.delta).toBe(totalsOf(b).params - totalsOf(a).params);
        expect(d.macs.delta).toBe(totalsOf(b).macs - totalsOf(a).macs);
        if (d.params.delta !== 0 || d.macs.delta !== 0) expect(isEmptyDiff(d)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('of the functional templates against themselves is empty', () => {
    for (const layers of Object.values(FUNCTIONAL_GRAPHS))
      expect(isEmptyDiff(diffGraphs(graphFromLayers(layers), graphFromLayers(layers)))).toBe(true);
  });
});

describe('comparing runs', () => {
  it('gives each metric of every run and its difference from the first', () => {
    const a = sampleManifest();
    const b = sampleManifest({
      metrics: { ...a.metrics, bestValAccuracy: 0.75, testAccuracy: null },
      network: { ...a.network, totalParams: 2000 },
    });
    const rows = compareRuns([a, b]);
    const row = (m: string) => rows.find((r) => r.metric === m)!;
    expect(row('bestValAccuracy').values).toEqual([0.5, 0.75]);
    expect(row('bestValAccuracy').deltas).toEqual([null, 0.25]);
    expect(row('testAccuracy').deltas).toEqual([null, null]);
    expect(row('totalParams').deltas).toEqual([null, 766]);
  });
});
