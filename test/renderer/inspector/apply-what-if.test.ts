import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../src-shared/graph/analyze';
import type { Graph } from '../../../src-shared/graph/schema';
import { alternativesOf } from '../../../src-shared/what-if/alternatives';
import { applyWhatIf, withWhatIf } from '../../../src-renderer/inspector/apply-what-if';
import { NODE_HEIGHT, RANK_GAP } from '../../../src-renderer/store/graph-edit';
import { newProject } from '../../../src-renderer/store/new-project';
import { useProjectStore } from '../../../src-renderer/store/project-store';

const lecture = (
  JSON.parse(readFileSync(new URL('../../../assets/templates/lecture-cnn.convas.json', import.meta.url), 'utf8')) as { graph: Graph }
).graph;
const idOf = (name: string) => lecture.nodes.find((n) => n.name === name)!.id;
const alternative = (name: string, id: string) => alternativesOf(lecture, analyzeGraph(lecture), idOf(name)).find((a) => a.id === id)!;

describe('applying a what-if in the app', () => {
  it('is one undo step, and undo gives back the very graph', () => {
    useProjectStore.getState().load({ ...newProject('lecture'), graph: lecture }, null);
    applyWhatIf(alternative('conv2d', 'padding-valid').edit);
    const { project } = useProjectStore.getState();
    expect(project.graph.nodes.find((n) => n.name === 'conv2d')!.params['padding']).toBe('valid');
    expect(useProjectStore.getState().undo()).toBe(true);
    expect(useProjectStore.getState().project.graph).toBe(lecture);
    expect(useProjectStore.getState().undo()).toBe(false);
  });

  it('moves the layers after an inserted Dropout down, and leaves the others where they were', () => {
    const next = withWhatIf(lecture, alternative('flatten', 'dropout-on').edit);
    const y = (g: Graph, name: string) => g.nodes.find((n) => n.name === name)!.position.y;
    const dropout = next.nodes.find((n) => n.kind === 'Dropout')!;
    expect(dropout.position.y).toBeGreaterThan(y(lecture, 'flatten'));
    for (const name of ['dense', 'dense_1']) expect(y(next, name)).toBe(y(lecture, name) + NODE_HEIGHT + RANK_GAP);
    for (const name of ['input_layer', 'conv2d', 'max_pooling2d', 'flatten']) expect(y(next, name)).toBe(y(lecture, name));
    expect(next.edges.map((e) => [e.source, e.target]).filter(([, t]) => t === dropout.id)).toEqual([[idOf('flatten'), dropout.id]]);
  });
});
