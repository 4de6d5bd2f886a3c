/**
 * src-shared returns codes with values, never sentences: every issue of any graph, however damaged,
 * has words in both dictionaries, fills every placeholder, and its Korean is Korean (no English word
 * but Keras class names, parameter names, Keras values, units and the names and values the user gave).
 * A scan of the domain's sources fails on an English sentence written outside src-shared/i18n.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeGraph } from '../../../src-shared/graph/analyze';
import type { GraphIssue } from '../../../src-shared/graph/issues';
import { CATALOG } from '../../../src-shared/i18n/catalog';
import { issueText } from '../../../src-shared/i18n/issue-text';
import { describeText, formulaText, helpText } from '../../../src-shared/i18n/layer-text';
import { LANGUAGES } from '../../../src-shared/i18n/language';
import { allLayerKinds } from '../../../src-shared/layers/registry';
import { LAYER_KIND_IDS, PARAM_HELP } from '../../../src-shared/layers/types';
import { ACTIVATIONS, INITIALIZERS } from '../../../src-shared/layers/params';
import { summarize } from '../../../src-shared/summary/summary';
import { graphFromLayers } from '../../../src-shared/graph/network';
import { damagedGraphs } from '../support/damaged-graphs';

const HANGUL = /[\uAC00-\uD7A3]/;

/** English words a Korean sentence may hold: Keras's own names and values, not words of a sentence. */
const ALLOWED = new Set<string>([
  ...LAYER_KIND_IDS,
  ...allLayerKinds().flatMap((k) => k.fields.map((f) => f.name)),
  ...ACTIVATIONS,
  ...INITIALIZERS,
  ...['Input', 'Keras', 'TensorFlow', 'js', 'None', 'valid', 'same', 'true', 'false', 'shape', 'name', 'ceil', 'n', 'B'],
]);

/** The words of `text` that are English and not allowed, after removing what the user named or typed. */
function englishWords(text: string, userValues: readonly string[]): string[] {
  let rest = text;
  for (const v of [...userValues].sort((a, b) => b.length - a.length)) if (v) rest = rest.split(v).join(' ');
  return (rest.match(/[A-Za-z][A-Za-z_]*/g) ?? []).filter((w) => !ALLOWED.has(w));
}

/** Every string an issue carries: layer and connection names, ids, the value the user gave. */
function userValues(issue: GraphIssue): string[] {
  const values: unknown[] = [...Object.values(issue.values)];
  if ('problem' in issue) values.push(...Object.values(issue.problem.values));
  if ('got' in issue && typeof issue.got === 'string') values.push(issue.got);
  return values.filter((v): v is string => typeof v === 'string');
}

