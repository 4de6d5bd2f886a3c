import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../src-shared/graph/analyze';
import { graphFromLayers, type RawLayer } from '../../../src-shared/graph/network';
import type { Graph } from '../../../src-shared/graph/schema';
import { summarize } from '../../../src-shared/summary/summary';
import { applyWhatIfEdit } from '../../../src-shared/what-if/edit';
import { whatIfsOf, type WhatIf } from '../../../src-shared/what-if/what-if';
import { TEMPLATE_IDS } from '../../../src-shared/project/templates';
import { FUNCTIONAL_GRAPHS } from '../support/functional-graphs';

const template = (id: string): Graph =>
  (JSON.parse(readFileSync(new URL(`../../../assets/templates/${id}.convas.json`, import.meta.url), 'utf8')) as { graph: Graph }).graph;

/** The what-ifs of the node named `name`. */
function whatIfs(graph: Graph, name: string): WhatIf[] {
  const analysis = analyzeGraph(graph);
  const node = graph.nodes.find((n) => n.name === name)!;
  return whatIfsOf(graph, analysis, summarize(analysis), node.id);
}

const byId = (list: readonly WhatIf[], id: string): WhatIf => {
  const found = list.find((w) => w.alternative.id === id);
  if (!found) throw new Error(`no ${id} among ${list.map((w) => w.alternative.id).join(', ')}`);
  return found;
};

/** The outcome, asserted to keep the network valid. */
const ok = (w: WhatIf) => {
  if (!w.outcome.ok) throw new Error(`${w.alternative.id} breaks: ${JSON.stringify(w.outcome.issues)}`);
  return w.outcome;
};

const lecture = template('lecture-cnn');

describe('what-if of a Conv2D (the lecture: 3×3, 10 filters, same, stride 1; 197,210 parameters)', () => {
  const list = whatIfs(lecture, 'conv2d');

  it('offers only the settings it does not have', () => {
    expect(list.map((w) => w.alternative.id)).toEqual(['padding-valid', 'strides-2', 'kernel-5', 'filters-5', 'filters-20']);
  });

  it('padding valid: 28×28 becomes 26×26, and the Dense after Flatten loses 27,000 weights', () => {
    const o = ok(byId(list, 'padding-valid'));
    expect(o.totals.params).toBe(197_210 - 27_000);
    expect(o.delta.params).toBe(-27_000);
    expect(o.shapes.map((s) => [s.name, s.before, s.after])).toEqual([
      ['conv2d', [28, 28, 10], [26, 26, 10]],
      ['max_pooling2d', [14, 14, 10], [13, 13, 10]],
      ['flatten', [1960], [1690]],
    ]);
    // Conv2D MACs 28·28·10·9 → 26·26·10·9; Dense 1960·100 → 1690·100.
    expect(o.delta.macs).toBe((26 * 26 - 28 * 28) * 90 + (1690 - 1960) * 100);
    expect(o.delta.memoryBytes).toBe(4 * ((26 * 26 - 28 * 28) * 10 + (13 * 13 - 14 * 14) * 10 + (1690 - 1960)));
  });

  it('kernel 5: 160 more weights, no shape changes', () => {
    const o = ok(byId(list, 'kernel-5'));
    expect(o.delta).toEqual({ params: 160, macs: 28 * 28 * 10 * 16, memoryBytes: 0 });
    expect(o.shapes).toEqual([]);
  });

  it('stride 2 halves the map, and filters ×2 doubles the Dense weights', () => {
    expect(ok(byId(list, 'strides-2')).totals.params).toBe(100 + 490 * 100 + 100 + 1010);
    expect(byId(list, 'filters-20').alternative.values).toEqual({ from: 10, to: 20 });
    expect(ok(byId(list, 'filters-20')).totals.params).toBe(200 + 3920 * 100 + 100 + 1010);
    expect(ok(byId(list, 'filters-5')).totals.params).toBe(50 + 980 * 100 + 100 + 1010);
  });
});

describe('what-if of the other kinds', () => {
  it('pooling: the other kind, renamed from its automatic name, same totals; padding and stride 1', () => {
    const list = whatIfs(lecture, 'max_pooling2d');
    expect(list.map((w) => w.alternative.id)).toEqual(['pooling-AveragePooling2D', 'padding-same', 'strides-1', 'dropout-on']);
    const swap = byId(list, 'pooling-AveragePooling2D');
    expect(swap.alternative.edit).toMatchObject({ type: 'swap-kind', kind: 'AveragePooling2D', name: 'average_pooling2d' });
    expect(ok(swap).delta).toEqual({ params: 0, macs: 0, memoryBytes: 0 });
    expect(ok(byId(list, 'strides-1')).shapes.map((s) => s.after)).toEqual([[27, 27, 10], [7290]]);
  });

  it('pooling: a name the user chose stays', () => {
    const named = { ...lecture, nodes: lecture.nodes.map((n) => (n.name === 'max_pooling2d' ? { ...n, name: 'pool' } : n)) };
    expect(byId(whatIfs(named, 'pool'), 'pooling-AveragePooling2D').alternative.edit).toMatchObject({ name: 'pool' });
  });

  it('Dense: half and twice the units; the output layer gets no Dropout after it', () => {
    const hidden = whatIfs(lecture, 'dense');
    expect(hidden.map((w) => w.alternative.id)).toEqual(['units-50', 'units-200', 'dropout-on']);
    expect(ok(byId(hidden, 'units-50')).delta.params).toBe(-(1960 * 50 + 50) - 500);
    expect(whatIfs(lecture, 'dense_1').map((w) => w.alternative.id)).toEqual(['units-5', 'units-20']);
  });

  it('dropout on after Flatten costs only its activations; off removes them again', () => {
    const on = byId(whatIfs(lecture, 'flatten'), 'dropout-on');
    expect(on.alternative.values).toEqual({ rate: 0.5 });
    expect(ok(on).delta).toEqual({ params: 0, macs: 0, memoryBytes: 1960 * 4 });
    const withDropout = applyWhatIfEdit(lecture, on.alternative.edit);
    const off = byId(whatIfs(withDropout, 'dropout'), 'dropout-off');
    expect(ok(off).delta).toEqual({ params: 0, macs: 0, memoryBytes: -1960 * 4 });
    expect(applyWhatIfEdit(withDropout, off.alternative.edit).edges.map((e) => [e.source, e.target])).toEqual(
      lecture.edges.map((e) => [e.source, e.target]),
    );
  });

  it('no Dropout after a layer that already feeds one', () => {
    expect(whatIfs(template('lecture-cnn-dropout'), 'flatten').some((w) => w.alternative.id === 'dropout-on')).toBe(false);
  });

  it('none for the Input, nor while the network has a problem', () => {
    expect(whatIfs(lecture, 'input_layer')).toEqual([]);
    const broken = { ...lecture, edges: lecture.edges.slice(1) };
    expect(whatIfs(broken, 'conv2d')).toEqual([]);
  });
});

