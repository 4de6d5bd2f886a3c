import { describe, expect, it } from 'vitest';
import type { Graph } from '../../../src-shared/graph/schema';
import { EMPTY_HISTORY, record, redo, undo } from '../../../src-renderer/store/history';

/** A distinct graph per label (history compares graphs by reference). */
function graph(label: string): Graph {
  return { nodes: [{ id: label, kind: 'Flatten', name: label, params: {}, position: { x: 0, y: 0 } }], edges: [] };
}

describe('history', () => {
  it('undoes and redoes whole graphs in order', () => {
    const [a, b, c] = [graph('a'), graph('b'), graph('c')];
    let h = record(EMPTY_HISTORY, a, undefined, 0); // a → b
    h = record(h, b, undefined, 10); // b → c
    const back = undo(h, c)!;
    expect(back.graph).toBe(b);
    const back2 = undo(back.history, back.graph)!;
    expect(back2.graph).toBe(a);
    expect(undo(back2.history, back2.graph)).toBeUndefined();
    const fwd = redo(back2.history, back2.graph)!;
    expect(fwd.graph).toBe(b);
    expect(redo(fwd.history, fwd.graph)!.graph).toBe(c);
  });

  it('forgets the redo steps when a new change is recorded', () => {
    const [a, b] = [graph('a'), graph('b')];
    const h = record(EMPTY_HISTORY, a, undefined, 0);
    const back = undo(h, b)!;
    expect(back.history.future).toEqual([b]);
    expect(record(back.history, a, undefined, 5).future).toEqual([]);
    expect(redo(EMPTY_HISTORY, a)).toBeUndefined();
  });

  it('merges changes with the same key in quick succession into one step, and only those', () => {
    const [a, b, c] = [graph('a'), graph('b'), graph('c')];
    let h = record(EMPTY_HISTORY, a, 'filters', 0); // typing "1"
    h = record(h, b, 'filters', 500); // "12": same step
    h = record(h, c, 'filters', 1000); // "128": same step
    expect(h.past).toEqual([a]);
    expect(record(h, c, 'units', 1100).past).toEqual([a, c]); // another field: a new step
    expect(record(h, c, 'filters', 1000 + 1500).past).toEqual([a, c]); // a pause: a new step
    expect(record(h, c, undefined, 1001).past).toEqual([a, c]); // unkeyed changes never merge
  });

  it('keeps at most 200 steps, dropping the oldest', () => {
    const graphs = Array.from({ length: 205 }, (_, i) => graph(`g${i}`));
    let h = EMPTY_HISTORY;
    for (const g of graphs) h = record(h, g, undefined, 0);
    expect(h.past).toHaveLength(200);
    expect(h.past[0]).toBe(graphs[5]);
    expect(h.past.at(-1)).toBe(graphs[204]);
  });
});
