import { describe, expect, it } from 'vitest';
import { issueText } from '../../../src-shared/i18n/issue-text';
import fc from 'fast-check';
import { analyzeGraph } from '../../../src-shared/graph/analyze';
import { graphFromLayers, type RawLayer } from '../../../src-shared/graph/network';
import { LAYER_KIND_IDS } from '../../../src-shared/layers/types';
import type { Graph } from '../../../src-shared/graph/schema';
import { summarize } from '../../../src-shared/summary/summary';
import { summaryText } from '../../../src-shared/summary/text';
import { junk, paramNames } from '../support/damaged-graphs';

/** Arbitrary graphs: random kinds, junk params, and edges that may dangle, loop, repeat or point anywhere. */
const graphs: fc.Arbitrary<Graph> = fc
  .array(
    fc.record({
      kind: fc.constantFrom(...LAYER_KIND_IDS),
      name: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'conv2d', 'dense', 'input_layer'),
      params: fc.dictionary(paramNames, junk, { maxKeys: 5 }),
    }),
    { maxLength: 8 },
  )
  .chain((nodes) => {
    const ids = [...nodes.map((_, i) => `n${i}`), 'missing'];
    return fc.record({
      nodes: fc.constant(nodes.map((n, i) => ({ id: `n${i}`, ...n, position: { x: 0, y: 0 } }))),
      edges: fc
        .array(fc.record({ source: fc.constantFrom(...ids), target: fc.constantFrom(...ids) }), { maxLength: 10 })
        .map((es) => es.map((e, i) => ({ id: `e${i}`, ...e }))),
    });
  });

describe('property: analysis of any graph', () => {
  it('never throws, and every issue names a node or connection that exists', () => {
    fc.assert(
      fc.property(graphs, (graph) => {
        const a = analyzeGraph(graph);
        const s = summarize(a);
        if (s) summaryText(s);
        const nodeIds = new Set(graph.nodes.map((n) => n.id));
        const edgeIds = new Set(graph.edges.map((e) => e.id));
        for (const issue of a.issues) {
          const t = issue.target;
          if ('node' in t) expect(nodeIds.has(t.node)).toBe(true);
          else if ('edge' in t) expect(edgeIds.has(t.edge)).toBe(true);
          else expect(graph.nodes).toHaveLength(0);
          expect(issueText('en', issue).length).toBeGreaterThan(10);
        }
        // Valid means no issue at all and a summary; invalid means at least one issue.
        expect(a.valid).toBe(a.issues.length === 0 && s !== undefined);
      }),
      { numRuns: 2000 },
    );
  });
});

/** TensorFlow's output length, written independently of src-shared. */
function tfLength(n: number, k: number, s: number, d: number, padding: 'valid' | 'same'): number {
  return padding === 'same' ? Math.ceil(n / s) : Math.floor((n - (k - 1) * d - 1) / s) + 1;
}

const spatialLayer = fc.oneof(
  fc.record({
    kind: fc.constant('Conv2D' as const),
    filters: fc.integer({ min: 1, max: 16 }),
    k: fc.integer({ min: 1, max: 5 }),
    s: fc.integer({ min: 1, max: 3 }),
    d: fc.integer({ min: 1, max: 3 }),
    padding: fc.constantFrom('valid' as const, 'same' as const),
    bias: fc.boolean(),
  }),
  fc.record({
    kind: fc.constantFrom('MaxPooling2D' as const, 'AveragePooling2D' as const),
    k: fc.integer({ min: 1, max: 4 }),
    s: fc.integer({ min: 1, max: 4 }),
    padding: fc.constantFrom('valid' as const, 'same' as const),
  }),
);

describe("property: shapes of random valid chains agree with a reference implementation of TF's rules", () => {
  it('per layer shape and params, and totals equal the sum of the rows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8, max: 64 }),
        fc.integer({ min: 8, max: 64 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(spatialLayer, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 32 }),
        (h0, w0, c0, specs, units) => {
          let [h, w, c] = [h0, w0, c0];
          const expected: { shape: number[]; params: number }[] = [];
          const layers: RawLayer[] = [{ kind: 'InputLayer', params: { shape: [h0, w0, c0] } }];
          for (const spec of specs) {
            if (spec.kind === 'Conv2D') {
              const d = spec.s > 1 ? 1 : spec.d; // Keras forbids strides > 1 with dilation > 1.
              const [nh, nw] = [tfLength(h, spec.k, spec.s, d, spec.padding), tfLength(w, spec.k, spec.s, d, spec.padding)];
              if (nh < 1 || nw < 1) break;
              layers.push({
                kind: 'Conv2D',
                params: {
                  filters: spec.filters,
                  kernel_size: spec.k,
                  strides: spec.s,
                  dilation_rate: d,
                  padding: spec.padding,
                  use_bias: spec.bias,
                },
              });
              expected.push({ shape: [nh, nw, spec.filters], params: spec.k * spec.k * c * spec.filters + (spec.bias ? spec.filters : 0) });
              [h, w, c] = [nh, nw, spec.filters];
            } else {
              const [nh, nw] = [tfLength(h, spec.k, spec.s, 1, spec.padding), tfLength(w, spec.k, spec.s, 1, spec.padding)];
              if (nh < 1 || nw < 1) break;
              layers.push({ kind: spec.kind, params: { pool_size: spec.k, strides: spec.s, padding: spec.padding } });
              expected.push({ shape: [nh, nw, c], params: 0 });
              [h, w] = [nh, nw];
            }
          }
          layers.push({ kind: 'Flatten', params: {} }, { kind: 'Dense', params: { units } });
          expected.push({ shape: [h * w * c], params: 0 }, { shape: [units], params: h * w * c * units + units });
          const a = analyzeGraph(graphFromLayers(layers));
          const s = summarize(a);
          expect(s, JSON.stringify(a.issues)).toBeDefined();
          expect(s!.layers.map((r) => ({ shape: r.outputShape.slice(1), params: r.params }))).toEqual(expected);
          expect(s!.totalParams).toBe(s!.layers.reduce((sum, r) => sum + r.params, 0));
          expect(s!.trainableParams + s!.nonTrainableParams).toBe(s!.totalParams);
        },
      ),
      { numRuns: 500 },
    );
  });
});
