/**
 * The file fuzzer shared by the property test (a few hundred cases in CI) and scripts/fuzz.ts
 * (10,000): mutated project, Keras and tfjs files go through read → analyse → summarise →
 * export (Keras JSON, tfjs topology, Python) → serialise → read again. A case fails when any step
 * throws, or when an error message does not name what it is about (the layer, the setting, the
 * file or the JSON path).
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { readModelDocument, readModelFile, type ModelFileProblem } from '../../../src-shared/format/model-file';
import { analyzeGraph } from '../../../src-shared/graph/analyze';
import type { GraphIssue } from '../../../src-shared/graph/issues';
import { toNetwork } from '../../../src-shared/graph/network';
import { fileProblemText } from '../../../src-shared/i18n/file-text';
import { formatNumber, quoteLimit, shorten } from '../../../src-shared/i18n/format';
import { issueText } from '../../../src-shared/i18n/issue-text';
import { toKeras3Json, toTfjsTopology } from '../../../src-shared/keras/export';
import { parseProject, serializeProject } from '../../../src-shared/project/io';
import { toPythonScript } from '../../../src-shared/python/generate';
import { summarize } from '../../../src-shared/summary/summary';
import { summaryText } from '../../../src-shared/summary/text';
import { deepArrayText, deepObjectText } from './hostile-json';

const ROOT = new URL('../../../', import.meta.url);

/** The starting documents: every template and every Keras/tfjs fixture. */
export const SEEDS: readonly { readonly name: string; readonly doc: unknown }[] = [
  ...readdirSync(new URL('assets/templates/', ROOT))
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ name: f, doc: JSON.parse(readFileSync(new URL(`assets/templates/${f}`, ROOT), 'utf8')) as unknown })),
  ...readdirSync(new URL('test/fixtures/keras/', ROOT))
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ name: f, doc: JSON.parse(readFileSync(new URL(`test/fixtures/keras/${f}`, ROOT), 'utf8')) as unknown })),
];

const MB = 1_000_000;

/**
 * A mutation of one place in the document, chosen by `at` modulo the number of places; `focus`
 * restricts the choice to places whose key the readers look at (names, class names, settings),
 * which a uniform choice among a few hundred places would rarely hit.
 */
export type Mutation = { readonly at: number; readonly focus: boolean } & (
  | { readonly op: 'delete' }
  | { readonly op: 'set'; readonly value: unknown }
  | { readonly op: 'raw'; readonly json: string }
  | { readonly op: 'rename'; readonly key: string }
);

/** Keys the readers and the analysis read. */
const FOCUS_KEYS: ReadonlySet<string | number> = new Set([
  'formatVersion',
  'app',
  'name',
  'description',
  'graph',
  'nodes',
  'edges',
  'id',
  'kind',
  'params',
  'position',
  'source',
  'target',
  'training',
  'class_name',
  'config',
  'layers',
  'module',
  'modelTopology',
  'model_config',
  'build_input_shape',
  'batch_shape',
  'batch_input_shape',
  'input_shape',
  'units',
  'filters',
  'kernel_size',
  'strides',
  'padding',
  'pool_size',
  'activation',
  'rate',
  'shape',
  'use_bias',
  'kernel_initializer',
  'dilation_rate',
  'momentum',
  'epsilon',
  // Functional models: how layers connect and where the model starts and ends.
  'inbound_nodes',
  'args',
  'keras_history',
  'input_layers',
  'output_layers',
  'axis',
]);

/** One fuzz input: a seed, its mutations, then either text (maybe truncated) or the object itself (maybe with a cycle). */
export interface FuzzCase {
  readonly seed: number;
  readonly mutations: readonly Mutation[];
  readonly file: string;
  readonly form: { readonly kind: 'text'; readonly cut?: number } | { readonly kind: 'object'; readonly cycleAt?: number };
}

const wrongValues = fc.constantFrom<unknown>(
  null,
  true,
  false,
  '',
  'text',
  'same',
  'Dense',
  0,
  -1,
  1.5,
  2 ** 53 + 2,
  1e308,
  -1e308,
  [],
  {},
  [1],
  [0, 0, 0],
  { class_name: 'Sequential' },
);

