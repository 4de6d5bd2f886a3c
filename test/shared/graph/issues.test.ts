/**
 * Every kind of issue: which node or connection it is attached to, that its sentence starts
 * with the layer's name, and that it says what to do. Complements validation.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { analyzeGraph, type GraphAnalysis } from '../../../src-shared/graph/analyze';
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

/** input_layer (a) → conv2d (b) → flatten (c) → dense (d), connected a→b→c→d by e1, e2, e3. */
function lecture(): Graph {
  return {
    nodes: [
      node('a', 'InputLayer', 'input_layer', { shape: [28, 28, 1] }),
      node('b', 'Conv2D', 'conv2d', { filters: 10, kernel_size: 3, padding: 'same', activation: 'relu' }),
      node('c', 'Flatten', 'flatten'),
      node('d', 'Dense', 'dense', { units: 10, activation: 'softmax' }),
    ],
    edges: [edge('e1', 'a', 'b'), edge('e2', 'b', 'c'), edge('e3', 'c', 'd')],
  };
}

/** A chain input_layer → <layers…>, with ids n1, n2, … and connections c1, c2, … */
function chain(input: unknown, ...layers: [GraphNode['kind'], string, Record<string, unknown>][]): Graph {
  const nodes = [
    node('n1', 'InputLayer', 'input_layer', { shape: input }),
    ...layers.map(([k, name, p], i) => node(`n${i + 2}`, k, name, p)),
  ];
  return { nodes, edges: nodes.slice(1).map((n, i) => edge(`c${i + 1}`, nodes[i]!.id, n.id)) };
}

function issuesOf(graph: Graph, code: IssueCode): { analysis: GraphAnalysis; found: GraphIssue[] } {
  const analysis = analyzeGraph(graph);
  return { analysis, found: analysis.issues.filter((i) => i.code === code) };
}

/** The one issue with this code; checks the graph is invalid and the issue is in its node's report. */
function one(graph: Graph, code: IssueCode): GraphIssue {
  const { analysis, found } = issuesOf(graph, code);
  expect(found, JSON.stringify(analysis.issues, null, 1)).toHaveLength(1);
  expect(analysis.valid).toBe(false);
  const issue = found[0]!;
  if ('node' in issue.target) expect(analysis.nodes.get(issue.target.node)!.issues).toContainEqual(issue);
  return issue;
}

