import type { z } from 'zod';
import { CURRENT_FORMAT_VERSION, projectSchema, type Project } from './schema';
import { MIGRATIONS } from './migrations';

/** What to do when a file is not a project, or a damaged one (every error says what to do). */
const OPEN_ANOTHER = 'Open a .convas.json file saved by Convas.';
const REPAIR = 'Correct what is named above in a text editor, or open an earlier copy of the project.';

export type ProjectParse =
  { readonly ok: true; readonly project: Project; readonly migratedFrom?: number } | { readonly ok: false; readonly error: string };

/** Says where a zod issue is, as a path a person can find in the file ("graph.nodes[2].kind"). */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
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
    return { ok: false, error: `This is not a Convas project: expected a JSON object with "formatVersion". ${OPEN_ANOTHER}` };
  }
  const version = (doc as Record<string, unknown>)['formatVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: `This is not a Convas project: "formatVersion" is missing or not a whole number. ${OPEN_ANOTHER}` };
  }
  if (version > CURRENT_FORMAT_VERSION) {
    return {
      ok: false,
      error: `This project was saved by a newer Convas (format ${version}); this version reads formats 1 to ${CURRENT_FORMAT_VERSION}. Update Convas to open it.`,
    };
  }
  let current: unknown = doc;
  for (let v = version; v < CURRENT_FORMAT_VERSION; v++) {
    const migrate = MIGRATIONS[v];
    if (!migrate) return { ok: false, error: `No migration from project format ${v}; the file cannot be opened.` };
    try {
      current = migrate(current);
    } catch (e) {
      const detail = isZodError(e) ? zodIssues(e) : e instanceof Error ? e.message : String(e);
      return { ok: false, error: `This format-${version} project is damaged: ${detail}. ${REPAIR}` };
    }
  }
  const parsed = projectSchema.safeParse(current);
  if (!parsed.success) return { ok: false, error: `This project file is damaged: ${zodIssues(parsed.error)}. ${REPAIR}` };
  return { ok: true, project: parsed.data, ...(version !== CURRENT_FORMAT_VERSION ? { migratedFrom: version } : {}) };
}

/** Parses project file text; a malformed file is an error message, never an exception. */
export function parseProject(text: string): ProjectParse {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      error: `This file is not valid JSON (${e instanceof Error ? e.message : String(e)}); it may be cut short or not a project. ${OPEN_ANOTHER}`,
    };
  }
  return readProject(doc);
}

/** The project as file text, stable and readable (2-space JSON, trailing newline). */
export function serializeProject(project: Project): string {
  return `${JSON.stringify(projectSchema.parse(project), null, 2)}\n`;
}

function isZodError(e: unknown): e is z.ZodError {
  return typeof e === 'object' && e !== null && 'issues' in e && Array.isArray((e as { issues: unknown }).issues);
}
