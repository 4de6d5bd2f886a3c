import { readFileSync, readdirSync } from 'node:fs';
import { projectProblemText } from '../../../src-shared/i18n/file-text';
import { describe, expect, it } from 'vitest';
import { parseProject, serializeProject } from '../../../src-shared/project/io';
import { CURRENT_FORMAT_VERSION } from '../../../src-shared/project/schema';
import { analyzeGraph } from '../../../src-shared/graph/analyze';
import { summarize } from '../../../src-shared/summary/summary';

const dir = new URL('../../../assets/templates/', import.meta.url);
const templates = readdirSync(dir).filter((f) => f.endsWith('.convas.json'));
const text = (f: string) => readFileSync(new URL(f, dir), 'utf8');

/** A version-1 file: the network as an ordered list of layers. */
const v1 = {
  formatVersion: 1,
  name: 'Lecture CNN (format 1)',
  layers: [
    { kind: 'InputLayer', name: 'input_layer', params: { shape: [28, 28, 1] } },
    {
      kind: 'Conv2D',
      name: 'conv2d',
      params: { filters: 10, kernel_size: [3, 3], activation: 'relu', padding: 'same' },
      position: { x: 40, y: 120 },
    },
    { kind: 'MaxPooling2D', name: 'max_pooling2d', params: { pool_size: [2, 2] } },
    { kind: 'Flatten', name: 'flatten' },
    { kind: 'Dense', name: 'dense', params: { units: 100, activation: 'relu' } },
    { kind: 'Dense', name: 'dense_1', params: { units: 10, activation: 'softmax' } },
  ],
  training: { optimizer: 'sgd', epochs: 3 },
};

describe('project files', () => {
  it.each(templates)('%s parses, is valid, and round-trips unchanged', (f) => {
    const parsed = parseProject(text(f));
    if (!parsed.ok) throw new Error(projectProblemText('en', parsed.error));
    expect(parsed.project.formatVersion).toBe(CURRENT_FORMAT_VERSION);
    expect(analyzeGraph(parsed.project.graph).valid).toBe(true);
    expect(serializeProject(parsed.project)).toBe(text(f));
    const again = parseProject(serializeProject(parsed.project));
    expect(again.ok && again.project).toEqual(parsed.project);
  });

  it('migrates a format-1 file to the current format with the same network', () => {
    const parsed = parseProject(JSON.stringify(v1));
    if (!parsed.ok) throw new Error(projectProblemText('en', parsed.error));
    expect(parsed.migratedFrom).toBe(1);
    expect(parsed.project.formatVersion).toBe(2);
    expect(parsed.project.graph.edges).toHaveLength(5);
    expect(parsed.project.graph.nodes[1]!.position).toEqual({ x: 40, y: 120 });
    expect(parsed.project.training).toMatchObject({ optimizer: 'sgd', epochs: 3, batchSize: 32 });
    const lecture = parseProject(text('lecture-cnn.convas.json'));
    if (!lecture.ok) throw new Error(projectProblemText('en', lecture.error));
    expect(summarize(analyzeGraph(parsed.project.graph))).toEqual(summarize(analyzeGraph(lecture.project.graph)));
  });

  it.each([
    ['malformed JSON', '{"formatVersion": 2,', /not valid JSON/],
    ['a non-object', '[1, 2]', /not a Convas project/],
    ['no formatVersion', '{"name": "x"}', /"formatVersion" is missing/],
    ['a newer format', '{"formatVersion": 99, "app": "convas"}', /saved by a newer Convas \(format 99\).*Update Convas to open it/],
    [
      'a damaged graph',
      JSON.stringify({ formatVersion: 2, app: 'convas', name: 'x', graph: { nodes: [{ id: 'a', kind: 'Conv3D' }], edges: [] } }),
      /damaged: graph\.nodes\[0\]\.kind/,
    ],
    ['a damaged format-1 file', JSON.stringify({ formatVersion: 1, name: 'x', layers: 'none' }), /format-1 project is damaged: layers/],
    [
      'bad training settings',
      JSON.stringify({ formatVersion: 2, app: 'convas', name: 'x', graph: { nodes: [], edges: [] }, training: { batchSize: 0 } }),
      /training\.batchSize/,
    ],
  ])('%s is a clear error, never an exception', (_what, input, message) => {
    const parsed = parseProject(input);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && projectProblemText('en', parsed.error)).toMatch(message);
  });
});
