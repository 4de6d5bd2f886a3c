/**
 * Random damaged graphs for property tests (fast-check): chains of every layer kind with plausible or
 * junk parameters, then ids reused, extra connections that loop, repeat, dangle or merge, and
 * connections removed. Shared by the graph properties and the words of their issues.
 */
import fc from 'fast-check';
import type { Graph, GraphNode } from '../../../src-shared/graph/schema';
import { LAYER_KIND_IDS, type LayerKindId } from '../../../src-shared/layers/types';

/** Values a user, a damaged file or a buggy importer can put in a parameter. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -3, max: 12 }),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0.5, 1e9, 1e300, Number.MAX_SAFE_INTEGER + 2, -1e-9),
  fc.double(),
  fc.string({ maxLength: 5 }),
  fc.constantFrom('same', 'valid', 'SAME', 'relu', 'softmax', 'he_normal', '3', '', null, undefined, true, false),
  fc.array(fc.oneof(fc.integer({ min: -2, max: 9 }), fc.constant(NaN), fc.string({ maxLength: 2 })), { maxLength: 5 }),
  fc.dictionary(fc.constantFrom('a', 'class_name', 'config'), fc.integer(), { maxKeys: 2 }),
);

/** Parameters that are mostly right for their kind, so that analysis gets deep into the chain. */
function plausible(kind: LayerKindId): fc.Arbitrary<Record<string, unknown>> {
  const size = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })));
  const padding = fc.constantFrom('valid', 'same');
  switch (kind) {
    case 'InputLayer':
      return fc.record({
        shape: fc.oneof(
          fc.tuple(fc.integer({ min: 1, max: 32 }), fc.integer({ min: 1, max: 32 }), fc.integer({ min: 1, max: 4 })),
          fc.tuple(fc.integer({ min: 1, max: 64 })),
        ),
      });
    case 'Conv2D':
      return fc.record({
        filters: fc.integer({ min: 1, max: 8 }),
        kernel_size: size,
        strides: size,
        padding,
        dilation_rate: fc.constantFrom(1, 2),
      });
    case 'MaxPooling2D':
    case 'AveragePooling2D':
      return fc.record({ pool_size: size, padding }, { requiredKeys: [] });
    case 'Dense':
      return fc.record({ units: fc.integer({ min: 1, max: 16 }) });
    case 'Dropout':
      return fc.record({ rate: fc.double({ min: 0, max: 0.9, noNaN: true }) });
    default:
      return fc.constant({});
  }
}

/** The parameter names of every layer kind, for junk settings. */
export const paramNames = fc.constantFrom(
  'filters',
  'kernel_size',
  'strides',
  'padding',
  'dilation_rate',
  'activation',
  'use_bias',
  'units',
  'rate',
  'pool_size',
  'shape',
  'momentum',
  'epsilon',
  'center',
  'scale',
  'bias_initializer',
);

const anyNode: fc.Arbitrary<Omit<GraphNode, 'id'>> = fc
  .record({
    kind: fc.constantFrom(...LAYER_KIND_IDS),
    name: fc.constantFrom('input_layer', 'conv2d', 'conv2d_1', 'dense', 'x', 'Ünïcode ✓', 'a:b'),
    junk: fc.dictionary(paramNames, junk, { maxKeys: 4 }),
    mode: fc.constantFrom('plausible', 'junk', 'mixed'),
    position: fc.record({ x: fc.integer(), y: fc.integer() }),
  })
  .chain(({ kind, name, junk: bad, mode, position }) =>
    plausible(kind).map((good) => ({
      kind,
      name,
      position,
      params: mode === 'plausible' ? good : mode === 'junk' ? bad : { ...good, ...bad },
    })),
  );

/**
 * Graphs that start as a chain (most canvases are one) and then get damaged: ids reused, extra
 * connections that loop, repeat, dangle or merge, connections removed, edge ids reused.
 */
export const damagedGraphs: fc.Arbitrary<Graph> = fc
  .record({
    nodes: fc.array(anyNode, { maxLength: 9 }),
    ids: fc.array(fc.constantFrom('n1', 'n2', 'n3', 'in', 'x'), { maxLength: 9 }),
    drop: fc.array(fc.nat(12), { maxLength: 3 }),
    extra: fc.array(fc.record({ id: fc.constantFrom('e1', 'e2', 'x1', 'x2', 'n1'), source: fc.nat(11), target: fc.nat(11) }), {
      maxLength: 4,
    }),
  })
  .map(({ nodes, ids, drop, extra }) => {
    // An id from `ids` where given (so some repeat), else a unique one.
    const withIds: GraphNode[] = nodes.map((n, i) => ({ id: ids[i] ?? `n${i + 1}`, ...n }));
    const idAt = (k: number): string => withIds[k]?.id ?? `ghost${k}`; // indexes past the end dangle
    const edges: Graph['edges'] = withIds
      .slice(1)
      .map((n, i) => ({ id: `e${i + 1}`, source: withIds[i]!.id, target: n.id }))
      .filter((_, i) => !drop.includes(i));
    edges.push(...extra.map((e) => ({ id: e.id, source: idAt(e.source), target: idAt(e.target) })));
    return { nodes: withIds, edges };
  });
