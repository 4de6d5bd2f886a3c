/**
 * Project files beside project-file.test.ts: every error says what to do, nothing a file holds
 * makes reading throw or changes the document read, random projects round-trip, and each
 * template written as a format-1 file migrates to the same network.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { projectProblemText } from '../../../src-shared/i18n/file-text';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseProject, readProject, serializeProject } from '../../../src-shared/project/io';
import { CURRENT_FORMAT_VERSION, type Project } from '../../../src-shared/project/schema';
import {
  BACKENDS,
  DATASETS,
  MAX_ROTATION,
  MAX_SHIFT,
  MAX_THREADS,
  NORMALIZATIONS,
  OPTIMIZERS,
  defaultTrainingSettings,
} from '../../../src-shared/project/training';
import { analyzeGraph } from '../../../src-shared/graph/analyze';
import { graphFromLayers } from '../../../src-shared/graph/network';
import type { Graph } from '../../../src-shared/graph/schema';
import { LAYER_KIND_IDS } from '../../../src-shared/layers/types';
import { summarize } from '../../../src-shared/summary/summary';

const dir = new URL('../../../assets/templates/', import.meta.url);
const templates = readdirSync(dir).filter((f) => f.endsWith('.convas.json'));
const load = (f: string): Project => {
  const parsed = parseProject(readFileSync(new URL(f, dir), 'utf8'));
  if (!parsed.ok) throw new Error(projectProblemText('en', parsed.error));
  return parsed.project;
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** The nodes of a chain in order, by following its connections from the node nothing feeds (written here, not taken from analyze). */
function inOrder(graph: Graph): Graph['nodes'] {
  const next = new Map(graph.edges.map((e) => [e.source, e.target]));
  const fed = new Set(graph.edges.map((e) => e.target));
  const out: Graph['nodes'] = [];
  for (let n = graph.nodes.find((x) => !fed.has(x.id)); n; n = graph.nodes.find((x) => x.id === next.get(n!.id))) out.push(n);
  return out;
}

const OPEN_ANOTHER = /Open a \.convas\.json file saved by Convas\.$/;
const REPAIR = /Correct what is named above in a text editor, or open an earlier copy of the project\.$/;

