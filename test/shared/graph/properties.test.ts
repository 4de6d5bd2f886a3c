/**
 * Property-based tests (fast-check), beside random-graphs.test.ts: damaged graphs with repeated
 * ids, names and connections; random chains of every layer kind checked against a reference
 * written from Keras's rules (test/shared/support/keras-reference.ts); naming; order independence.
 */
import { KERAS_PREFIX } from '../support/keras-prefixes';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeGraph } from '../../../src-shared/graph/analyze';
import { graphFromLayers, toNetwork } from '../../../src-shared/graph/network';
import { nextLayerName } from '../../../src-shared/graph/names';
import type { Graph, GraphNode } from '../../../src-shared/graph/schema';
import { LAYER_KIND_IDS } from '../../../src-shared/layers/types';
import { summarize } from '../../../src-shared/summary/summary';
import { summaryText } from '../../../src-shared/summary/text';
import { issueText } from '../../../src-shared/i18n/issue-text';
import { damagedGraphs } from '../support/damaged-graphs';
import { formulaProblem, kerasOutputLength } from '../support/keras-reference';
import { rawOf, spec, type Spec } from '../support/chain-specs';

// ---------------------------------------------------------------------------------------------
// Damaged graphs

describe('property: any graph, however damaged', () => {
  it('is analysed without throwing, without changing it, and every issue is attached to something that exists and named', () => {
    fc.assert(
      fc.property(damagedGraphs, (graph) => {
        const before = structuredClone(graph);
        const a = analyzeGraph(graph);
        expect(graph).toEqual(before);
        const s = summarize(a);
        const text = s ? summaryText(s) : '';
        const seq = toNetwork(graph);
        expect(seq.ok).toBe(a.valid);

        const nodesById = new Map<string, GraphNode[]>();
        for (const n of graph.nodes) nodesById.set(n.id, [...(nodesById.get(n.id) ?? []), n]);
        const edgesById = new Map<string, Graph['edges']>();
        for (const e of graph.edges) edgesById.set(e.id, [...(edgesById.get(e.id) ?? []), e]);
        const nameOf = (id: string) => (nodesById.get(id) ?? []).map((n) => n.name);

        for (const n of graph.nodes) expect(a.nodes.has(n.id)).toBe(true);
        for (const issue of a.issues) {
          const t = issue.target;
          const message = issueText('en', issue);
          if ('node' in t) {
            const names = nameOf(t.node);
            expect(names.length, `issue on a missing node: ${JSON.stringify(issue)}`).toBeGreaterThan(0);
            // The sentence starts with the layer's name.
            expect(
              names.some((name) => message.startsWith(`${name}: `)),
              message,
            ).toBe(true);
            if (issue.code !== 'duplicate-id') expect(a.nodes.get(t.node)!.issues).toContainEqual(issue);
          } else if ('edge' in t) {
            const edges = edgesById.get(t.edge) ?? [];
            expect(edges.length, `issue on a missing connection: ${JSON.stringify(issue)}`).toBeGreaterThan(0);
            // It names a layer at one end of the connection, or the connection itself when an end is missing.
            const ends = edges.flatMap((e) => [...nameOf(e.source), ...nameOf(e.target)]);
            expect(ends.some((name) => message.startsWith(`${name}`)) || message.startsWith(`connection ${t.edge} `), message).toBe(true);
          } else {
            expect(graph.nodes).toEqual([]);
          }
          // It says what to do: "… — delete this connection", or what a value "must be".
          expect(message).toMatch(/ — | must be | needs | may have /);
        }
        // No silent failure: invalid means at least one issue; valid means a summary of every layer but the Input.
        expect(a.valid).toBe(a.issues.length === 0);
        if (a.valid) {
          expect(s?.layers).toHaveLength(graph.nodes.length - 1);
          expect(a.chain).toHaveLength(graph.nodes.length);
          expect(text).toContain('Total params: ');
        } else {
          expect(s).toBeUndefined();
        }
      }),
      { numRuns: 3000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Random chains against the reference

type Step = { ok: true; shape: number[]; trainable: number; nonTrainable: number } | { ok: false; code: 'shape' | 'bad-param' };

/** One layer by Keras's rules: its output shape and weights, or Keras's refusal. */
function reference(x: Spec, input: number[]): Step {
  const rank3 = input.length === 3;
  const [h = 0, w = 0, c = 0] = input;
  const last = input[input.length - 1]!;
  switch (x.kind) {
    case 'Conv2D': {
      // Keras: "strides > 1 not supported in conjunction with dilation_rate > 1"
      if ((x.s[0] > 1 || x.s[1] > 1) && (x.d[0] > 1 || x.d[1] > 1)) return { ok: false, code: 'bad-param' };
      if (!rank3) return { ok: false, code: 'shape' };
      const shape = [
        kerasOutputLength(h, x.k[0], x.s[0], x.d[0], x.padding),
        kerasOutputLength(w, x.k[1], x.s[1], x.d[1], x.padding),
        x.filters,
      ];
      if (shape[0]! < 1 || shape[1]! < 1) return { ok: false, code: 'shape' };
      return { ok: true, shape, trainable: x.k[0] * x.k[1] * c * x.filters + (x.bias ? x.filters : 0), nonTrainable: 0 };
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      if (!rank3) return { ok: false, code: 'shape' };
      const s = x.s ?? x.pool; // Keras: strides=None means pool_size
      const shape = [kerasOutputLength(h, x.pool[0], s[0], 1, x.padding), kerasOutputLength(w, x.pool[1], s[1], 1, x.padding), c];
      if (shape[0]! < 1 || shape[1]! < 1) return { ok: false, code: 'shape' };
      return { ok: true, shape, trainable: 0, nonTrainable: 0 };
    }
    case 'Dense': // kernel (last, units) on the last axis, + bias
      return { ok: true, shape: [...input.slice(0, -1), x.units], trainable: last * x.units + (x.bias ? x.units : 0), nonTrainable: 0 };
    case 'BatchNormalization': // gamma if scale, beta if center; moving mean and variance
      return { ok: true, shape: input, trainable: ((x.scale ? 1 : 0) + (x.center ? 1 : 0)) * last, nonTrainable: 2 * last };
    case 'Flatten':
      return { ok: true, shape: [input.reduce((a, b) => a * b, 1)], trainable: 0, nonTrainable: 0 };
    case 'GlobalAveragePooling2D':
      return rank3 ? { ok: true, shape: [c], trainable: 0, nonTrainable: 0 } : { ok: false, code: 'shape' };
    default:
      return { ok: true, shape: input, trainable: 0, nonTrainable: 0 };
  }
}

const inputShape = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 6 }))
      .map((t) => [...t]),
  },
  { weight: 1, arbitrary: fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 2 }) },
);

