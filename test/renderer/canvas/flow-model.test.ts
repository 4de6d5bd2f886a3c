import { describe, expect, it } from 'vitest';
import { issueText } from '../../../src-shared/i18n/issue-text';
import { describeText } from '../../../src-shared/i18n/layer-text';
import type { Graph } from '../../../src-shared/graph/schema';
import { analyzeGraph } from '../../../src-shared/graph/analyze';
import { createFlowModel } from '../../../src-renderer/canvas/flow-model';
import { connect, moveNodes, NODE_WIDTH, setParam } from '../../../src-renderer/store/graph-edit';
import { layoutGraph } from '../../../src-renderer/store/layout';
import { NO_SELECTION } from '../../../src-renderer/store/project-store';

/** The lecture's first layers: Input 28×28×1 → Conv2D 10 × 3×3 same relu → Flatten. */
const graph: Graph = {
  nodes: [
    { id: 'n1', kind: 'InputLayer', name: 'input_layer', params: { shape: [28, 28, 1] }, position: { x: 0, y: 0 } },
    {
      id: 'n2',
      kind: 'Conv2D',
      name: 'conv2d',
      params: { filters: 10, kernel_size: [3, 3], padding: 'same', activation: 'relu' },
      position: { x: 0, y: 130 },
    },
    { id: 'n3', kind: 'Flatten', name: 'flatten', params: {}, position: { x: 0, y: 260 } },
  ],
  edges: [
    { id: 'e1', source: 'n1', target: 'n2' },
    { id: 'e2', source: 'n2', target: 'n3' },
  ],
};

const NONE = new Map<string, { width: number; height: number }>();

describe('createFlowModel', () => {
  it('shows each layer with its output shape, parameter count and settings', () => {
    const { nodes, edges } = createFlowModel()(graph, analyzeGraph(graph), NO_SELECTION, NONE);
    const conv = nodes[1]!;
    expect(conv).toMatchObject({ id: 'n2', type: 'layer', position: { x: 0, y: 130 }, selected: false });
    expect(describeText('en', conv.data.description!)).toBe('10 × 3×3, same, relu');
    expect(conv.data).toMatchObject({
      kind: 'Conv2D',
      name: 'conv2d',
      group: 'Convolution',
      shape: '(None, 28, 28, 10)',
      params: 100,
      problems: [],
    });
    expect(nodes[2]!.data.shape).toBe('(None, 7840)');
    expect(nodes[0]!.data.params).toBe(0);
    expect(edges.map((e) => [e.id, e.source, e.target, e.sourceHandle, e.targetHandle])).toEqual([
      ['e1', 'n1', 'n2', 'out', 'in'],
      ['e2', 'n2', 'n3', 'out', 'in'],
    ]);
    expect(edges[1]!.data).toEqual({
      shape: '(None, 28, 28, 10)',
      sourceName: 'conv2d',
      targetName: 'flatten',
      problem: null,
      port: null,
      detour: null,
    });
    expect(nodes.map((n) => [n.data.merge, n.data.inputs, n.data.outputs])).toEqual([
      [false, 0, 1],
      [false, 1, 1],
      [false, 1, 0],
    ]);
  });

  it('returns the same objects for what did not change, new ones for what did', () => {
    const build = createFlowModel();
    const first = build(graph, analyzeGraph(graph), NO_SELECTION, NONE);
    const again = build(graph, analyzeGraph(graph), NO_SELECTION, NONE);
    expect(again.nodes).toEqual(first.nodes);
    again.nodes.forEach((n, i) => expect(n).toBe(first.nodes[i]));
    again.edges.forEach((e, i) => expect(e).toBe(first.edges[i]));

    const moved = moveNodes(graph, new Map([['n3', { x: 40, y: 300 }]]));
    const afterMove = build(moved, analyzeGraph(moved), NO_SELECTION, NONE);
    expect(afterMove.nodes[0]).toBe(first.nodes[0]);
    expect(afterMove.nodes[2]).not.toBe(first.nodes[2]);
    expect(afterMove.nodes[2]!.position).toEqual({ x: 40, y: 300 });
    // Only the position changed: the data object is kept, so the memoised node does not re-render.
    expect(afterMove.nodes[2]!.data).toBe(first.nodes[2]!.data);
  });

  it('marks the selection and carries measured sizes', () => {
    const build = createFlowModel();
    const { nodes, edges } = build(
      graph,
      analyzeGraph(graph),
      { nodes: ['n2'], edges: ['e1'] },
      new Map([['n2', { width: 280, height: 96 }]]),
    );
    expect(nodes.map((n) => n.selected)).toEqual([false, true, false]);
    expect(nodes[1]!.measured).toEqual({ width: 280, height: 96 });
    expect(nodes[0]!.measured).toBeUndefined();
    expect(edges.map((e) => e.selected)).toEqual([true, false]);
  });

  it('shows problems on the layer at fault and hides what cannot be known after it', () => {
    const bad = setParam(setParam(graph, 'n1', 'shape', [4, 4, 1]), 'n2', 'kernel_size', [5, 5]);
    const wrong = setParam(bad, 'n2', 'padding', 'valid');
    const { nodes, edges } = createFlowModel()(wrong, analyzeGraph(wrong), NO_SELECTION, NONE);
    expect(nodes[1]!.data.problems).toHaveLength(1);
    expect(nodes[1]!.data.problems[0]).toMatchObject({ code: 'shape', problem: { code: 'kernel-too-large' } });
    expect(issueText('en', nodes[1]!.data.problems[0]!)).toMatch(/^conv2d: a 5×5 kernel does not fit/);
    expect(nodes[1]!.data.shape).toBeNull();
    expect(nodes[2]!.data.shape).toBeNull();
    expect(nodes[0]!.data.problems).toEqual([]);
    expect(edges[0]!.data!.shape).toBe('(None, 4, 4, 1)');
  });

  it('marks a connection at fault with its problem and a class', () => {
    const cyclic: Graph = { ...graph, edges: [...graph.edges, { id: 'e3', source: 'n3', target: 'n2' }] };
    const { edges } = createFlowModel()(cyclic, analyzeGraph(cyclic), NO_SELECTION, NONE);
    const back = edges.find((e) => e.id === 'e3')!;
    expect(back.data!.problem).toMatchObject({ code: 'cycle', values: { source: 'flatten', target: 'conv2d' } });
    expect(back.className).toBe('has-error');
    expect(edges.find((e) => e.id === 'e1')!.className).toBeUndefined();
  });

  it('labels each connection on every branch with its source’s output shape', () => {
    // The Input feeds the convolution and, on a second branch, a Flatten.
    const fan = connect(graph, 'n1', 'n3');
    const { edges } = createFlowModel()(fan, analyzeGraph(fan), NO_SELECTION, NONE);
    expect(edges.map((e) => [e.data!.sourceName, e.data!.targetName, e.data!.shape])).toEqual([
      ['input_layer', 'conv2d', '(None, 28, 28, 1)'],
      ['conv2d', 'flatten', '(None, 28, 28, 10)'],
      ['input_layer', 'flatten', '(None, 28, 28, 1)'],
    ]);
  });

  it('sends a connection that would run through a layer along a lane beside it', () => {
    // input_layer → conv2d → flatten in one column, plus input_layer → flatten straight through conv2d.
    const skip = connect(graph, 'n1', 'n3');
    const { edges } = createFlowModel()(skip, analyzeGraph(skip), NO_SELECTION, NONE);
    const through = edges.find((e) => e.id === 'e3')!;
    expect(through.data!.detour).not.toBeNull();
    const lane = through.data!.detour!;
    expect(lane.x < 0 || lane.x > NODE_WIDTH).toBe(true);
    expect([lane.top, lane.bottom]).toEqual([130, 130 + 84]);
    expect(edges.filter((e) => e.id !== 'e3').every((e) => e.data!.detour === null)).toBe(true);
  });
});

