import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkLayerSettings,
  checkSettingValue,
  MAX_SETTING_DEPTH,
  MAX_SETTING_LIST,
  MAX_SETTING_TEXT,
} from '../../../src-shared/graph/param-bounds';
import { analyzeGraph } from '../../../src-shared/graph/analyze';
import { toNetwork } from '../../../src-shared/graph/network';
import { issueText } from '../../../src-shared/i18n/issue-text';
import { parseProject, ProjectBoundsError, serializeProject } from '../../../src-shared/project/io';
import { projectProblemText } from '../../../src-shared/i18n/file-text';
import type { Project } from '../../../src-shared/project/schema';
import { deepArrayText, withRawValue } from '../support/hostile-json';

const TEMPLATE = JSON.parse(readFileSync(new URL('../../../assets/templates/lecture-cnn.convas.json', import.meta.url), 'utf8')) as Project;
const DENSE_1 = TEMPLATE.graph.nodes.findIndex((n) => n.name === 'dense_1');

/** The lecture CNN with dense_1's units nested 10,000 deep, as objects (what an earlier reader let through). */
function deepProject(): Project {
  const project = structuredClone(TEMPLATE);
  project.graph.nodes[DENSE_1]!.params['units'] = JSON.parse(deepArrayText(10_000));
  return project;
}

describe('layer settings within bounds', () => {
  it('accepts every template layer and ordinary values', () => {
    for (const node of TEMPLATE.graph.nodes) expect(checkLayerSettings(node.params, { finiteNumbers: true }), node.name).toBeUndefined();
    expect(checkSettingValue('kernel_initializer', { class_name: 'VarianceScaling', config: { scale: 2, seed: null } })).toBeUndefined();
  });

  it('refuses each way out of bounds with a code naming the setting, without recursion', () => {
    const cases: [unknown, string, number][] = [
      [JSON.parse(deepArrayText(10_000)), 'setting-too-deep', MAX_SETTING_DEPTH],
      [JSON.parse(deepArrayText(MAX_SETTING_DEPTH + 1)), 'setting-too-deep', MAX_SETTING_DEPTH],
      [new Array(MAX_SETTING_LIST + 1).fill(1), 'setting-list-too-long', MAX_SETTING_LIST],
      ['x'.repeat(MAX_SETTING_TEXT + 1), 'setting-text-too-long', MAX_SETTING_TEXT],
      [JSON.parse('{"__proto__": {"polluted": true}}'), 'setting-forbidden-key', 0],
      [10n, 'setting-unreadable', 0],
      [new Map(), 'setting-unreadable', 0],
    ];
    for (const [value, code, max] of cases) {
      expect(checkSettingValue('units', value), code).toEqual({ code, values: { param: 'units', max }, param: 'units' });
    }
    expect(checkSettingValue('units', JSON.parse(deepArrayText(MAX_SETTING_DEPTH)))).toBeUndefined();
  });

  it('ends on a cycle and refuses non-finite numbers only when asked (the canvas words those itself)', () => {
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    expect(checkSettingValue('units', cycle)?.code).toBe('setting-too-deep');
    expect(checkSettingValue('units', [1, NaN])).toBeUndefined();
    expect(checkSettingValue('units', [1, NaN], { finiteNumbers: true })?.code).toBe('setting-not-finite');
    expect(checkLayerSettings(JSON.parse('{"constructor": 1}'))?.code).toBe('setting-forbidden-key');
  });
});

describe('a setting nested 10,000 deep', () => {
  it('is an issue on its node naming the layer and the setting, not a stack overflow in analyzeGraph or toNetwork', () => {
    const project = deepProject();
    const analysis = analyzeGraph(project.graph);
    expect(analysis.valid).toBe(false);
    const issue = analysis.issues.find((i) => i.code === 'bad-param')!;
    expect(issue).toMatchObject({ target: { node: project.graph.nodes[DENSE_1]!.id }, param: 'units' });
    expect(issueText('en', issue)).toBe(
      'dense_1: units is nested more than 16 levels deep — a setting is a number, a word or a short list; correct it in the file',
    );
    const seq = toNetwork(project.graph);
    expect(seq.ok).toBe(false);
  });

  it('is a file error naming the layer and the setting when a project file holds it', () => {
    const text = withRawValue(TEMPLATE, ['graph', 'nodes', DENSE_1, 'params', 'units'], deepArrayText(10_000));
    const read = parseProject(text);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error).toEqual({
      code: 'bad-setting',
      values: { layer: 'dense_1', setting: 'units', reason: 'setting-too-deep', max: 16 },
    });
    expect(projectProblemText('en', read.error)).toMatch(/^Layer 'dense_1': units is nested more than 16 levels deep/);
    expect(projectProblemText('ko', read.error)).toContain('dense_1');
  });

  it('makes serializeProject refuse with a named error instead of a RangeError', () => {
    expect(() => serializeProject(deepProject())).toThrow(ProjectBoundsError);
    expect(() => serializeProject(deepProject())).toThrow(/dense_1.*units/);
  });
});