/** Raw JSON texts JSON.stringify cannot produce: overflowing numbers, 10,000-deep nesting, 1 MB strings, __proto__ keys. */
const rawValues = fc.constantFrom(
  '1e999',
  '-1e999',
  deepArrayText(10_000),
  deepObjectText(10_000),
  deepArrayText(17),
  JSON.stringify('x'.repeat(MB)),
  '{"__proto__": {"polluted": true}, "units": 3}',
  '{"constructor": {"prototype": 1}}',
  `[${new Array(5000).fill(1).join(',')}]`,
);

const place = { at: fc.nat(), focus: fc.boolean() };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), ...place }),
  fc.record({ op: fc.constant('set' as const), ...place, value: fc.oneof(wrongValues, fc.double(), fc.string({ maxLength: 12 })) }),
  fc.record({ op: fc.constant('raw' as const), ...place, json: rawValues }),
  fc.record({ op: fc.constant('rename' as const), ...place, key: fc.constantFrom('__proto__', 'constructor', 'k'.repeat(MB), '', 'x') }),
);

export const fuzzCases: fc.Arbitrary<FuzzCase> = fc.record({
  seed: fc.nat({ max: SEEDS.length - 1 }),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
  file: fc.constantFrom('model.json', `${'é'.repeat(300)}.convas.json`),
  form: fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('text' as const) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('text' as const), cut: fc.double({ min: 0, max: 1, noNaN: true }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('object' as const), cycleAt: fc.option(fc.nat(), { nil: undefined }) }) },
  ),
});

type Container = Record<string, unknown> | unknown[];

/** Every place in a document: a container and one of its keys (iterative, so a deep seed cannot overflow). */
function places(doc: unknown): [Container, string | number][] {
  const found: [Container, string | number][] = [];
  const stack: unknown[] = [doc];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        found.push([v, i]);
        stack.push(item);
      });
    } else {
      for (const key of Object.keys(v)) {
        found.push([v as Record<string, unknown>, key]);
        stack.push((v as Record<string, unknown>)[key]);
      }
    }
  }
  return found;
}

function containers(doc: unknown): Container[] {
  const found: Container[] = [];
  const stack: unknown[] = [doc];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    found.push(v as Container);
    stack.push(...(Array.isArray(v) ? v : Object.values(v)));
  }
  return found;
}

/** The place a mutation changes: with `focus`, a key the readers read first (each equally likely), then one place with it. */
function choosePlace(every: readonly [Container, string | number][], m: Mutation): [Container, string | number] | undefined {
  if (m.focus) {
    const byKey = new Map<string | number, [Container, string | number][]>();
    for (const p of every) if (FOCUS_KEYS.has(p[1])) (byKey.get(p[1]) ?? byKey.set(p[1], []).get(p[1])!).push(p);
    const groups = [...byKey.values()];
    if (groups.length > 0) {
      const group = groups[m.at % groups.length]!;
      return group[Math.floor(m.at / groups.length) % group.length];
    }
  }
  return every.length > 0 ? every[m.at % every.length] : undefined;
}

/** The document after the mutations: JSON text, or (object form) the parsed object, perhaps made cyclic. */
export function buildInput(c: FuzzCase): { readonly text: string } | { readonly doc: unknown } {
  const doc = structuredClone(SEEDS[c.seed]!.doc);
  const raws = new Map<string, string>();
  for (const [i, m] of c.mutations.entries()) {
    const chosen = choosePlace(places(doc), m);
    if (!chosen) break;
    const [container, key] = chosen;
    if (m.op === 'delete') {
      if (Array.isArray(container)) container.splice(key as number, 1);
      else delete container[key as string];
    } else if (m.op === 'set') {
      // A copy: later mutations change what they land in, and fast-check replays this very value when it shrinks.
      (container as Record<string | number, unknown>)[key] = structuredClone(m.value);
    } else {
      const marker = `\u0000fuzz${i}\u0000`;
      if (m.op === 'raw') {
        (container as Record<string | number, unknown>)[key] = marker;
        raws.set(JSON.stringify(marker), m.json);
      } else if (!Array.isArray(container)) {
        // A key JSON.parse keeps as an own property ("__proto__"), which assigning in JavaScript would not.
        const value = container[key as string];
        delete container[key as string];
        container[marker] = value;
        raws.set(JSON.stringify(marker), JSON.stringify(m.key));
      }
    }
  }
  let text = JSON.stringify(doc);
  for (const [marker, raw] of raws) text = text.split(marker).join(raw);
  if (c.form.kind === 'text') {
    return { text: c.form.cut === undefined ? text : text.slice(0, Math.floor(c.form.cut * text.length)) };
  }
  const parsed: unknown = JSON.parse(text);
  if (c.form.cycleAt !== undefined) {
    const all = containers(parsed);
    const target = all[c.form.cycleAt % all.length];
    if (target && !Array.isArray(target)) target['cycle'] = parsed;
    else if (target) target.push(target);
  }
  return { doc: parsed };
}

