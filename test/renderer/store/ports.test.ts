// Needs the merge kinds (Add, Concatenate) from the `merges` branch.
import { describe, expect, it } from 'vitest';
import type { Graph, GraphNode } from '../../../src-shared/graph/schema';
import { analyzeGraph } from '../../../src-shared/graph/analyze';
import { inboundEdges, inputAnchor, isMergeNode, moveInput, setInputOrder } from '../../../src-renderer/store/ports';
import { connect, insertOnEdge, removeAndJoin } from '../../../src-renderer/store/graph-edit';

function node(id: string, kind: GraphNode['kind'], params: Record<string, unknown> = {}): GraphNode {
  return { id, kind, name: id, params, position: { x: 0, y: 0 } };
}

/** Input (4, 4, 1) → a: Conv2D 2 filters, b: Conv2D 3 filters, c: Conv2D 5 filters; nothing joins them yet. */
function branches(merge: GraphNode['kind']): Graph {
  const conv = (filters: number) => ({ filters, kernel_size: [1, 1] });
  return {
    nodes: [
      node('in', 'InputLayer', { shape: [4, 4, 1] }),
      node('a', 'Conv2D', conv(2)),
      node('b', 'Conv2D', conv(3)),
      node('c', 'Conv2D', conv(5)),
      node('join', merge),
    ],
    edges: [
      { id: 'e1', source: 'in', target: 'a' },
      { id: 'e2', source: 'in', target: 'b' },
      { id: 'e3', source: 'in', target: 'c' },
    ],
  };
}

const order = (g: Graph, target = 'join') => inboundEdges(g, target).map((e) => e.source);
const channels = (g: Graph) => analyzeGraph(g).nodes.get('join')!.output!.shape;

describe('inboundEdges', () => {
  it('reads numbered ports first by number, then the unnumbered ones in the order drawn, as the analysis does', () => {
    const g: Graph = {
      ...branches('Concatenate'),
      edges: [
        ...branches('Concatenate').edges,
        { id: 'x', source: 'c', target: 'join' },
        { id: 'y', source: 'a', target: 'join', port: 1 },
        { id: 'z', source: 'b', target: 'join', port: 0 },
      ],
    };
    expect(order(g)).toEqual(['b', 'a', 'c']);
    expect(analyzeGraph(g).nodes.get('join')!.inbound).toEqual(['b', 'a', 'c']);
  });
});

describe('connecting into a merge', () => {
  it('numbers the inputs in the order they are drawn, and keeps a one-input layer unnumbered', () => {
    let g = branches('Concatenate');
    g = connect(connect(connect(g, 'a', 'join'), 'b', 'join'), 'c', 'join');
    expect(g.edges.filter((e) => e.target === 'join').map((e) => [e.source, e.port])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
    // Concatenate along the channels: 2 + 3 + 5, in that order.
    expect(channels(g)).toEqual([4, 4, 10]);
    expect(connect(g, 'a', 'b').edges.at(-1)).toEqual({ id: 'e7', source: 'a', target: 'b' });
  });

  it('puts a connection drawn onto input k in place k, the later ones moving one on', () => {
    let g = connect(connect(branches('Concatenate'), 'a', 'join'), 'b', 'join');
    g = connect(g, 'c', 'join', 0);
    expect(order(g)).toEqual(['c', 'a', 'b']);
    expect(analyzeGraph(g).nodes.get('join')!.inbound).toEqual(['c', 'a', 'b']);
    // Past the end means last.
    expect(order(connect(connect(branches('Add'), 'a', 'join'), 'b', 'join', 9))).toEqual(['a', 'b']);
  });

  it('moves an input already connected when it is drawn onto another number, and ignores a plain repeat', () => {
    const g = connect(connect(connect(branches('Concatenate'), 'a', 'join'), 'b', 'join'), 'c', 'join');
    const moved = connect(g, 'c', 'join', 0);
    expect(order(moved)).toEqual(['c', 'a', 'b']);
    expect(moved.edges).toHaveLength(g.edges.length);
    expect(connect(g, 'c', 'join')).toBe(g);
  });
});

describe('moveInput and setInputOrder', () => {
  it('moves one input and numbers them all, as one change', () => {
    const g = connect(connect(connect(branches('Concatenate'), 'a', 'join'), 'b', 'join'), 'c', 'join');
    const down = moveInput(g, 'join', 0, 2);
    expect(order(down)).toEqual(['b', 'c', 'a']);
    expect(
      analyzeGraph(down)
        .nodes.get('join')!
        .inputShapes!.map((s) => s[2]),
    ).toEqual([3, 5, 2]);
    expect(order(moveInput(down, 'join', 2, 0))).toEqual(['a', 'b', 'c']);
  });

  it('changes nothing for a position out of range, the same position, or a layer that is not a merge', () => {
    const g = connect(connect(branches('Add'), 'a', 'join'), 'b', 'join');
    expect(moveInput(g, 'join', 0, 0)).toBe(g);
    expect(moveInput(g, 'join', 0, 5)).toBe(g);
    expect(moveInput(g, 'join', -1, 0)).toBe(g);
    expect(moveInput(g, 'a', 0, 0)).toBe(g);
    expect(
      setInputOrder(
        g,
        'join',
        inboundEdges(g, 'join').map((e) => e.id),
      ),
    ).toBe(g);
  });
});

describe('editing around a merge keeps its inputs in place', () => {
  const joined = () => connect(connect(connect(branches('Concatenate'), 'a', 'join'), 'b', 'join'), 'c', 'join');

  it('a layer dropped onto the connection into input 2 feeds input 2', () => {
    const into = joined().edges.find((e) => e.source === 'b' && e.target === 'join')!;
    const r = insertOnEdge(joined(), 'BatchNormalization', into.id, { x: 0, y: 0 })!;
    expect(order(r.graph)).toEqual(['a', r.id, 'c']);
    expect(channels(r.graph)).toEqual([4, 4, 10]);
  });

  it('deleting a layer on a branch joins its neighbours into the input it fed', () => {
    const into = joined().edges.find((e) => e.source === 'b' && e.target === 'join')!;
    const withNorm = insertOnEdge(joined(), 'BatchNormalization', into.id, { x: 0, y: 0 })!;
    const back = removeAndJoin(withNorm.graph, [withNorm.id], []);
    expect(order(back)).toEqual(['a', 'b', 'c']);
  });
});

describe('isMergeNode and inputAnchor', () => {
  it('tells merges by the registry, and spreads a merge’s input points with a free one last', () => {
    expect(isMergeNode(node('j', 'Add'))).toBe(true);
    expect(isMergeNode(node('j', 'Concatenate'))).toBe(true);
    expect(isMergeNode(node('d', 'Dense'))).toBe(false);
    expect(isMergeNode(undefined)).toBe(false);
    expect(inputAnchor(0, 0, false)).toBe(0.5);
    expect([0, 1, 2].map((i) => inputAnchor(i, 2, true))).toEqual([0.25, 0.5, 0.75]);
  });
});