// Needs the merge kinds (Add, Concatenate) from the `merges` branch.
describe('createFlowModel with merges', () => {
  /** input_layer → conv2d, and conv2d + input_layer joined by an Add: a residual connection. */
  const residual = (): Graph => {
    const withAdd: Graph = {
      nodes: [
        ...graph.nodes.slice(0, 2),
        {
          id: 'n4',
          kind: 'Conv2D',
          name: 'conv2d_1',
          params: { filters: 1, kernel_size: [3, 3], padding: 'same' },
          position: { x: 0, y: 0 },
        },
        { id: 'n5', kind: 'Add', name: 'add', params: {}, position: { x: 0, y: 0 } },
      ],
      edges: [
        { id: 'e1', source: 'n1', target: 'n2' },
        { id: 'e2', source: 'n2', target: 'n4' },
      ],
    };
    return layoutGraph(connect(connect(withAdd, 'n4', 'n5'), 'n1', 'n5'));
  };

  it('gives a merge one numbered input point per connection, in input order, and the shapes on each', () => {
    const g = residual();
    const { nodes, edges } = createFlowModel()(g, analyzeGraph(g), NO_SELECTION, NONE);
    const add = nodes.find((n) => n.id === 'n5')!;
    expect(add.data).toMatchObject({ merge: true, inputs: 2, outputs: 0, shape: '(None, 28, 28, 1)' });
    const into = edges.filter((e) => e.target === 'n5').map((e) => [e.data!.sourceName, e.targetHandle, e.data!.port, e.data!.shape]);
    expect(into).toEqual([
      ['conv2d_1', 'in-0', 1, '(None, 28, 28, 1)'],
      ['input_layer', 'in-1', 2, '(None, 28, 28, 1)'],
    ]);
    expect(nodes.find((n) => n.id === 'n1')!.data.outputs).toBe(2);
  });

  it('lays a residual block out so that no connection needs a detour', () => {
    const g = residual();
    const { edges } = createFlowModel()(g, analyzeGraph(g), NO_SELECTION, NONE);
    expect(edges.map((e) => e.data!.detour)).toEqual(edges.map(() => null));
  });
});
