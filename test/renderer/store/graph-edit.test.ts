import { describe, expect, it } from 'vitest';
import type { Graph, GraphNode } from '../../../src-shared/graph/schema';
import { analyzeGraph } from '../../../src-shared/graph/analyze';
import {
  addAfter,
  addAtEnd,
  addLayer,
  connect,
  insertOnEdge,
  isOutputClassifier,
  moveNodes,
  NODE_GAP,
  NODE_HEIGHT,
  NODE_WIDTH,
  placeBelow,
  removeAndJoin,
  removeElements,
  renameNode,
  setParam,
  shiftDown,
} from '../../../src-renderer/store/graph-edit';

function node(id: string, kind: GraphNode['kind'], params: Record<string, unknown> = {}, y = 0): GraphNode {
  return { id, kind, name: id, params, position: { x: 0, y } };
}

/** Input → Conv2D → Flatten → Dense(10, softmax), stacked 128 apart. */
function lectureChain(): Graph {
  return {
    nodes: [
      node('in', 'InputLayer', { shape: [28, 28, 1] }, 0),
      node('conv', 'Conv2D', { filters: 4, kernel_size: [3, 3] }, 128),
      node('flat', 'Flatten', {}, 256),
      node('out', 'Dense', { units: 10, activation: 'softmax' }, 384),
    ],
    edges: [
      { id: 'e1', source: 'in', target: 'conv' },
      { id: 'e2', source: 'conv', target: 'flat' },
      { id: 'e3', source: 'flat', target: 'out' },
    ],
  };
}

const pairs = (g: Graph) => g.edges.map((e) => `${e.source}>${e.target}`).sort();
const at = (g: Graph, id: string) => g.nodes.find((n) => n.id === id)!.position;

describe('addLayer and connect', () => {
  it('gives the next free id and Keras-style name, rounds the position and connects from `from`', () => {
    const r = addLayer(lectureChain(), 'Conv2D', { x: 10.4, y: 20.6 }, 'flat');
    expect(r.id).toBe('n1');
    const added = r.graph.nodes.find((n) => n.id === 'n1')!;
    expect(added.name).toBe('conv2d');
    expect(added.position).toEqual({ x: 10, y: 21 });
    expect(pairs(r.graph)).toContain('flat>n1');
  });

  it('refuses self-loops, repeats and connections into an Input', () => {
    const g = lectureChain();
    expect(connect(g, 'conv', 'conv')).toBe(g);
    expect(connect(g, 'in', 'conv')).toBe(g);
    expect(connect(g, 'conv', 'in')).toBe(g);
    expect(connect(g, 'conv', 'missing')).toBe(g);
    const joined = connect(g, 'in', 'flat');
    expect(joined.edges.at(-1)).toEqual({ id: 'e4', source: 'in', target: 'flat' });
  });
});

describe('insertOnEdge', () => {
  it('puts the new layer between the two ends of the connection and keeps the network valid', () => {
    const r = insertOnEdge(lectureChain(), 'MaxPooling2D', 'e2', { x: 0, y: 200 })!;
    expect(pairs(r.graph)).toEqual(['conv>' + r.id, 'flat>out', 'in>conv', r.id + '>flat'].sort());
    expect(r.graph.edges.some((e) => e.id === 'e2')).toBe(false);
    expect(analyzeGraph(r.graph).valid).toBe(true);
    expect(analyzeGraph(r.graph).chain).toEqual(['in', 'conv', r.id, 'flat', 'out']);
  });

  it('moves the target and everything after it down when the new layer would overlap them', () => {
    const r = insertOnEdge(lectureChain(), 'Dropout', 'e2', { x: 0, y: 200 })!;
    const dy = 200 + NODE_HEIGHT + 44 - 256;
    expect(at(r.graph, 'flat')).toEqual({ x: 0, y: 256 + dy });
    expect(at(r.graph, 'out')).toEqual({ x: 0, y: 384 + dy });
    expect(at(r.graph, 'conv')).toEqual({ x: 0, y: 128 });
  });

  it('moves nothing when there is room, and refuses an unknown connection', () => {
    const g = lectureChain();
    const r = insertOnEdge(g, 'Dropout', 'e2', { x: 400, y: -500 })!;
    expect(at(r.graph, 'flat')).toEqual(at(g, 'flat'));
    expect(insertOnEdge(g, 'Dropout', 'nope', { x: 0, y: 0 })).toBeUndefined();
  });
});