describe('property: random chains of every kind agree with Keras’s rules', () => {
  it('shapes, weights, the first refusal, totals and formulas', () => {
    fc.assert(
      fc.property(inputShape, fc.array(spec, { minLength: 1, maxLength: 10 }), (input, specs) => {
        const a = analyzeGraph(graphFromLayers([{ kind: 'InputLayer', params: { shape: input } }, ...specs.map(rawOf)]));
        const id = (i: number) => `n${i + 2}`; // graphFromLayers numbers nodes n1 (the Input), n2, …

        // Expected: a bad-param issue on every layer Keras refuses to build, and a shape issue on the
        // first layer whose input it cannot take, if that comes before any refused layer.
        const expectedIssues: [string, string][] = [];
        const expectedShapes: (number[] | undefined)[] = [];
        const steps: Step[] = [];
        let shape: number[] | undefined = input;
        specs.forEach((x, i) => {
          const step = shape ? reference(x, shape) : reference(x, [1, 1, 1]);
          steps.push(step);
          if (!step.ok && step.code === 'bad-param') expectedIssues.push(['bad-param', id(i)]);
          else if (!step.ok && shape) expectedIssues.push(['shape', id(i)]);
          shape = shape && step.ok ? step.shape : undefined;
          expectedShapes.push(shape);
        });
        expect(a.issues.map((x) => [x.code, 'node' in x.target ? x.target.node : '?']).sort()).toEqual(expectedIssues.sort());
        specs.forEach((_, i) => expect(a.nodes.get(id(i))!.output?.shape, `layer ${i + 1} ${specs[i]!.kind}`).toEqual(expectedShapes[i]));

        const s = summarize(a);
        if (expectedIssues.length > 0) {
          expect(s).toBeUndefined();
          return;
        }
        expect(s).toBeDefined();
        s!.layers.forEach((r, i) => {
          const step = steps[i] as Extract<Step, { ok: true }>;
          expect([r.trainableParams, r.nonTrainableParams]).toEqual([step.trainable, step.nonTrainable]);
          expect(r.outputShape).toEqual([null, ...step.shape]);
          const problems = [
            ...r.formulas.outputShape.map((d, k) => (d.value === step.shape[k] ? formulaProblem(d, d.value) : `dim ${k} is ${d.value}`)),
            formulaProblem(r.formulas.trainableParams, r.trainableParams),
            formulaProblem(r.formulas.nonTrainableParams, r.nonTrainableParams),
            formulaProblem(r.formulas.macs, r.macs),
            formulaProblem(r.formulas.memory, r.memoryBytes),
          ].filter(Boolean);
          expect(problems, `${r.name}`).toEqual([]);
        });
        const total = steps.reduce((sum, x) => sum + (x.ok ? x.trainable + x.nonTrainable : 0), 0);
        expect(s!.totalParams).toBe(total);
        expect(s!.totalParams).toBe(s!.layers.reduce((sum, r) => sum + r.params, 0));
        expect(s!.trainableParams + s!.nonTrainableParams).toBe(s!.totalParams);
        const text = summaryText(s!);
        for (const r of s!.layers) expect(text).toContain(`${r.name} (${r.type})`);
        expect(text).toContain(`Total params: ${total.toLocaleString('en-US')} `);
      }),
      { numRuns: 1500 },
    );
  });

  it('a valid chain gives the same analysis whatever the order of its nodes and connections in the file', () => {
    fc.assert(
      fc.property(
        fc.array(spec, { minLength: 1, maxLength: 8 }),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        (specs, random) => {
          const g = graphFromLayers([{ kind: 'InputLayer', params: { shape: [32, 32, 3] } }, ...specs.map(rawOf)]);
          const expected = analyzeGraph(g);
          const shuffle = <T>(xs: T[]) =>
            xs
              .map((x) => ({ x, k: random.next().value as number }))
              .sort((p, q) => p.k - q.k)
              .map((p) => p.x);
          const shuffled = { nodes: shuffle(g.nodes), edges: shuffle(g.edges) };
          const a = analyzeGraph(shuffled);
          expect(a.chain).toEqual(expected.chain);
          expect(a.valid).toBe(expected.valid);
          expect(summarize(a)).toEqual(summarize(expected));
          expect(new Set(a.issues.map((i) => JSON.stringify(i)))).toEqual(new Set(expected.issues.map((i) => JSON.stringify(i))));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('property: layer names', () => {
  it('graphFromLayers names unnamed layers as Keras does, and keeps given names', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LAYER_KIND_IDS), { maxLength: 20 }), (kinds) => {
        const seen = new Map<string, number>();
        const expected = kinds.map((k) => {
          const n = seen.get(k) ?? 0;
          seen.set(k, n + 1);
          return n === 0 ? KERAS_PREFIX[k] : `${KERAS_PREFIX[k]}_${n}`;
        });
        expect(graphFromLayers(kinds.map((kind) => ({ kind, params: {} }))).nodes.map((n) => n.name)).toEqual(expected);
      }),
    );
  });

  it('nextLayerName never returns a taken name', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LAYER_KIND_IDS),
        fc.array(fc.constantFrom('conv2d', 'conv2d_1', 'conv2d_3', 'dense', 'dense_2', 'dense_1', 'flatten'), { maxLength: 8 }),
        (kind, taken) => {
          const name = nextLayerName(kind, taken);
          expect(taken).not.toContain(name);
          expect(name.startsWith(KERAS_PREFIX[kind])).toBe(true);
        },
      ),
    );
  });
});