describe('every error says what is wrong and what to do', () => {
  it.each<[string, string, RegExp[]]>([
    ['malformed JSON', '{"formatVersion": 2, "name": ', [/^This file is not valid JSON \(/, OPEN_ANOTHER]],
    ['an empty file', '', [/^This file is not valid JSON/, OPEN_ANOTHER]],
    ['an array', '[]', [/not a Convas project: expected a JSON object with "formatVersion"/, OPEN_ANOTHER]],
    ['a string', '"lecture-cnn"', [/not a Convas project/, OPEN_ANOTHER]],
    ['null', 'null', [/not a Convas project/, OPEN_ANOTHER]],
    ['no formatVersion', '{"app": "convas", "name": "x"}', [/"formatVersion" is missing or not a whole number/, OPEN_ANOTHER]],
    ['formatVersion "2" as text', '{"formatVersion": "2"}', [/"formatVersion" is missing or not a whole number/, OPEN_ANOTHER]],
    ['formatVersion 1.5', '{"formatVersion": 1.5}', [/"formatVersion" is missing or not a whole number/, OPEN_ANOTHER]],
    ['formatVersion 0', '{"formatVersion": 0}', [/"formatVersion" is missing or not a whole number/, OPEN_ANOTHER]],
    [
      'formatVersion 99',
      '{"formatVersion": 99, "app": "convas", "whatever": true}',
      [/^This project was saved by a newer Convas \(format 99\); this version reads formats 1 to 2\. Update Convas to open it\.$/],
    ],
    ['formatVersion 3', '{"formatVersion": 3}', [/newer Convas \(format 3\).*Update Convas to open it/]],
    [
      'an unknown layer kind',
      JSON.stringify({
        formatVersion: 2,
        app: 'convas',
        name: 'x',
        graph: { nodes: [{ id: 'a', kind: 'LSTM', name: 'lstm', params: {}, position: { x: 0, y: 0 } }], edges: [] },
      }),
      [/^This project file is damaged: graph\.nodes\[0\]\.kind: /, REPAIR],
    ],
    [
      'a node without position',
      JSON.stringify({
        formatVersion: 2,
        app: 'convas',
        name: 'x',
        graph: { nodes: [{ id: 'a', kind: 'Flatten', name: 'f', params: {} }], edges: [] },
      }),
      [/damaged: graph\.nodes\[0\]\.position/, REPAIR],
    ],
    [
      'an edge without target',
      JSON.stringify({ formatVersion: 2, app: 'convas', name: 'x', graph: { nodes: [], edges: [{ id: 'e', source: 'a' }] } }),
      [/damaged: graph\.edges\[0\]\.target/, REPAIR],
    ],
    ['no graph', JSON.stringify({ formatVersion: 2, app: 'convas', name: 'x' }), [/damaged: graph: /, REPAIR]],
    [
      'another app',
      JSON.stringify({ formatVersion: 2, app: 'netron', name: 'x', graph: { nodes: [], edges: [] } }),
      [/damaged: app: /, REPAIR],
    ],
    [
      'a format-1 file with an unknown layer',
      JSON.stringify({ formatVersion: 1, name: 'x', layers: [{ kind: 'Conv3D' }] }),
      [/^This format-1 project is damaged: layers\[0\]\.kind: /, REPAIR],
    ],
  ])('%s', (_what, text, messages) => {
    let parsed: ReturnType<typeof parseProject> | undefined;
    expect(() => (parsed = parseProject(text))).not.toThrow();
    expect(parsed!.ok).toBe(false);
    const error = parsed!.ok ? '' : projectProblemText('en', parsed!.error);
    for (const m of messages) expect(error).toMatch(m);
  });

  it('lists at most three problems of a badly damaged file, and says how many more', () => {
    const nodes = Array.from({ length: 5 }, (_, i) => ({ id: `n${i}`, kind: 'Nope', name: 'x', params: {}, position: { x: 0, y: 0 } }));
    const parsed = parseProject(JSON.stringify({ formatVersion: 2, app: 'convas', name: 'x', graph: { nodes, edges: [] } }));
    expect(!parsed.ok && projectProblemText('en', parsed.error)).toMatch(
      /graph\.nodes\[0\]\.kind: .*; graph\.nodes\[1\]\.kind: .*; graph\.nodes\[2\]\.kind: .* \(and 2 more\)\. Correct/,
    );
  });
});

describe('reading changes nothing and never throws', () => {
  it('does not modify the document it reads, whether it migrates it or not', () => {
    const v1 = {
      formatVersion: 1,
      name: 'x',
      layers: [{ kind: 'InputLayer', params: { shape: [8, 8, 1] } }, { kind: 'Flatten' }],
      training: { epochs: 2 },
    };
    const v2 = JSON.parse(readFileSync(new URL('lecture-cnn.convas.json', dir), 'utf8')) as unknown;
    for (const doc of [v1, v2]) {
      const before = structuredClone(doc);
      const parsed = readProject(deepFreeze(doc)); // a write to a frozen object throws in a module
      expect(parsed.ok).toBe(true);
      expect(doc).toEqual(before);
    }
  });

  it('the project it returns shares nothing with the document (editing one cannot edit the other)', () => {
    const doc = JSON.parse(readFileSync(new URL('lecture-cnn.convas.json', dir), 'utf8')) as { graph: Graph };
    const parsed = readProject(doc);
    if (!parsed.ok) throw new Error(projectProblemText('en', parsed.error));
    parsed.project.graph.nodes[1]!.params['filters'] = 99;
    expect(doc.graph.nodes[1]!.params['filters']).toBe(10);
  });

  it('property: any text gives a project or an error message', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ formatVersion: 2, app: 'convas', name: 'x', graph: v })),
        ),
        (text) => {
          const parsed = parseProject(text);
          if (!parsed.ok) expect(projectProblemText('en', parsed.error).length).toBeGreaterThan(20);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('property: any value, including format-1 look-alikes, gives a project or an error message', () => {
    const layer = fc.record(
      {
        kind: fc.oneof(fc.constantFrom(...LAYER_KIND_IDS), fc.string()),
        name: fc.oneof(fc.string(), fc.constant(undefined)),
        params: fc.anything(),
      },
      { requiredKeys: ['kind'] },
    );
    const v1Like = fc.record(
      {
        formatVersion: fc.constant(1),
        name: fc.oneof(fc.string(), fc.integer()),
        layers: fc.oneof(fc.array(layer, { maxLength: 4 }), fc.anything()),
        training: fc.anything(),
      },
      { requiredKeys: ['formatVersion'] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), v1Like), (doc) => {
        const parsed = readProject(doc);
        if (!parsed.ok) expect(projectProblemText('en', parsed.error)).toMatch(/\.$/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('round trip', () => {
  const settings = fc.record({
    dataset: fc.constantFrom(...DATASETS),
    dataDir: fc.option(fc.string(), { nil: null }),
    optimizer: fc.constantFrom(...OPTIMIZERS),
    learningRate: fc.double({ min: 1e-6, max: 10, noNaN: true }),
    batchSize: fc.integer({ min: 1, max: 4096 }),
    epochs: fc.integer({ min: 1, max: 1000 }),
    validationSplit: fc.double({ min: 0, max: 0.99, noNaN: true }).map((v) => (Object.is(v, -0) ? 0 : v)),
    seed: fc.nat(),
    backend: fc.constantFrom(...BACKENDS),
    augmentation: fc.record({
      flip: fc.boolean(),
      shift: fc.integer({ min: 0, max: MAX_SHIFT }),
      rotation: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: MAX_ROTATION })),
      brightness: fc.oneof(
        fc.constant(0),
        fc.double({ min: 0, max: 1, noNaN: true }).map((v) => (Object.is(v, -0) ? 0 : v)),
      ),
      contrast: fc.oneof(
        fc.constant(0),
        fc.double({ min: 0, max: 1, noNaN: true }).map((v) => (Object.is(v, -0) ? 0 : v)),
      ),
    }),
    normalization: fc.constantFrom(...NORMALIZATIONS),
    threads: fc.option(fc.integer({ min: 1, max: MAX_THREADS }), { nil: null }),
  });
  const params = fc.dictionary(
    fc.constantFrom('filters', 'kernel_size', 'padding', 'units', 'rate', 'shape', 'note'),
    fc.oneof(
      fc.integer(),
      fc.string(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.integer(), { maxLength: 3 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0)),
    ),
  );
  const project: fc.Arbitrary<Project> = fc.record({
    formatVersion: fc.constant(CURRENT_FORMAT_VERSION as typeof CURRENT_FORMAT_VERSION),
    app: fc.constant('convas' as const),
    name: fc.string({ minLength: 1 }),
    description: fc.string(),
    graph: fc
      .array(fc.record({ kind: fc.constantFrom(...LAYER_KIND_IDS), params }), { maxLength: 6 })
      .map((layers) => graphFromLayers(layers)),
    training: settings,
  });

  it('property: serialize → parse gives the same project, and serializing again the same text', () => {
    fc.assert(
      fc.property(project, (p) => {
        const text = serializeProject(p);
        const parsed = parseProject(text);
        if (!parsed.ok) throw new Error(projectProblemText('en', parsed.error));
        expect(parsed.project).toEqual(p);
        expect(parsed.migratedFrom).toBeUndefined();
        expect(serializeProject(parsed.project)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('writes augmentation and normalisation only when they are not the defaults', () => {
    const base = {
      formatVersion: CURRENT_FORMAT_VERSION as typeof CURRENT_FORMAT_VERSION,
      app: 'convas' as const,
      name: 'n',
      description: '',
      graph: { nodes: [], edges: [] },
    };
    const plain = serializeProject({ ...base, training: defaultTrainingSettings() });
    expect(plain).not.toMatch(/augmentation|normalization/);
    const training = { ...defaultTrainingSettings(), normalization: 'standardize' as const };
    training.augmentation = { ...training.augmentation, shift: 4 };
    const text = serializeProject({ ...base, training });
    expect(JSON.parse(text).training).toMatchObject({ augmentation: { shift: 4, flip: false }, normalization: 'standardize' });
    const again = parseProject(text);
    expect(again.ok && again.project.training).toEqual(training);
  });

  it('keeps bad values as typed, so that the canvas can show them', () => {
    const p: Project = {
      formatVersion: 2,
      app: 'convas',
      name: 'bad',
      description: '',
      graph: graphFromLayers([{ kind: 'Conv2D', params: { filters: -1, kernel_size: 'three' } }]),
      training: defaultTrainingSettings(),
    };
    const parsed = parseProject(serializeProject(p));
    expect(parsed.ok && parsed.project.graph.nodes[0]!.params).toEqual({ filters: -1, kernel_size: 'three' });
  });

  it('fills in what an older save left out: description and training settings', () => {
    const parsed = parseProject(JSON.stringify({ formatVersion: 2, app: 'convas', name: 'x', graph: { nodes: [], edges: [] } }));
    expect(parsed.ok && parsed.project).toMatchObject({ description: '', training: defaultTrainingSettings() });
  });
});

/** The templates a format-1 file could hold: format 1 was a list of layers, so only chains. */
const chainTemplates = templates.filter((f) => {
  const a = analyzeGraph(load(f).graph);
  return a.chain.length === a.order.length;
});

describe('format 1 → format 2', () => {
  it('covers the chain templates, and only those', () => {
    expect(templates.filter((f) => !chainTemplates.includes(f)).sort()).toEqual([
      'inception-block.convas.json',
      'small-resnet.convas.json',
    ]);
  });

  it.each(chainTemplates)('%s written as a format-1 layer list migrates to the same network and summary', (file) => {
    const current = load(file);
    const v1 = {
      formatVersion: 1,
      name: current.name,
      description: current.description,
      layers: inOrder(current.graph).map((n) => ({ kind: n.kind, name: n.name, params: n.params, position: n.position })),
      training: current.training,
    };
    const migrated = parseProject(JSON.stringify(v1));
    if (!migrated.ok) throw new Error(projectProblemText('en', migrated.error));
    expect(migrated.migratedFrom).toBe(1);
    expect(migrated.project.formatVersion).toBe(2);
    expect(migrated.project.name).toBe(current.name);
    expect(migrated.project.training).toEqual(current.training);
    expect(migrated.project.graph.nodes.map((n) => [n.kind, n.name, n.params, n.position])).toEqual(
      inOrder(current.graph).map((n) => [n.kind, n.name, n.params, n.position]),
    );
    const a = analyzeGraph(migrated.project.graph);
    expect(a.valid).toBe(true);
    expect(summarize(a)).toEqual(summarize(analyzeGraph(current.graph)));
  });

  it('a format-1 file without names gets the names Keras would give', () => {
    const parsed = parseProject(
      JSON.stringify({
        formatVersion: 1,
        name: 'x',
        layers: [
          { kind: 'InputLayer', params: { shape: [8, 8, 1] } },
          { kind: 'Conv2D', params: { filters: 2, kernel_size: 3 } },
          { kind: 'Conv2D', params: { filters: 2, kernel_size: 3 } },
          { kind: 'Flatten' },
          { kind: 'Dense', params: { units: 2 } },
        ],
      }),
    );
    if (!parsed.ok) throw new Error(projectProblemText('en', parsed.error));
    expect(parsed.project.graph.nodes.map((n) => n.name)).toEqual(['input_layer', 'conv2d', 'conv2d_1', 'flatten', 'dense']);
    expect(parsed.project.training).toEqual(defaultTrainingSettings());
    // 8 → 6 → 4; 4·4·2 = 32; Dense 32·2 + 2 = 66; convs 3·3·1·2 + 2 = 20 and 3·3·2·2 + 2 = 38
    expect(summarize(analyzeGraph(parsed.project.graph))!.totalParams).toBe(20 + 38 + 66);
  });

  it('an empty format-1 network migrates to an empty canvas', () => {
    const parsed = parseProject(JSON.stringify({ formatVersion: 1, name: 'empty', layers: [] }));
    expect(parsed.ok && parsed.project.graph).toEqual({ nodes: [], edges: [] });
  });
});
