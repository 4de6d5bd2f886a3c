import { describe, expect, it } from 'vitest';
import type { Graph } from '../../../src-shared/graph/schema';
import { analyzeGraph } from '../../../src-shared/graph/analyze';
import { translator } from '../../../src-shared/i18n/catalog';
import { edgeLabeller, nodeLabeller } from '../../../src-renderer/canvas/aria-labels';
import { createFlowModel, type LayerFlowNode, type ShapeFlowEdge } from '../../../src-renderer/canvas/flow-model';
import { connect } from '../../../src-renderer/store/graph-edit';
import { NO_SELECTION } from '../../../src-renderer/store/project-store';

const NONE = new Map<string, { width: number; height: number }>();

/** input_layer feeds dense and dense_1; an Add joins them, and feeds a Dense. */
const branchy = (): Graph => {
  const g: Graph = {
    nodes: [
      { id: 'n1', kind: 'InputLayer', name: 'input_layer', params: { shape: [8] }, position: { x: 0, y: 0 } },
      { id: 'n2', kind: 'Dense', name: 'dense', params: { units: 4 }, position: { x: 0, y: 130 } },
      { id: 'n3', kind: 'Dense', name: 'dense_1', params: { units: 4 }, position: { x: 340, y: 130 } },
      { id: 'n4', kind: 'Add', name: 'add', params: {}, position: { x: 0, y: 260 } },
      { id: 'n5', kind: 'Dense', name: 'dense_2', params: { units: 2 }, position: { x: 0, y: 390 } },
    ],
    edges: [
      { id: 'e1', source: 'n1', target: 'n2' },
      { id: 'e2', source: 'n1', target: 'n3' },
      { id: 'e3', source: 'n4', target: 'n5' },
    ],
  };
  return connect(connect(g, 'n2', 'n4'), 'n3', 'n4');
};

function labelled(language: 'en' | 'ko') {
  const g = branchy();
  const { nodes, edges } = createFlowModel()(g, analyzeGraph(g), NO_SELECTION, NONE);
  const t = translator(language, 'app');
  return { nodes: nodes.map(nodeLabeller<LayerFlowNode>(t)), edges: edges.map(edgeLabeller<ShapeFlowEdge>(t)) };
}

// Needs the merge kind Add from the `merges` branch.
describe('accessible names on the canvas', () => {
  it('names a merge with how many inputs it joins, a branching layer with how many it feeds, a chain layer plainly', () => {
    const { nodes } = labelled('en');
    expect(nodes.map((n) => n.ariaLabel)).toEqual([
      'input_layer (Input): feeds 2 layers',
      'dense (Dense)',
      'dense_1 (Dense)',
      'add (Add): 2 inputs, feeds 1 layer',
      'dense_2 (Dense)',
    ]);
  });

  it('names a connection into a merge by the input it feeds, in English and Korean', () => {
    const en = labelled('en').edges.map((e) => e.ariaLabel);
    expect(en).toContain('Connection from dense_1 to input 2 of add');
    expect(en).toContain('Connection from input_layer to dense');
    const ko = labelled('ko');
    expect(ko.edges.map((e) => e.ariaLabel)).toContain('dense_1에서 add의 2번째 입력으로 가는 연결');
    expect(ko.nodes[3]!.ariaLabel).toBe('add (Add): 입력 2개, 1개 층으로 출력');
  });

  it('keeps the labelled object for an unchanged node, so React Flow skips it', () => {
    const g = branchy();
    const build = createFlowModel();
    const label = nodeLabeller<LayerFlowNode>(translator('en', 'app'));
    const first = build(g, analyzeGraph(g), NO_SELECTION, NONE).nodes.map(label);
    const again = build(g, analyzeGraph(g), NO_SELECTION, NONE).nodes.map(label);
    again.forEach((n, i) => expect(n).toBe(first[i]));
  });
});