describe('each issue is attached where it belongs, names the layer and says what to do', () => {
  it('no Input', () => {
    const g = lecture();
    g.nodes.shift();
    g.edges.shift();
    const i = one(g, 'no-input');
    expect(i.target).toEqual({ node: 'b' });
    expect(en(i)).toMatch(/^conv2d: .*add an Input layer and connect it here$/);
  });

  it('two Inputs: the second one, even when it is connected', () => {
    const g = lecture();
    g.nodes.push(node('z', 'InputLayer', 'input_layer_1', { shape: [28, 28, 1] }));
    g.edges.push(edge('e4', 'z', 'd'));
    const i = one(g, 'many-inputs');
    expect(i.target).toEqual({ node: 'z' });
    expect(en(i)).toBe('input_layer_1: a network has exactly one Input and input_layer is already it — delete this one');
  });

  it('a cycle away from the Input is reported on the connection that closes it', () => {
    const g = lecture();
    g.nodes.push(node('x', 'Dense', 'dense_1', { units: 4 }), node('y', 'Dense', 'dense_2', { units: 4 }));
    g.edges.push(edge('xy', 'x', 'y'), edge('yx', 'y', 'x'));
    const i = one(g, 'cycle');
    expect(i.target).toEqual({ edge: 'yx' });
    expect(en(i)).toMatch(/^dense_2 → dense_1 closes a loop \(dense_1 → dense_2 → dense_1\) — .*delete this connection$/);
    // ... and both layers of the loop are also not connected to the Input
    expect(issuesOf(g, 'disconnected').found.map((x) => x.target)).toEqual([{ node: 'x' }, { node: 'y' }]);
  });

  it('an Input connected to itself: a loop, and a connection into the Input', () => {
    const g = lecture();
    g.edges.push(edge('self', 'a', 'a'));
    expect(one(g, 'cycle').target).toEqual({ edge: 'self' });
    const i = one(g, 'input-has-incoming');
    expect(worded(i)).toMatchObject({
      target: { edge: 'self' },
      message: 'input_layer: an Input cannot receive a connection — delete the connection from input_layer',
    });
  });

  it('a one-input layer fed by two connections: on that layer, saying to merge first; the branch itself is fine', () => {
    const g = lecture();
    g.edges.push(edge('skip', 'a', 'c'));
    const i = one(g, 'too-many-inbound');
    expect(i.target).toEqual({ node: 'c' });
    expect(en(i)).toBe(
      'flatten: receives 2 connections, but Flatten takes one input — join the branches first with a merge layer (Add, Concatenate, …) and connect that to flatten',
    );
    expect(analyzeGraph(g).issues).toHaveLength(1);
  });

  it('a second end: the deeper one is the output, the other branch goes nowhere', () => {
    const g = lecture();
    g.nodes.push(node('x', 'Dense', 'dense_1', { units: 3 }));
    g.edges.push(edge('e4', 'b', 'x'));
    const { analysis } = issuesOf(g, 'dead-end');
    expect(worded(one(g, 'dead-end'))).toMatchObject({
      target: { node: 'x' },
      message: 'dense_1: its output goes nowhere — the model ends at dense; connect dense_1 to a later layer or a merge, or delete it',
    });
    // Shapes still flow down both branches, so the user sees what each would give.
    expect(analysis.order).toEqual(['a', 'b', 'c', 'd']);
    expect(analysis.nodes.get('d')!.output).toBeDefined();
    expect(analysis.nodes.get('x')!.output!.shape).toEqual([28, 28, 3]); // Dense acts on conv2d's last axis
    expect(analysis.valid).toBe(false);
  });

  it('a disconnected layer, even with bad values, gets both issues', () => {
    const g = lecture();
    g.nodes.push(node('x', 'Dropout', 'dropout', { rate: 2 }));
    expect(worded(one(g, 'disconnected'))).toMatchObject({
      target: { node: 'x' },
      message: 'dropout: is not connected to input_layer — connect it to the network or delete it',
    });
    expect(worded(one(g, 'bad-param'))).toMatchObject({
      target: { node: 'x' },
      param: 'rate',
      message: expect.stringMatching(/^dropout: rate must be below 1/),
    });
  });

  it('a dangling connection, from or to nowhere', () => {
    const g = lecture();
    g.edges.push(edge('from-nowhere', 'ghost', 'b'));
    const i = one(g, 'dangling-edge');
    expect(worded(i)).toMatchObject({
      target: { edge: 'from-nowhere' },
      message: 'connection from-nowhere points to a layer that does not exist — delete the connection',
    });
    // A dangling connection is not a second input of conv2d.
    expect(issuesOf(g, 'too-many-inbound').found).toEqual([]);
  });

  it('the same connection twice', () => {
    const g = lecture();
    g.edges.push(edge('again', 'b', 'c'));
    expect(worded(one(g, 'duplicate-edge'))).toMatchObject({
      target: { edge: 'again' },
      message: 'conv2d → flatten is connected twice — delete one of the connections',
    });
    expect(issuesOf(g, 'too-many-inbound').found).toEqual([]);
  });

  it('duplicate names: Keras needs unique names, rename one', () => {
    const g = lecture();
    g.nodes[2]!.name = 'dense';
    const i = one(g, 'duplicate-name');
    expect(i).toMatchObject({ target: { node: 'd' }, param: 'name' });
    expect(en(i)).toBe('dense: another layer already has this name — Keras needs unique names; rename one of them');
  });

  it('a duplicate id (a damaged file) is reported, not mixed up', () => {
    const g = lecture();
    g.nodes.push(node('d', 'Dense', 'dense_9', { units: 3 }));
    const { analysis, found } = issuesOf(g, 'duplicate-id');
    expect(found).toHaveLength(1);
    const i = found[0]!;
    expect(i.target).toEqual({ node: 'd' });
    // The first layer with the id is the one analysed; the copy is not mistaken for a second layer.
    expect(analysis.nodes.get('d')!.name).toBe('dense');
    expect(analysis.issues.filter((x) => x.code !== 'duplicate-id')).toEqual([]);
    expect(en(i)).toMatch(/^dense_9: another layer has the same id 'd' — .*delete one of them$/);
  });

  it('an empty canvas is the only issue attached to the graph itself', () => {
    const { issues } = analyzeGraph({ nodes: [], edges: [edge('e', 'x', 'y')] });
    expect(issues).toEqual([{ target: { graph: true }, code: 'empty', values: {} }]);
    expect(en(issues[0]!)).toBe('The canvas is empty — add an Input layer, then the layers that follow it');
  });
});