describe('insertOnEdge beside a branch', () => {
  /** A residual block: a → b → join and a → join (the skip), b to the right of the skip's line. */
  function block(bY = 128): Graph {
    return {
      nodes: [
        node('in', 'InputLayer', { shape: [28, 28, 1] }, -128),
        node('a', 'Conv2D', { filters: 4, kernel_size: [3, 3], padding: 'same' }, 0),
        { ...node('b', 'Conv2D', { filters: 4, kernel_size: [3, 3], padding: 'same' }, bY), position: { x: 300, y: bY } },
        node('join', 'Add', {}, 256),
      ],
      edges: [
        { id: 'e1', source: 'in', target: 'a' },
        { id: 'e2', source: 'a', target: 'b' },
        { id: 'e3', source: 'b', target: 'join', port: 0 },
        { id: 'e4', source: 'a', target: 'join', port: 1 },
      ],
    };
  }

  it('moves a layer dropped onto the skip off the other path, to the nearer side, and keeps the input it feeds', () => {
    const r = insertOnEdge(block(), 'Conv2D', 'e4', { x: 150, y: 128 })!;
    // Left of b, a gap away: 300 − 280 − 60 = −40 is nearer to 150 than b's right side (300 + 280 + 60 = 640).
    expect(at(r.graph, r.id)).toEqual({ x: 300 - NODE_WIDTH - NODE_GAP, y: 128 });
    expect(at(r.graph, 'b')).toEqual({ x: 300, y: 128 });
    expect(r.graph.edges.find((e) => e.source === r.id)).toMatchObject({ target: 'join', port: 1 });
  });

  it('counts a layer as beside it by its measured height', () => {
    // b ends at 0 + 84 without a measurement, above the drop at 128; measured 200 tall, it reaches down beside it.
    expect(at(insertOnEdge(block(0), 'Conv2D', 'e4', { x: 150, y: 128 })!.graph, 'n1').x).toBe(150);
    const heights = new Map([['b', 200]]);
    expect(at(insertOnEdge(block(0), 'Conv2D', 'e4', { x: 150, y: 128 }, heights)!.graph, 'n1').x).toBe(300 - NODE_WIDTH - NODE_GAP);
  });
});

describe('shiftDown', () => {
  it('moves a layer and all it reaches, not the layers before it', () => {
    const g = shiftDown(lectureChain(), 'flat', 50);
    expect([at(g, 'in').y, at(g, 'conv').y, at(g, 'flat').y, at(g, 'out').y]).toEqual([0, 128, 306, 434]);
  });
});

describe('isOutputClassifier and addAtEnd (the palette double-click rule)', () => {
  it('recognises a softmax Dense or Activation, nothing else', () => {
    expect(isOutputClassifier(node('a', 'Dense', { units: 10, activation: 'softmax' }))).toBe(true);
    expect(isOutputClassifier(node('b', 'Activation', { activation: 'softmax' }))).toBe(true);
    expect(isOutputClassifier(node('c', 'Dense', { units: 10, activation: 'relu' }))).toBe(false);
    expect(isOutputClassifier(node('d', 'Dense', { units: 10 }))).toBe(false);
    expect(isOutputClassifier(node('e', 'Conv2D', { filters: 1, kernel_size: [1, 1], activation: 'softmax' }))).toBe(false);
  });

  it('adds before a softmax output: the new layer takes its place and the output moves down', () => {
    const g = lectureChain();
    const r = addAtEnd(g, 'Dense', analyzeGraph(g).chain);
    expect(analyzeGraph(r.graph).chain).toEqual(['in', 'conv', 'flat', r.id, 'out']);
    expect(at(r.graph, r.id)).toEqual({ x: 0, y: 384 });
    expect(at(r.graph, 'out').y).toBe(384 + NODE_HEIGHT + 44);
  });

  it('adds below the last layer, connected from it, when the network does not end in a classifier', () => {
    const g = setParam(lectureChain(), 'out', 'activation', 'relu');
    const heights = new Map([['out', 100]]);
    const r = addAtEnd(g, 'Dense', analyzeGraph(g).chain, heights);
    expect(analyzeGraph(r.graph).chain).toEqual(['in', 'conv', 'flat', 'out', r.id]);
    expect(at(r.graph, r.id)).toEqual({ x: 0, y: 384 + 100 + 44 });
  });

  it('adds below a softmax layer that nothing feeds (there is no connection to insert into)', () => {
    const g: Graph = { nodes: [node('out', 'Dense', { units: 10, activation: 'softmax' })], edges: [] };
    const r = addAtEnd(g, 'Dense', ['out']);
    expect(pairs(r.graph)).toEqual(['out>' + r.id]);
    expect(at(r.graph, r.id)).toEqual({ x: 0, y: NODE_HEIGHT + 44 });
    expect(placeBelow({ nodes: [], edges: [] }, [])).toEqual({ position: { x: 0, y: 0 } });
  });
});

