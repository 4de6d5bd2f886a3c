import { describe, expect, it } from 'vitest';
import type { Graph, GraphNode } from '../../../src-shared/graph/schema';
import { graphFromLayers } from '../../../src-shared/graph/network';
import { layoutGraph, layoutPositions } from '../../../src-renderer/store/layout';
import { hasOverlaps, moveNodes, NODE_GAP, NODE_HEIGHT, NODE_WIDTH, RANK_GAP } from '../../../src-renderer/store/graph-edit';
import { branchesInOneColumn, tidyProject } from '../../../src-renderer/store/tidy';
import type { Project } from '../../../src-shared/project/schema';
import { newProject } from '../../../src-renderer/store/new-project';

function node(id: string, kind: GraphNode['kind'] = 'Dense', params: Record<string, unknown> = { units: 4 }): GraphNode {
  return { id, kind, name: id, params, position: { x: 0, y: 0 } };
}

function graphOf(ids: readonly string[], pairs: readonly (readonly [string, string])[]): Graph {
  return {
    nodes: ids.map((id, i) => (i === 0 ? node(id, 'InputLayer', { shape: [8] }) : node(id))),
    edges: pairs.map(([source, target], i) => ({ id: `e${i + 1}`, source, target })),
  };
}

/** Input → c1 → c2 → c3 → join → out, with a skip connection c1 → join: a residual block's shape. */
const residual = graphOf(
  ['in', 'c1', 'c2', 'c3', 'join', 'out'],
  [
    ['in', 'c1'],
    ['c1', 'c2'],
    ['c2', 'c3'],
    ['c3', 'join'],
    ['c1', 'join'],
    ['join', 'out'],
  ],
);

/** Input → three branches of lengths 1, 2 and 1 → join → out: an Inception block's shape. */
const inception = graphOf(
  ['in', 'b1', 'b2a', 'b2b', 'b3', 'join', 'out'],
  [
    ['in', 'b1'],
    ['in', 'b2a'],
    ['b2a', 'b2b'],
    ['in', 'b3'],
    ['b1', 'join'],
    ['b2b', 'join'],
    ['b3', 'join'],
    ['join', 'out'],
  ],
);

const box = (p: { x: number; y: number }) => ({ ...p, width: NODE_WIDTH, height: NODE_HEIGHT });

describe('layoutPositions', () => {
  it('stacks a chain in one straight column at the measured heights, and puts a loose layer beside it', () => {
    const chain = graphOf(
      ['in', 'conv', 'flat', 'out', 'loose'],
      [
        ['in', 'conv'],
        ['conv', 'flat'],
        ['flat', 'out'],
      ],
    );
    const laid = layoutGraph(chain, new Map([['conv', { width: NODE_WIDTH, height: 200 }]]));
    expect(laid.nodes.map((n) => n.position)).toEqual([
      { x: 0, y: 0 },
      { x: 0, y: NODE_HEIGHT + RANK_GAP },
      { x: 0, y: NODE_HEIGHT + RANK_GAP + 200 + RANK_GAP },
      { x: 0, y: 2 * (NODE_HEIGHT + RANK_GAP) + 200 + RANK_GAP },
      { x: NODE_WIDTH + NODE_GAP, y: 0 },
    ]);
    expect(hasOverlaps(laid)).toBe(false);
    expect(hasOverlaps(moveNodes(laid, new Map([['loose', { x: 10, y: 10 }]])))).toBe(true);
  });

  it('puts every layer below the layers that feed it, and no two boxes on top of each other', () => {
    for (const g of [residual, inception]) {
      const at = layoutPositions(g);
      for (const e of g.edges) expect(at.get(e.target)!.y).toBeGreaterThanOrEqual(at.get(e.source)!.y + NODE_HEIGHT + RANK_GAP);
      const boxes = [...at.values()].map(box);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i]!, boxes[j]!];
          const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
          expect(apart).toBe(true);
        }
    }
  });

  it('lines up the tops of the layers in one row, even when one is taller', () => {
    const at = layoutPositions(inception, new Map([['b1', { width: NODE_WIDTH, height: 140 }]]));
    expect(at.get('b1')!.y).toBe(at.get('b2b')!.y);
    expect(at.get('b3')!.y).toBe(at.get('b2b')!.y);
  });

  it('sets the branches of an Inception-style block side by side, at least a gap apart', () => {
    const at = layoutPositions(inception);
    const firsts = ['b1', 'b2a', 'b3'].map((id) => at.get(id)!);
    // The two one-layer branches sit level with one of the longer branch's layers.
    const xs = [...new Set(['b1', 'b2a', 'b2b', 'b3'].map((id) => at.get(id)!.x))].sort((a, b) => a - b);
    expect(xs).toHaveLength(3);
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(NODE_WIDTH + NODE_GAP);
    expect(at.get('b2b')!.x).toBe(at.get('b2a')!.x);
    expect(firsts.every((p) => p.y > at.get('in')!.y)).toBe(true);
    expect(at.get('join')!.y).toBeGreaterThan(Math.max(...['b1', 'b2b', 'b3'].map((id) => at.get(id)!.y)));
  });

  it('moves the layers a skip connection passes to the side, so it does not run through them', () => {
    const at = layoutPositions(residual);
    const skipX = at.get('c1')!.x + NODE_WIDTH / 2;
    for (const id of ['c2', 'c3']) {
      const p = at.get(id)!;
      expect(skipX < p.x || skipX > p.x + NODE_WIDTH).toBe(true);
    }
    expect(at.get('join')!.x).toBe(at.get('c1')!.x);
  });

  it('gives the same drawing for the same graph, starting at the origin, and leaves an empty graph alone', () => {
    expect(layoutPositions(inception)).toEqual(layoutPositions(inception));
    const at = [...layoutPositions(inception).values()];
    expect(Math.min(...at.map((p) => p.x))).toBe(0);
    expect(Math.min(...at.map((p) => p.y))).toBe(0);
    const empty: Graph = { nodes: [], edges: [] };
    expect(layoutGraph(empty)).toBe(empty);
  });

  it('lays out a graph with a loop without failing', () => {
    const loop: Graph = { ...residual, edges: [...residual.edges, { id: 'back', source: 'c3', target: 'c2' }] };
    expect(layoutPositions(loop).size).toBe(loop.nodes.length);
  });
});

