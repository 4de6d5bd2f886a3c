import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { engineCommandSchema } from '../../../src-shared/engine/protocol';
import { defaultTrainingSettings } from '../../../src-shared/project/training';
import type { Project } from '../../../src-shared/project/schema';
import { deepArrayText } from '../support/hostile-json';

const TEMPLATE = JSON.parse(readFileSync(new URL('../../../assets/templates/lecture-cnn.convas.json', import.meta.url), 'utf8')) as Project;

/** A train command for the lecture CNN with one of dense_1's settings replaced. */
function trainWith(units: unknown): unknown {
  const graph = structuredClone(TEMPLATE.graph);
  graph.nodes.find((n) => n.name === 'dense_1')!.params['units'] = units;
  return { type: 'train', runId: 'r1', graph, settings: defaultTrainingSettings() };
}

describe('a train command crossing a process boundary', () => {
  it('passes with the lecture CNN', () => {
    expect(engineCommandSchema.safeParse(trainWith(10)).success).toBe(true);
  });

  it('is refused when a setting is nested 10,000 deep, too long, not finite or has a forbidden key, naming the node and setting', () => {
    const hostile: [unknown, string][] = [
      [JSON.parse(deepArrayText(10_000)), 'setting-too-deep'],
      [new Array(100_000).fill(1), 'setting-list-too-long'],
      [NaN, 'setting-not-finite'],
      [[Infinity], 'setting-not-finite'],
      [JSON.parse('{"__proto__": 1}'), 'setting-forbidden-key'],
    ];
    const index = TEMPLATE.graph.nodes.findIndex((n) => n.name === 'dense_1');
    for (const [units, code] of hostile) {
      const r = engineCommandSchema.safeParse(trainWith(units));
      expect(r.success, code).toBe(false);
      expect(r.error?.issues.map((i) => [i.path, i.message])).toEqual([[['graph', 'nodes', index, 'params', 'units'], code]]);
    }
  });

  it('is refused with too many nodes or a huge layer name', () => {
    const graph = structuredClone(TEMPLATE.graph);
    graph.nodes[0]!.name = 'x'.repeat(1_000_000);
    expect(engineCommandSchema.safeParse({ type: 'train', runId: 'r1', graph, settings: defaultTrainingSettings() }).success).toBe(false);
    const many = { nodes: Array.from({ length: 10_001 }, (_, i) => ({ ...TEMPLATE.graph.nodes[0]!, id: `n${i}` })), edges: [] };
    expect(engineCommandSchema.safeParse({ type: 'train', runId: 'r1', graph: many, settings: defaultTrainingSettings() }).success).toBe(
      false,
    );
  });
});