describe('addAfter (the palette double-click with a layer selected)', () => {
  it('goes into the selected layer’s one outgoing connection, just below it', () => {
    const r = addAfter(lectureChain(), 'Dropout', 'conv', new Map([['conv', 100]]))!;
    expect(analyzeGraph(r.graph).chain).toEqual(['in', 'conv', r.id, 'flat', 'out']);
    expect(at(r.graph, r.id)).toEqual({ x: 0, y: 128 + 100 + 44 });
  });

  it('goes below a layer that feeds nothing, connected from it, and before a softmax output that is selected', () => {
    const g = setParam(lectureChain(), 'out', 'activation', 'relu');
    const below = addAfter(g, 'Dense', 'out')!;
    expect(pairs(below.graph)).toContain(`out>${below.id}`);
    const before = addAfter(lectureChain(), 'Dense', 'out')!;
    expect(analyzeGraph(before.graph).chain).toEqual(['in', 'conv', 'flat', before.id, 'out']);
  });

  it('starts a new branch beside the others when the selected layer already feeds several', () => {
    const g = connect(lectureChain(), 'conv', 'out');
    const r = addAfter(g, 'Flatten', 'conv')!;
    expect(pairs(r.graph).filter((p) => p.startsWith('conv>'))).toEqual(['conv>flat', `conv>${r.id}`, 'conv>out'].sort());
    expect(at(r.graph, r.id).x).toBe(NODE_WIDTH + NODE_GAP);
    expect(addAfter(g, 'Flatten', 'missing')).toBeUndefined();
  });

  it('adds at the output of a network with branches when nothing is selected', () => {
    // in → conv → flat → out, and conv → out as well: the output `out` (no softmax now) is fed twice; the layer goes below it.
    const g = setParam(connect(lectureChain(), 'conv', 'out'), 'out', 'activation', 'relu');
    const r = addAtEnd(g, 'Dense', analyzeGraph(g).order);
    expect(pairs(r.graph)).toContain(`out>${r.id}`);
  });
});

describe('removeAndJoin', () => {
  it('joins the neighbours of a deleted middle layer', () => {
    const g = removeAndJoin(lectureChain(), ['flat'], []);
    expect(g.nodes.map((n) => n.id)).toEqual(['in', 'conv', 'out']);
    expect(pairs(g)).toEqual(['conv>out', 'in>conv']);
  });

  it('joins across several deleted layers in a row, even when their connections were selected too', () => {
    const g = removeAndJoin(lectureChain(), ['conv', 'flat'], ['e1', 'e2', 'e3']);
    expect(pairs(g)).toEqual(['in>out']);
  });

  it('does not join around the ends of the chain, nor around a layer with two inputs', () => {
    expect(pairs(removeAndJoin(lectureChain(), ['out'], []))).toEqual(['conv>flat', 'in>conv']);
    const branchy: Graph = {
      nodes: [...lectureChain().nodes, node('add', 'Dense', { units: 3 }), node('side', 'Dense', { units: 3 })],
      edges: [
        { id: 'a', source: 'in', target: 'add' },
        { id: 'b', source: 'conv', target: 'add' },
        { id: 'c', source: 'add', target: 'side' },
      ],
    };
    expect(pairs(removeAndJoin(branchy, ['add'], []))).toEqual([]);
  });

  it('removes only what it is asked to when no layer is deleted', () => {
    const g = lectureChain();
    expect(removeAndJoin(g, [], [])).toBe(g);
    expect(pairs(removeAndJoin(g, [], ['e2']))).toEqual(['flat>out', 'in>conv']);
    expect(pairs(removeElements(g, ['flat'], []))).toEqual(['in>conv']);
  });
});

describe('moveNodes, setParam, renameNode', () => {
  it('keeps the same graph (and node objects) when nothing changes', () => {
    const g = lectureChain();
    expect(moveNodes(g, new Map([['conv', { x: 0.2, y: 127.9 }]]))).toBe(g);
    const moved = moveNodes(g, new Map([['conv', { x: 5, y: 6 }]]));
    expect(at(moved, 'conv')).toEqual({ x: 5, y: 6 });
    expect(moved.nodes[0]).toBe(g.nodes[0]);
    expect(setParam(g, 'conv', 'filters', 4)).toBe(g);
    expect(renameNode(g, 'conv', '')).toBe(g);
  });

  it('sets and removes a raw parameter, and renames', () => {
    const g = setParam(lectureChain(), 'conv', 'filters', 32);
    expect(g.nodes[1]!.params['filters']).toBe(32);
    expect('filters' in setParam(g, 'conv', 'filters', undefined).nodes[1]!.params).toBe(false);
    expect(renameNode(g, 'conv', 'features').nodes[1]!.name).toBe('features');
  });
});
