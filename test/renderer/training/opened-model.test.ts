// A model opened from files as the training store holds it: current under the engine's runId with
// no run, its results stale after an edit as a trained run's are, gone when a run starts; the
// feature-map viewer asks the engine about it by that runId.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EngineApi } from '../../../src-shared/engine/engine-api';
import type { EngineCommand, EngineEventOf } from '../../../src-shared/engine/protocol';
import type { Graph } from '../../../src-shared/graph/schema';
import { parseProject } from '../../../src-shared/project/io';
import { defaultTrainingSettings } from '../../../src-shared/project/training';
import { freshnessOf, graphSignature } from '../../../src-renderer/training/freshness';
import { adoptOpenedModel, beginRun } from '../../../src-renderer/training/run-state';
import { initialTrainingState, useTrainingStore } from '../../../src-renderer/training/training-store';
import { chooseDrawing, requestView, resetInspections, setInspectEngine } from '../../../src-renderer/inspect/inspect-store';

function lecture(): Graph {
  const parsed = parseProject(readFileSync(new URL('../../../assets/templates/lecture-cnn.convas.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.code);
  return parsed.project.graph;
}

const OPENED: EngineEventOf<'model-opened'> = {
  type: 'model-opened',
  runId: 'run-opened',
  name: 'sequential',
  graph: lecture(),
  classNames: ['0', '1'],
  classNamesWorded: false,
  image: { height: 28, width: 28, channels: 1 },
  description: 'unknown',
  normalization: { kind: 'unit' },
  testSamples: 'no-dataset',
  testCount: 0,
};

describe('an opened model in the training store', () => {
  beforeEach(() => useTrainingStore.setState(initialTrainingState));

  it('is current under its runId, ready for inspection, with no run and the feature maps shown', () => {
    adoptOpenedModel(
      { event: OPENED, files: ['model.json', 'weights.bin'] },
      { name: 'sequential', signature: graphSignature(OPENED.graph) },
    );
    expect(useTrainingStore.getState()).toMatchObject({
      runId: 'run-opened',
      modelReady: true,
      status: 'idle',
      tab: 'featuremaps',
      finished: null,
      opened: { files: ['model.json', 'weights.bin'] },
    });
  });

  it('is stale after an edit that changes the network, as a trained run is', () => {
    const graph = OPENED.graph;
    adoptOpenedModel({ event: OPENED, files: [] }, { name: 'sequential', signature: graphSignature(graph) });
    const { trainedOn, replaced } = useTrainingStore.getState();
    expect(freshnessOf(trainedOn, replaced, graph)).toBe('current');
    const dense = graph.nodes.find((n) => n.kind === 'Dense')!;
    const edited = { ...graph, nodes: graph.nodes.map((n) => (n === dense ? { ...n, params: { ...n.params, units: 7 } } : n)) };
    expect(freshnessOf(trainedOn, replaced, edited)).toBe('edited');
  });

  it('is forgotten when a training run starts', () => {
    adoptOpenedModel({ event: OPENED, files: [] }, { name: 'sequential', signature: null });
    beginRun('run-2', defaultTrainingSettings());
    expect(useTrainingStore.getState()).toMatchObject({ runId: 'run-2', opened: null, modelReady: false });
  });

  it('is what the feature-map viewer asks the engine about (a drawing when there are no test samples)', () => {
    const sent: EngineCommand[] = [];
    const engine: EngineApi = { kind: 'websocket', send: (c) => void sent.push(c), on: () => () => undefined };
    setInspectEngine(engine);
    resetInspections();
    adoptOpenedModel({ event: OPENED, files: [] }, { name: 'sequential', signature: null });
    chooseDrawing();
    requestView();
    expect(sent.at(-1)).toMatchObject({ type: 'inspect', runId: 'run-opened', input: { kind: 'pixels' } });
    setInspectEngine(undefined);
  });
});