describe('property: every issue of any graph is a code worded in both languages', () => {
  it('has its key in both dictionaries, fills every placeholder, and reads as Korean in Korean', () => {
    const issues = CATALOG.issues;
    fc.assert(
      fc.property(damagedGraphs, (graph) => {
        for (const issue of analyzeGraph(graph).issues) {
          const key = 'problem' in issue ? `problem.${issue.problem.code}` : `issue.${issue.code}`;
          expect(Object.keys(issues.en)).toContain(key);
          expect(Object.keys(issues.ko)).toContain(key);
          for (const language of LANGUAGES) expect(issueText(language, issue), JSON.stringify(issue)).not.toMatch(/\{\w+\}/);
          const ko = issueText('ko', issue);
          expect(ko, ko).toMatch(HANGUL);
          expect(englishWords(ko, userValues(issue)), ko).toEqual([]);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('node descriptions, formula captions and help are Korean in Korean', () => {
  const net = graphFromLayers([
    { kind: 'InputLayer', params: { shape: [28, 28, 1] } },
    { kind: 'Conv2D', params: { filters: 1000, kernel_size: 3, strides: 2, dilation_rate: 1, activation: 'relu' } },
    { kind: 'BatchNormalization', params: { center: false } },
    { kind: 'MaxPooling2D', params: { strides: 1 } },
    { kind: 'AveragePooling2D', params: {} },
    { kind: 'Activation', params: { activation: 'tanh' } },
    { kind: 'GlobalAveragePooling2D', params: {} },
    { kind: 'Dropout', params: { rate: 0.25 } },
    { kind: 'Dense', params: { units: 1 } },
    { kind: 'Flatten', params: {} },
    { kind: 'Dense', params: { units: 10, activation: 'softmax' } },
  ]);
  const analysis = analyzeGraph(net);
  const summary = summarize(analysis)!;

  it('every layer kind of a valid network is described, with thousands separators', () => {
    expect(summary).toBeDefined();
    const texts = net.nodes.map((n) => {
      const kind = allLayerKinds().find((k) => k.kind === n.kind)!;
      return describeText('en', kind.describe(analysis.nodes.get(n.id)!.params as never));
    });
    expect(texts).toEqual([
      '28 × 28 × 1',
      '1,000 × 3×3, stride 2×2, valid, relu',
      'momentum 0.99',
      '2×2, stride 1×1, valid',
      '2×2, valid',
      'tanh',
      'mean per channel',
      'rate 0.25',
      '1 unit',
      'to a vector',
      '10 units, softmax',
    ]);
    const ko = net.nodes.map((n) => {
      const kind = allLayerKinds().find((k) => k.kind === n.kind)!;
      return describeText('ko', kind.describe(analysis.nodes.get(n.id)!.params as never));
    });
    expect(ko[1]).toBe('1,000 × 3×3, 스트라이드 2×2, valid, relu');
    for (const text of ko) expect(englishWords(text, []), text).toEqual([]);
  });

  it('every formula is arithmetic, and its caption is Korean in Korean', () => {
    for (const row of summary.layers) {
      const { outputShape, ...rest } = row.formulas;
      for (const explained of [...outputShape, ...Object.values(rest)]) {
        expect(explained.formula.replace(/\b(ceil|floor)\(/g, '(').replace(/ B\b/g, ''), row.name).not.toMatch(/[A-Za-z]/);
        const ko = formulaText('ko', explained);
        if (explained.caption) expect(ko, ko).toMatch(HANGUL);
        expect(englishWords(ko, ['gamma', 'beta', 'floor']), ko).toEqual([]);
      }
    }
  });

  it.each(PARAM_HELP)('help %s has Hangul in Korean', (help) => {
    expect(helpText('ko', help)).toMatch(HANGUL);
    expect(helpText('en', help)).not.toBe(helpText('ko', help));
  });
});

/** Folders of src-shared whose code returns what the user reads; the i18n dictionaries word it. */
const DOMAIN = ['graph', 'layers', 'summary', 'training', 'keras', 'format', 'project'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** A string or template literal with four words in a row ("does not fit its"), outside comments. */
function sentences(code: string): string[] {
  const withoutComments = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  const literals = withoutComments.match(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g) ?? [];
  return literals.filter((l) => /\b[a-z]+ [a-z]+ [a-z]+ [a-z]+\b/i.test(l.replace(/\$\{[^}]*\}/g, 'x')));
}

describe('the domain returns no sentences', () => {
  const root = new URL('../../../src-shared/', import.meta.url).pathname;
  // Keras's own English output (model.summary()) and errors for a broken invariant, not for a user.
  const allowed = new Map<string, RegExp>([
    ['summary/text.ts', /Cost per sample|Non-trainable params/],
    ['keras/export.ts', /export needs a valid model/],
    ['layers/registry.ts', /unknown layer kind/],
  ]);

  it.each(DOMAIN)('src-shared/%s holds no English sentence for the user', (folder) => {
    const found = sources(join(root, folder)).flatMap((file) => {
      const rel = file.slice(root.length);
      const ok = allowed.get(rel);
      return sentences(readFileSync(file, 'utf8'))
        .filter((s) => !ok?.test(s))
        .map((s) => `${rel}: ${s}`);
    });
    expect(found).toEqual([]);
  });

  it('the scan finds a sentence when there is one', () => {
    expect(sentences('return { message: `a ${k} kernel does not fit its input` };')).toHaveLength(1);
    expect(sentences("// a comment that says many words\nconst x = 'same';")).toEqual([]);
  });
});
