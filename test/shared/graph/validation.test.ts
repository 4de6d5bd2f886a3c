import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../src-shared/graph/analyze';
import { graphFromLayers, type RawLayer } from '../../../src-shared/graph/network';
import type { Graph, GraphNode } from '../../../src-shared/graph/schema';
import type { GraphIssue, IssueCode } from '../../../src-shared/graph/issues';
import { issueText } from '../../../src-shared/i18n/issue-text';

/** The English sentence of an issue, worded by the dictionary. */
const en = (issue: GraphIssue) => issueText('en', issue);
/** An issue with its English sentence beside its code and values. */
const worded = (issue: GraphIssue) => ({ ...issue, message: en(issue) });

const node = (id: string, kind: GraphNode['kind'], name: string, params: Record<string, unknown> = {}): GraphNode => ({
  id,
  kind,
  name,
  params,
  position: { x: 0, y: 0 },
});
const edge = (id: string, source: string, target: string) => ({ id, source, target });

const lecture: RawLayer[] = [
  { kind: 'InputLayer', name: 'input_layer', params: { shape: [28, 28, 1] } },
  { kind: 'Conv2D', name: 'conv2d', params: { filters: 10, kernel_size: 3, padding: 'same', activation: 'relu' } },
  { kind: 'Flatten', name: 'flatten', params: {} },
  { kind: 'Dense', name: 'dense', params: { units: 10, activation: 'softmax' } },
];

function only(graph: Graph, code: IssueCode): GraphIssue {
  const a = analyzeGraph(graph);
  expect(a.valid).toBe(false);
  const found = a.issues.filter((i) => i.code === code);
  expect(found, JSON.stringify(a.issues)).toHaveLength(1);
  return found[0]!;
}

describe('graph validation', () => {
  it('a valid chain has no issues', () => {
    const a = analyzeGraph(graphFromLayers(lecture));
    expect(a.issues).toEqual([]);
    expect(a.valid).toBe(true);
    expect(a.chain).toEqual(['n1', 'n2', 'n3', 'n4']);
  });

  it('an empty canvas says to add an Input', () => {
    const a = analyzeGraph({ nodes: [], edges: [] });
    expect(a.issues).toEqual([expect.objectContaining({ code: 'empty', target: { graph: true } })]);
  });

  it('no Input: the layer nothing feeds is told to get one', () => {
    const g = graphFromLayers(lecture.slice(1));
    const i = only(g, 'no-input');
    expect(i.target).toEqual({ node: 'n1' });
    expect(en(i)).toBe('conv2d: nothing feeds this layer and the network has no Input — add an Input layer and connect it here');
  });

  it('two Inputs: the second is to be deleted', () => {
    const g = graphFromLayers(lecture);
    g.nodes.push(node('x', 'InputLayer', 'input_layer_1', { shape: [28, 28, 1] }));
    const i = only(g, 'many-inputs');
    expect(i.target).toEqual({ node: 'x' });
    expect(en(i)).toMatch(/^input_layer_1: a network has exactly one Input .* delete this one$/);
  });

  it('a cycle is reported on the connection that closes it', () => {
    const g = graphFromLayers(lecture);
    g.edges.push(edge('back', 'n4', 'n2'));
    const i = only(g, 'cycle');
    expect(i).toEqual({
      target: { edge: 'back' },
      code: 'cycle',
      values: { source: 'dense', target: 'conv2d', path: 'conv2d → flatten → dense → conv2d' },
    });
    expect(en(i)).toBe(
      'dense → conv2d closes a loop (conv2d → flatten → dense → conv2d) — a network must flow one way from the Input; delete this connection',
    );
  });

  it('a self-loop is a cycle too', () => {
    const g = graphFromLayers(lecture);
    g.edges.push(edge('self', 'n3', 'n3'));
    expect(only(g, 'cycle').target).toEqual({ edge: 'self' });
  });

  it('a connection into the Input is refused', () => {
    const g = graphFromLayers(lecture);
    g.edges.push(edge('into', 'n4', 'n1'));
    const i = analyzeGraph(g).issues.find((x) => x.code === 'input-has-incoming')!;
    expect(i.target).toEqual({ edge: 'into' });
    expect(en(i)).toMatch(/^input_layer: an Input cannot receive a connection — delete the connection from dense$/);
  });

  it('a branch is fine, but a one-input layer fed by two branches is told to merge them first', () => {
    const g = graphFromLayers(lecture);
    g.nodes.push(node('d2', 'Dense', 'dense_2', { units: 10 }));
    g.edges.push(edge('e-fan', 'n3', 'd2'), edge('e-merge', 'd2', 'n4'));
    const a = analyzeGraph(g);
    expect(a.issues.map((i) => i.code)).toEqual(['too-many-inbound']);
    expect(worded(a.issues[0]!)).toMatchObject({
      target: { node: 'n4' },
      message:
        'dense: receives 2 connections, but Dense takes one input — join the branches first with a merge layer (Add, Concatenate, …) and connect that to dense',
    });
    expect(a.valid).toBe(false);
  });

  it('a layer not connected to the Input is reported', () => {
    const g = graphFromLayers(lecture);
    g.nodes.push(node('lonely', 'Dropout', 'dropout', { rate: 0.5 }));
    const i = only(g, 'disconnected');
    expect(worded(i)).toMatchObject({
      target: { node: 'lonely' },
      message: 'dropout: is not connected to input_layer — connect it to the network or delete it',
    });
  });

  it('a connection to a layer that does not exist is reported on the connection', () => {
    const g = graphFromLayers(lecture);
    g.edges.push(edge('ghost', 'n4', 'nope'));
    expect(only(g, 'dangling-edge').target).toEqual({ edge: 'ghost' });
  });

  it('duplicate names are reported on the second layer', () => {
    const g = graphFromLayers(lecture);
    g.nodes[3]!.name = 'conv2d';
    expect(only(g, 'duplicate-name')).toMatchObject({ target: { node: 'n4' }, param: 'name' });
    expect(
      analyzeGraph(g)
        .nodes.get('n4')!
        .issues.map((i) => i.code),
    ).toContain('duplicate-name');
  });
});

