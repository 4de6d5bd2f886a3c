import type { z } from 'zod';
import { CURRENT_FORMAT_VERSION, projectSchema, type Project } from './schema';
import { MIGRATIONS } from './migrations';
import type { Coded, NoValues } from '../i18n/coded';
import { checkLayersSettings, type BoundsCode, type LayerBoundsProblem } from '../graph/param-bounds';
import { shorten } from '../i18n/format';
import { augments, type TrainingSettings } from './training';

/**
 * The values of each reason a document is not a project Convas can open (each is worded with what
 * to do). `detail` is technical text a person can look up in the file: a JSON parser's message, or
 * where the file breaks the format ("graph.nodes[2].kind: …").
 */
export type ProjectProblemValues = {
  readonly 'not-object': NoValues;
  readonly 'no-version': NoValues;
  readonly 'newer-version': { readonly version: number; readonly current: number };
  readonly 'no-migration': { readonly version: number };
  readonly 'damaged-version': { readonly version: number; readonly detail: string };
  readonly damaged: { readonly detail: string };
  readonly 'not-json': { readonly detail: string };
  /** A layer's setting is out of bounds (nested too deep, too long, a forbidden key); `reason` is worded as the issue would be. */
  readonly 'bad-setting': { readonly layer: string; readonly setting: string; readonly reason: BoundsCode; readonly max: number };
};

/** Why a document is not a project Convas can open, as a code with its values. */
export type ProjectProblem = Coded<ProjectProblemValues>;
export type ProjectProblemCode = ProjectProblem['code'];

export type ProjectParse =
  { readonly ok: true; readonly project: Project; readonly migratedFrom?: number } | { readonly ok: false; readonly error: ProjectProblem };

/** Says where a zod issue is, as a path a person can find in the file ("graph.nodes[2].kind"). */
export function issuePath(path: readonly PropertyKey[]): string {
  // A key is the file's own text: a 1 MB key must not make a 1 MB message.
  const name = (key: PropertyKey) => shorten(String(key), 40);
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${name(key)}` : name(key)), '');
}

/** The reader's error for a layer whose settings are out of bounds. */
export function badSetting(found: LayerBoundsProblem): Coded<Pick<ProjectProblemValues, 'bad-setting'>> {
  const { layer, problem } = found;
  return { code: 'bad-setting', values: { layer, setting: problem.param, reason: problem.code, max: problem.values.max } };
}

/** Thrown by serializeProject for a project no reader would have produced: a setting out of bounds. */
export class ProjectBoundsError extends Error {
  constructor(readonly problem: Coded<Pick<ProjectProblemValues, 'bad-setting'>>) {
    super(`bad-setting: ${shorten(problem.values.layer)} / ${shorten(problem.values.setting)} (${problem.values.reason})`);
    this.name = 'ProjectBoundsError';
  }
}

/** Formats the first few zod issues as one sentence list. */
export function zodIssues(error: z.ZodError, max = 3): string {
  const parts = error.issues.slice(0, max).map((i) => `${issuePath(i.path) || '(top level)'}: ${i.message}`);
  const more = error.issues.length > max ? ` (and ${error.issues.length - max} more)` : '';
  return parts.join('; ') + more;
}

/** Reads a project document (already parsed JSON), migrating older versions; never throws. */
export function readProject(doc: unknown): ProjectParse {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { ok: false, error: { code: 'not-object', values: {} } };
  }
  const version = (doc as Record<string, unknown>)['formatVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: { code: 'no-version', values: {} } };
  }
  if (version > CURRENT_FORMAT_VERSION) {
    return { ok: false, error: { code: 'newer-version', values: { version, current: CURRENT_FORMAT_VERSION } } };
  }
  let current: unknown = doc;
  for (let v = version; v < CURRENT_FORMAT_VERSION; v++) {
    const migrate = MIGRATIONS[v];
    if (!migrate) return { ok: false, error: { code: 'no-migration', values: { version: v } } };
    try {
      current = migrate(current);
    } catch (e) {
      const detail = isZodError(e) ? zodIssues(e) : e instanceof Error ? e.message : String(e);
      return { ok: false, error: { code: 'damaged-version', values: { version, detail } } };
    }
  }
  const parsed = projectSchema.safeParse(current);
  if (!parsed.success) return { ok: false, error: { code: 'damaged', values: { detail: zodIssues(parsed.error) } } };
  // zod keeps settings raw; they must be safe to analyse and write back before the project is opened.
  const outOfBounds = checkLayersSettings(parsed.data.graph.nodes);
  if (outOfBounds) return { ok: false, error: badSetting(outOfBounds) };
  return { ok: true, project: parsed.data, ...(version !== CURRENT_FORMAT_VERSION ? { migratedFrom: version } : {}) };
}

/** Parses project file text; a malformed file is an error message, never an exception. */
export function parseProject(text: string): ProjectParse {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: { code: 'not-json', values: { detail: e instanceof Error ? e.message : String(e) } } };
  }
  return readProject(doc);
}

/** The project as file text, stable and readable (2-space JSON, trailing newline); throws ProjectBoundsError for a setting out of bounds. */
export function serializeProject(project: Project): string {
  const outOfBounds = checkLayersSettings(project.graph.nodes);
  if (outOfBounds) throw new ProjectBoundsError(badSetting(outOfBounds));
  const checked = projectSchema.parse(project);
  return `${JSON.stringify({ ...checked, training: withoutDefaultOptions(checked.training) }, null, 2)}\n`;
}

/**
 * The training settings as written: augmentation and normalisation only when not the defaults, so
 * a project that uses neither keeps the text it had before they existed (reading fills them in).
 */
function withoutDefaultOptions(training: TrainingSettings): Partial<TrainingSettings> {
  const { augmentation, normalization, ...rest } = training;
  return { ...rest, ...(augments(augmentation) ? { augmentation } : {}), ...(normalization !== 'unit' ? { normalization } : {}) };
}

function isZodError(e: unknown): e is z.ZodError {
  return typeof e === 'object' && e !== null && 'issues' in e && Array.isArray((e as { issues: unknown }).issues);
}
