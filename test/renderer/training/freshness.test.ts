import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseProject } from '../../../src-shared/project/io';
import type { Graph } from '../../../src-shared/graph/schema';
import { defaultTrainingSettings } from '../../../src-shared/project/training';
import { freshnessOf, graphSignature } from '../../../src-renderer/training/freshness';
import { beginRun, markNetworkReplaced } from '../../../src-renderer/training/run-state';
import { initialTrainingState, useTrainingStore } from '../../../src-renderer/training/training-store';

function template(name: string): Graph {
  const parsed = parseProject(readFileSync(new URL(`../../../assets/templates/${name}.convas.json`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(`template ${name}: ${parsed.error.code}`);
  return parsed.project.graph;
}

/** The graph with one node's params changed, as an edit in the inspector makes it. */
function withParams(graph: Graph, name: string, params: Record<string, unknown>): Graph {
  return { ...graph, nodes: graph.nodes.map((n) => (n.name === name ? { ...n, params: { ...n.params, ...params } } : n)) };
}

const lecture = template('lecture-cnn');

describe('whom training results belong to', () => {
  beforeEach(() => useTrainingStore.setState(initialTrainingState));

  it('results of the network on the canvas are current, also after its nodes only moved', () => {
    const trainedOn = { name: 'Lecture CNN', signature: graphSignature(lecture) };
    expect(freshnessOf(trainedOn, false, lecture)).toBe('current');
    const moved = { ...lecture, nodes: lecture.nodes.map((n) => ({ ...n, position: { x: n.position.x + 40, y: n.position.y } })) };
    expect(freshnessOf(trainedOn, false, moved)).toBe('current');
  });

  it('an edit that changes the weights’ shapes (more units) makes them the network’s as it was; undoing it makes them current again', () => {
    const trainedOn = { name: 'Lecture CNN', signature: graphSignature(lecture) };
    const dense = lecture.nodes.find((n) => n.kind === 'Dense')!;
    const edited = withParams(lecture, dense.name, { units: 64 });
    expect(freshnessOf(trainedOn, false, edited)).toBe('edited');
    expect(freshnessOf(trainedOn, false, lecture)).toBe('current');
  });

  it('an invalid graph on the canvas is never the trained one', () => {
    const trainedOn = { name: 'Lecture CNN', signature: graphSignature(lecture) };
    const broken = withParams(lecture, lecture.nodes.find((n) => n.kind === 'Conv2D')!.name, { filters: 0 });
    expect(graphSignature(broken)).toBeNull();
    expect(freshnessOf(trainedOn, false, broken)).toBe('edited');
  });

  it('loading another network (even the same template again) makes them the previous network’s until the next run', () => {
    beginRun('run-1', defaultTrainingSettings(), { name: 'Lecture CNN', signature: graphSignature(lecture) });
    markNetworkReplaced();
    const s = useTrainingStore.getState();
    expect(s.replaced).toBe(true);
    expect(freshnessOf(s.trainedOn, s.replaced, template('lenet-5'))).toBe('replaced');
    expect(freshnessOf(s.trainedOn, s.replaced, lecture)).toBe('replaced');
    beginRun('run-2', defaultTrainingSettings(), { name: 'LeNet-5', signature: graphSignature(template('lenet-5')) });
    expect(useTrainingStore.getState()).toMatchObject({ replaced: false, trainedOn: { name: 'LeNet-5' } });
  });

  it('loading a network before any run has nothing to mark', () => {
    markNetworkReplaced();
    expect(useTrainingStore.getState().replaced).toBe(false);
  });
});