describe('what-if that breaks the network says why, as issues', () => {
  it('a 5×5 kernel on a 4×4 input with valid padding', () => {
    const g = graphFromLayers([
      { kind: 'InputLayer', params: { shape: [4, 4, 1] } },
      { kind: 'Conv2D', params: { filters: 2, kernel_size: 3 } },
      { kind: 'Flatten', params: {} },
      { kind: 'Dense', params: { units: 2 } },
    ]);
    const w = byId(whatIfs(g, 'conv2d'), 'kernel-5');
    expect(w.outcome.ok).toBe(false);
    if (!w.outcome.ok)
      expect(w.outcome.issues.map((i) => [i.code, 'problem' in i ? i.problem.code : ''])).toEqual([['shape', 'kernel-too-large']]);
  });

  it('stride 2 on a dilated convolution is refused by its own settings', () => {
    const g = graphFromLayers([
      { kind: 'InputLayer', params: { shape: [16, 16, 1] } },
      { kind: 'Conv2D', params: { filters: 2, kernel_size: 3, dilation_rate: 2 } },
      { kind: 'Flatten', params: {} },
      { kind: 'Dense', params: { units: 2 } },
    ]);
    const w = byId(whatIfs(g, 'conv2d'), 'strides-2');
    expect(w.outcome.ok ? [] : w.outcome.issues.map((i) => [i.code, 'problem' in i ? i.problem.code : ''])).toEqual([
      ['bad-param', 'strides-with-dilation'],
    ]);
  });

  it('a branch that no longer matches the other at the merge', () => {
    const layers: RawLayer[] = [
      { kind: 'InputLayer', name: 'in', params: { shape: [8, 8, 1] } },
      { kind: 'Conv2D', name: 'a', params: { filters: 2, kernel_size: 3, padding: 'same' }, inbound: ['in'] },
      { kind: 'Conv2D', name: 'b', params: { filters: 2, kernel_size: 1 }, inbound: ['in'] },
      { kind: 'Add', name: 'add', params: {}, inbound: ['a', 'b'] },
      { kind: 'Flatten', name: 'flatten', params: {}, inbound: ['add'] },
      { kind: 'Dense', name: 'out', params: { units: 2 }, inbound: ['flatten'] },
    ];
    const list = whatIfs(graphFromLayers(layers), 'a');
    const why = (id: string) => {
      const o = byId(list, id).outcome;
      return o.ok ? [] : o.issues.map((i) => [i.code, i.target, 'problem' in i ? i.problem.code : '']);
    };
    expect(why('padding-valid')).toEqual([['shape', { node: 'n4' }, 'merge-shapes']]);
    expect(why('strides-2')).toEqual([['shape', { node: 'n4' }, 'merge-stride']]);
    expect(why('filters-4')).toEqual([['shape', { node: 'n4' }, 'merge-filters']]);
    // One channel broadcasts against two, as Keras's Add allows.
    expect(why('filters-1')).toEqual([]);
    expect(byId(list, 'kernel-5').outcome.ok).toBe(true);
  });
});

describe('every template and functional network', () => {
  const graphs: [string, Graph][] = [
    ...TEMPLATE_IDS.map((id): [string, Graph] => [id, template(id)]),
    ...Object.entries(FUNCTIONAL_GRAPHS).map(([id, layers]): [string, Graph] => [id, graphFromLayers(layers)]),
  ];
  it.each(graphs)('%s: each prediction equals the summary of the edited graph', (_, graph) => {
    const analysis = analyzeGraph(graph);
    expect(analysis.valid).toBe(true);
    let offered = 0;
    for (const node of graph.nodes) {
      for (const w of whatIfsOf(graph, analysis, summarize(analysis), node.id)) {
        offered++;
        const s = summarize(analyzeGraph(applyWhatIfEdit(graph, w.alternative.edit)));
        expect(w.outcome.ok).toBe(s !== undefined);
        if (w.outcome.ok)
          expect(w.outcome.totals).toEqual({ params: s!.totalParams, macs: s!.totalMacs, memoryBytes: s!.totalMemoryBytes });
      }
    }
    expect(offered).toBeGreaterThan(3);
  });
});