describe('bad values name the layer, the parameter and what it must be', () => {
  it.each<[string, unknown, string]>([
    ['a zero', [28, 0, 1], 'input_layer: shape: each dimension of shape must be at least 1 (got [28,0,1])'],
    ['a fraction', [28, 28.5, 1], 'input_layer: shape: each dimension of shape must be a whole number (got [28,28.5,1])'],
    ['a negative size', [-28, 28, 1], 'input_layer: shape: each dimension of shape must be at least 1 (got [-28,28,1])'],
    ['no dimension', [], 'input_layer: shape needs at least one dimension, e.g. 28, 28, 1 (got [])'],
    ['four dimensions', [1, 28, 28, 1], 'input_layer: shape may have at most 3 dimensions (height, width, channels) (got [1,28,28,1])'],
    ['text', '28x28', 'input_layer: shape must be a list of whole numbers, e.g. 28, 28, 1 (got "28x28")'],
  ])('Input shape with %s', (_what, shape, message) => {
    const i = one(chain(shape), 'bad-param');
    expect(worded(i)).toMatchObject({ target: { node: 'n1' }, param: 'shape', message });
  });

  it.each<[Record<string, unknown>, string, string]>([
    [{ filters: 4, kernel_size: 2.5 }, 'kernel_size', 'conv2d: kernel_size must be a whole number ≥ 1 or a pair of them (got 2.5)'],
    [{ filters: 4, kernel_size: [3] }, 'kernel_size', 'conv2d: kernel_size must be a whole number ≥ 1 or a pair of them (got [3])'],
    [
      { filters: 4, kernel_size: [3, 3, 3] },
      'kernel_size',
      'conv2d: kernel_size must be a whole number ≥ 1 or a pair of them (got [3,3,3])',
    ],
    [{ filters: 4, kernel_size: 3, strides: 0 }, 'strides', 'conv2d: strides must be at least 1 (got 0)'],
    [{ filters: 4, kernel_size: 3, strides: [1, -2] }, 'strides', 'conv2d: strides must be at least 1 (got [1,-2])'],
    [
      { filters: 4, kernel_size: 3, dilation_rate: 1.5 },
      'dilation_rate',
      'conv2d: dilation_rate must be a whole number ≥ 1 or a pair of them (got 1.5)',
    ],
    [{ kernel_size: 3 }, 'filters', 'conv2d: filters must be a number (got nothing)'],
    [{ filters: 4, kernel_size: 3, use_bias: 'yes' }, 'use_bias', 'conv2d: use_bias must be true or false (got "yes")'],
  ])('Conv2D %j', (params, param, message) => {
    expect(worded(one(chain([28, 28, 1], ['Conv2D', 'conv2d', params]), 'bad-param'))).toMatchObject({
      target: { node: 'n2' },
      param,
      message,
    });
  });

  it.each<[number, string]>([
    [NaN, 'dense: units must be a number (got NaN)'],
    [Infinity, 'dense: units must be a number (got Infinity)'],
    [0, 'dense: units must be at least 1 (got 0)'],
    [12.5, 'dense: units must be a whole number (got 12.5)'],
  ])('Dense units %d: the message shows the value as typed', (units, message) => {
    expect(worded(one(chain([16], ['Dense', 'dense', { units }]), 'bad-param'))).toMatchObject({
      target: { node: 'n2' },
      param: 'units',
      message,
    });
  });

  it.each<[unknown, RegExp]>([
    [1, /^dropout: rate must be below 1 .*— use a value such as 0\.5 \(got 1\)$/],
    [1.5, /^dropout: rate must be below 1 .*\(got 1\.5\)$/],
    [-0.1, /^dropout: rate must be at least 0 .*\(got -0\.1\)$/],
    ['half', /^dropout: rate must be a number \(got "half"\)$/],
  ])('Dropout rate %j', (rate, message) => {
    expect(worded(one(chain([16], ['Dropout', 'dropout', { rate }]), 'bad-param'))).toMatchObject({
      target: { node: 'n2' },
      param: 'rate',
      message: expect.stringMatching(message),
    });
  });

  it('pool_size 0 and a 3-long strides list on a pooling layer', () => {
    const { found } = issuesOf(chain([28, 28, 1], ['MaxPooling2D', 'max_pooling2d', { pool_size: 0, strides: [1, 2, 3] }]), 'bad-param');
    expect(found.map((i) => [i.target, i.param])).toEqual([
      [{ node: 'n2' }, 'pool_size'],
      [{ node: 'n2' }, 'strides'],
    ]);
    expect(found.every((i) => en(i).startsWith('max_pooling2d: '))).toBe(true);
  });

  it('an activation TensorFlow.js layers cannot run is named with the ones it can', () => {
    const i = one(chain([16], ['Activation', 'activation', { activation: 'leaky_relu' }]), 'bad-param');
    expect(i).toMatchObject({ target: { node: 'n2' }, param: 'activation' });
    expect(en(i)).toMatch(/^activation: activation must be one of linear, relu, .*\(got "leaky_relu"\)$/);
  });

  it.each<[unknown, string]>([
    [5, '5'],
    [{}, '{}'],
    [false, 'false'],
  ])('an activation that is not even text (%j) gets the same sentence, not "Invalid input"', (activation, got) => {
    const i = one(chain([16], ['Dense', 'dense', { units: 2, activation }]), 'bad-param');
    expect(en(i)).toBe(
      `dense: activation must be one of linear, relu, relu6, elu, selu, sigmoid, hard_sigmoid, tanh, softmax, softplus, softsign, swish, mish, gelu (got ${got})`,
    );
  });

  it('BatchNormalization momentum outside [0, 1] and epsilon 0', () => {
    const { found } = issuesOf(chain([16], ['BatchNormalization', 'batch_normalization', { momentum: 2, epsilon: 0 }]), 'bad-param');
    expect(found.map(en)).toEqual([
      'batch_normalization: momentum must be between 0 and 1 (got 2)',
      'batch_normalization: epsilon must be greater than 0 (got 0)',
    ]);
  });

  it('strides > 1 with dilation > 1 on different axes is still refused, on strides', () => {
    const i = one(
      chain([28, 28, 1], ['Conv2D', 'conv2d', { filters: 1, kernel_size: 3, strides: [2, 1], dilation_rate: [1, 2] }]),
      'bad-param',
    );
    expect(i).toMatchObject({ target: { node: 'n2' }, param: 'strides' });
    expect(en(i)).toBe('conv2d: strides > 1 cannot be combined with dilation_rate > 1 (Keras forbids it) — set one of them to 1');
  });
});

