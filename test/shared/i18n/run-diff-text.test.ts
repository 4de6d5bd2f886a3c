import { describe, expect, it } from 'vitest';
import { translator } from '../../../src-shared/i18n/catalog';
import { graphFromLayers } from '../../../src-shared/graph/network';
import type { Graph } from '../../../src-shared/graph/schema';
import { diffGraphs } from '../../../src-shared/runs/graph-diff';
import { diffLines, diffTotals, formatParamValue } from '../../../src-shared/i18n/run-diff-text';

const t = translator('en', 'experiments');

/** `after` with the node ids `before` gives its layers of the same name, as an edit on the canvas keeps them. */
function keepIds(before: Graph, after: Graph): Graph {
  const byName = new Map(before.nodes.map((n) => [n.name, n.id]));
  const id = new Map(after.nodes.map((n) => [n.id, byName.get(n.name) ?? `new-${n.id}`]));
  return {
    nodes: after.nodes.map((n) => ({ ...n, id: id.get(n.id)! })),
    edges: after.edges.map((e) => ({ ...e, source: id.get(e.source)!, target: id.get(e.target)! })),
  };
}

describe('the design diff in words', () => {
  it('writes settings as Keras does', () => {
    expect(formatParamValue('en', [3, 3], '(none)')).toBe('(3, 3)');
    expect(formatParamValue('en', 12800, '(none)')).toBe('12,800');
    expect(formatParamValue('en', 'same', '(none)')).toBe('same');
    expect(formatParamValue('en', undefined, '(none)')).toBe('(none)');
    expect(formatParamValue('en', false, '(none)')).toBe('false');
  });

  it('lists an added layer, a changed setting, and the parameters it adds', () => {
    const before = graphFromLayers([
      { kind: 'InputLayer', params: { shape: [28, 28, 1] } },
      { kind: 'Conv2D', params: { filters: 8, kernel_size: [3, 3] } },
      { kind: 'Flatten', params: {} },
      { kind: 'Dense', params: { units: 10, activation: 'softmax' } },
    ]);
    const after = keepIds(
      before,
      graphFromLayers([
        { kind: 'InputLayer', params: { shape: [28, 28, 1] } },
        { kind: 'Conv2D', params: { filters: 16, kernel_size: [3, 3] } },
        { kind: 'MaxPooling2D', params: {} },
        { kind: 'Flatten', params: {} },
        { kind: 'Dense', params: { units: 10, activation: 'softmax' } },
      ]),
    );
    const diff = diffGraphs(before, after);
    const lines = diffLines('en', t, diff);
    const added = lines.filter((l) => l.kind === 'added');
    expect(added.map((l) => l.layerKind)).toEqual(['MaxPooling2D']);
    expect(lines.filter((l) => l.kind === 'removed')).toEqual([]);
    const conv = lines.find((l) => l.kind === 'changed' && l.layerKind === 'Conv2D');
    expect(conv?.details).toContain('filters: 8 → 16');
    const totals = diffTotals('en', t, diff);
    // Conv2D 8 → 16 filters: +80 weights; the Dense sees 13·13·16 instead of 26·26·8 inputs.
    expect(diff.params.delta).toBe(80 + (13 * 13 * 16 - 26 * 26 * 8) * 10);
    expect(totals.params).toBe('Δ parameters: \u221226,960');
  });
});