/** What happened to one input. */
export type FuzzOutcome =
  | { readonly result: 'refused' | 'invalid' | 'exported' }
  | { readonly result: 'threw'; readonly step: string; readonly error: string }
  | { readonly result: 'unnamed'; readonly message: string; readonly missing: string };

/** A value as the message quotes it. */
function quoted(key: string, value: string | number): string {
  if (typeof value === 'number') return formatNumber('en', value);
  const max = quoteLimit(key);
  return max === undefined ? value : shorten(value, max);
}

/** Value keys that are not the subject of a file message: our own lists and codes. */
const NOT_SUBJECT = new Set(['supported', 'reason', 'max', 'current']);

/** What a file message must name: the file, every name it carries, and for a damaged project the JSON path. */
function fileSubjects(error: ModelFileProblem): string[] {
  const subjects = [quoted('file', error.file)];
  for (const [key, value] of Object.entries(error.problem.values as Record<string, string | number>)) {
    if (!NOT_SUBJECT.has(key)) subjects.push(quoted(key, value));
  }
  if (error.reader === 'project' && (error.problem.code === 'damaged' || error.problem.code === 'damaged-version')) {
    // The detail starts with where the file breaks the format: "graph.nodes[2].kind: …" or "(top level): …".
    const path = /^(\(top level\)|[^\s:]+):/.exec(error.problem.values.detail)?.[1];
    subjects.push(path ?? '<a JSON path at the start of the detail>');
  }
  return subjects;
}

/** What an issue's message must name: the layer (or both ends of a connection), and the setting at fault. */
function issueSubjects(issue: GraphIssue): string[] {
  const subjects: string[] = [];
  const values = issue.values as Record<string, string | number>;
  for (const key of ['node', 'source', 'target', 'edge'] as const) {
    const v = values[key];
    if (v !== undefined) subjects.push(quoted(key, v));
  }
  if (issue.param) subjects.push(quoted('param', issue.param));
  return subjects;
}

function missingFrom(message: string, subjects: readonly string[]): string | undefined {
  return subjects.find((s) => !message.includes(s));
}

/** A message longer than this echoes a user's text whole. */
const MAX_MESSAGE = 3000;

/** Runs one input through every step; never throws itself. */
export function runFuzzCase(c: FuzzCase): FuzzOutcome {
  let step = 'build';
  try {
    const input = buildInput(c);
    step = 'read';
    const read = 'text' in input ? readModelFile(input.text, c.file) : readModelDocument(input.doc, c.file);
    if (!read.ok) {
      step = 'word file error';
      const message = fileProblemText('en', read.error);
      const missing =
        message.length > MAX_MESSAGE ? `a message under ${MAX_MESSAGE} characters` : missingFrom(message, fileSubjects(read.error));
      return missing === undefined ? { result: 'refused' } : { result: 'unnamed', message: shorten(message, 600), missing };
    }
    const { project } = read;
    step = 'analyse';
    const analysis = analyzeGraph(project.graph);
    step = 'word issues';
    for (const issue of analysis.issues) {
      const message = issueText('en', issue);
      const missing =
        message.length > MAX_MESSAGE ? `a message under ${MAX_MESSAGE} characters` : missingFrom(message, issueSubjects(issue));
      if (missing !== undefined) return { result: 'unnamed', message: shorten(message, 600), missing };
    }
    step = 'summarise';
    const summary = summarize(analysis, project.name);
    if (summary) summaryText(summary);
    step = 'export';
    const seq = toNetwork(project.graph, project.name);
    if (seq.ok) {
      JSON.stringify(toKeras3Json(seq.model));
      JSON.stringify(toTfjsTopology(seq.model));
      toPythonScript(seq.model, project.training, project.name);
    }
    step = 'serialise';
    const text = serializeProject(project);
    step = 'read back';
    const back = parseProject(text);
    if (!back.ok) throw new Error(`the saved project does not open again: ${JSON.stringify(back.error).slice(0, 300)}`);
    return { result: seq.ok ? 'exported' : 'invalid' };
  } catch (e) {
    return { result: 'threw', step, error: shorten(e instanceof Error ? `${e.name}: ${e.message}` : String(e), 300) };
  }
}