describe('shape errors', () => {
  it("the issue's own example: conv2d_1: a 5×5 kernel does not fit its 4×4 input", () => {
    // 6×6 → conv2d 3×3 'valid' → 6 − 3 + 1 = 4 → conv2d_1 5×5 'valid' needs 5 > 4
    const g = chain(
      [6, 6, 1],
      ['Conv2D', 'conv2d', { filters: 2, kernel_size: 3 }],
      ['Conv2D', 'conv2d_1', { filters: 2, kernel_size: 5 }],
    );
    const i = one(g, 'shape');
    expect(i).toMatchObject({
      target: { node: 'n3' },
      param: 'kernel_size',
      values: { node: 'conv2d_1' },
      problem: { code: 'kernel-too-large', values: { kh: 5, kw: 5, h: 4, w: 4 }, param: 'kernel_size' },
    });
    expect(en(i)).toBe("conv2d_1: a 5×5 kernel does not fit its 4×4 input with padding 'valid' — use padding 'same' or a smaller kernel");
    // The layer before keeps its shape; the one at fault has none.
    const a = analyzeGraph(g);
    expect(a.nodes.get('n2')!.output!.shape).toEqual([4, 4, 2]);
    expect(a.nodes.get('n3')!.output).toBeUndefined();
  });

  it('a non-square kernel names both sides: 1×5 on 4 wide', () => {
    const i = one(chain([9, 4, 1], ['Conv2D', 'conv2d', { filters: 1, kernel_size: [1, 5] }]), 'shape');
    expect(en(i)).toBe("conv2d: a 1×5 kernel does not fit its 9×4 input with padding 'valid' — use padding 'same' or a smaller kernel");
  });

  it.each<[GraphNode['kind'], Record<string, unknown>]>([
    ['Conv2D', { filters: 1, kernel_size: 1 }],
    ['MaxPooling2D', {}],
    ['AveragePooling2D', {}],
    ['GlobalAveragePooling2D', {}],
  ])('%s after Flatten is a rank error on that layer', (kind, params) => {
    const i = one(chain([28, 28, 1], ['Flatten', 'flatten', {}], [kind, 'late', params]), 'shape');
    expect(i.target).toEqual({ node: 'n3' });
    expect(en(i)).toBe(
      `late: ${kind} needs a 3-D input (height, width, channels) but receives (None, 784) — place it before Flatten/Dense, or give the Input a shape like 28, 28, 1`,
    );
  });

  it('a layer after an error has no shape and no invented issue', () => {
    const g = chain(
      [4, 4, 1],
      ['Conv2D', 'conv2d', { filters: 1, kernel_size: 5 }],
      ['Flatten', 'flatten', {}],
      ['Dense', 'dense', { units: 3 }],
    );
    const a = analyzeGraph(g);
    expect(a.issues.map((i) => [i.code, i.target])).toEqual([['shape', { node: 'n2' }]]);
    expect(a.nodes.get('n4')!.output).toBeUndefined();
  });

  it('errors are returned, never thrown, even for values JSON cannot hold', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    const g = chain([8, 8, 1], ['Conv2D', 'conv2d', { filters: cyclic, kernel_size: 10n }]);
    let a: GraphAnalysis | undefined;
    expect(() => (a = analyzeGraph(g))).not.toThrow();
    expect(a!.issues.map((i) => i.param)).toEqual(['filters', 'kernel_size']);
  });
});