describe('tidyProject', () => {
  const project = (graph: Graph): Project => ({ ...newProject('p'), graph });

  it('lays out an import whose branches sit in one column, and keeps a chain as the file placed it', () => {
    const imported = graphFromLayers([
      { kind: 'InputLayer', name: 'in', params: { shape: [8] } },
      { kind: 'Dense', name: 'a', params: { units: 4 } },
      { kind: 'Dense', name: 'b', params: { units: 4 }, inbound: ['in'] },
      { kind: 'Dense', name: 'c', params: { units: 4 }, inbound: ['a'] },
    ]);
    expect(branchesInOneColumn(imported)).toBe(true);
    const tidied = tidyProject(project(imported)).graph;
    const x = (name: string) => tidied.nodes.find((n) => n.name === name)!.position.x;
    expect(x('a')).not.toBe(x('b'));

    const chain = graphFromLayers([
      { kind: 'InputLayer', name: 'in', params: { shape: [8] } },
      { kind: 'Dense', name: 'a', params: { units: 4 } },
    ]);
    expect(branchesInOneColumn(chain)).toBe(false);
    const p = project(chain);
    expect(tidyProject(p)).toBe(p);
  });
});

// Needs the merge kinds (Concatenate) from the `merges` branch.
describe('layoutPositions with merges', () => {
  /** The Inception-style block joined by a Concatenate whose inputs are numbered in `order`. */
  const joinedBy = (order: readonly string[]): Graph => ({
    nodes: inception.nodes.map((n) => (n.id === 'join' ? { ...n, kind: 'Concatenate', params: {} } : n)),
    edges: inception.edges.map((e) => (e.target === 'join' ? { ...e, port: order.indexOf(e.source) } : e)),
  });

  it('stands a merge’s inputs that share a row left to right in input order, so their connections do not cross', () => {
    for (const order of [
      ['b1', 'b2b', 'b3'],
      ['b3', 'b2b', 'b1'],
      ['b2b', 'b1', 'b3'],
    ]) {
      const at = layoutPositions(joinedBy(order));
      const xs = order.map((id) => at.get(id)!.x);
      expect(xs).toEqual([...xs].sort((a, b) => a - b));
    }
  });

  it('still lays out two merges that want the same two layers in opposite orders', () => {
    const g: Graph = {
      nodes: [node('in', 'InputLayer', { shape: [8] }), node('a'), node('b'), node('m1', 'Add', {}), node('m2', 'Add', {})],
      edges: [
        { id: '1', source: 'in', target: 'a' },
        { id: '2', source: 'in', target: 'b' },
        { id: '3', source: 'a', target: 'm1', port: 0 },
        { id: '4', source: 'b', target: 'm1', port: 1 },
        { id: '5', source: 'b', target: 'm2', port: 0 },
        { id: '6', source: 'a', target: 'm2', port: 1 },
      ],
    };
    const at = layoutPositions(g);
    expect(at.size).toBe(5);
    expect(at.get('a')!.y).toBe(at.get('b')!.y);
  });
});