describe('bad values are errors with the parameter named, never exceptions', () => {
  const withConv = (params: Record<string, unknown>) => {
    const layers = [...lecture];
    layers[1] = { kind: 'Conv2D', name: 'conv2d', params };
    return graphFromLayers(layers);
  };

  it.each([
    [{ filters: 0, kernel_size: 3 }, 'filters', 'conv2d: filters must be at least 1 (got 0)'],
    [{ filters: -4, kernel_size: 3 }, 'filters', 'conv2d: filters must be at least 1 (got -4)'],
    [{ filters: 2.5, kernel_size: 3 }, 'filters', 'conv2d: filters must be a whole number (got 2.5)'],
    [{ filters: 'ten', kernel_size: 3 }, 'filters', 'conv2d: filters must be a number (got "ten")'],
    [{ filters: 4, kernel_size: [3, -1] }, 'kernel_size', 'conv2d: kernel_size must be at least 1 (got [3,-1])'],
    [{ filters: 4, kernel_size: 3, padding: 'circular' }, 'padding', `conv2d: padding must be 'valid' or 'same' (got "circular")`],
  ])('%j → %s', (params, param, message) => {
    const i = only(withConv(params), 'bad-param');
    expect(i).toMatchObject({ values: { node: 'conv2d' }, problem: { values: { param } } });
    expect(worded(i)).toMatchObject({ target: { node: 'n2' }, param, message });
  });

  it('strides > 1 together with dilation > 1 (Keras forbids it)', () => {
    const i = only(withConv({ filters: 4, kernel_size: 3, strides: 2, dilation_rate: 2 }), 'bad-param');
    expect(en(i)).toBe('conv2d: strides > 1 cannot be combined with dilation_rate > 1 (Keras forbids it) — set one of them to 1');
  });

  it.each([
    [1, 'rate must be below 1 (1 would drop every unit) — use a value such as 0.5 (got 1)'],
    [-0.1, 'rate must be at least 0 (0 keeps every unit) (got -0.1)'],
  ])('dropout rate %d', (rate, message) => {
    const g = graphFromLayers([...lecture.slice(0, 3), { kind: 'Dropout', name: 'dropout', params: { rate } }, lecture[3]!]);
    expect(en(only(g, 'bad-param'))).toBe(`dropout: ${message}`);
  });

  it('a kernel larger than its input says how to fix it', () => {
    const g = graphFromLayers([
      { kind: 'InputLayer', name: 'input_layer', params: { shape: [8, 8, 1] } },
      { kind: 'MaxPooling2D', name: 'max_pooling2d', params: {} },
      { kind: 'Conv2D', name: 'conv2d_1', params: { filters: 4, kernel_size: 5 } },
    ]);
    const i = only(g, 'shape');
    expect(i).toMatchObject({ target: { node: 'n3' }, param: 'kernel_size' });
    expect(en(i)).toBe("conv2d_1: a 5×5 kernel does not fit its 4×4 input with padding 'valid' — use padding 'same' or a smaller kernel");
  });

  it('Conv2D after Flatten needs a 3-D input', () => {
    const g = graphFromLayers([
      lecture[0]!,
      { kind: 'Flatten', name: 'flatten', params: {} },
      { kind: 'Conv2D', name: 'conv2d', params: { filters: 1, kernel_size: 1 } },
    ]);
    expect(en(only(g, 'shape'))).toMatch(/^conv2d: Conv2D needs a 3-D input \(height, width, channels\) but receives \(None, 784\)/);
  });

  it('shapes stop at an error and resume nowhere downstream, but later parameter errors still show', () => {
    const g = graphFromLayers([
      { kind: 'InputLayer', name: 'input_layer', params: { shape: [28, 28, 1] } },
      { kind: 'Conv2D', name: 'conv2d', params: { filters: 0, kernel_size: 3 } },
      { kind: 'Dense', name: 'dense', params: { units: -1 } },
    ]);
    const a = analyzeGraph(g);
    expect(a.nodes.get('n2')!.output).toBeUndefined();
    expect(a.nodes.get('n3')!.output).toBeUndefined();
    expect(a.issues.map((i) => i.target)).toEqual([{ node: 'n2' }, { node: 'n3' }]);
  });
});
