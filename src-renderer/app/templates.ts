import { readProject } from '../../src-shared/project/io';
import type { Project } from '../../src-shared/project/schema';
import { isTemplateId, TEMPLATE_IDS } from '../../src-shared/project/templates';
import { translator } from '../../src-shared/i18n/catalog';
import { projectProblemText } from '../../src-shared/i18n/file-text';
import type { Language } from '../i18n/i18n';

/** A starting network that ships with the app (assets/templates/<id>.convas.json). */
export interface Template {
  /** The file name without ".convas.json", e.g. "lecture-cnn". */
  readonly id: string;
  readonly project: Project;
}

const FILES = import.meta.glob('../../assets/templates/*.convas.json', { eager: true, import: 'default' });

function load(): Template[] {
  const templates: Template[] = [];
  for (const [path, doc] of Object.entries(FILES)) {
    const id = path.replace(/^.*\//, '').replace(/\.convas\.json$/, '');
    const read = readProject(doc);
    if (read.ok) templates.push({ id, project: read.project });
    else console.error(`template ${id} is damaged: ${projectProblemText('en', read.error)}`);
  }
  // Menu order: the lecture first; a file Convas has no words for goes last.
  const rank = (id: string) => (isTemplateId(id) ? TEMPLATE_IDS.indexOf(id) : TEMPLATE_IDS.length);
  return templates.sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
}

export const TEMPLATES: readonly Template[] = load();

export function findTemplate(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/** The template's title and description in a language (from the templates dictionary; else as its file says). */
export function templateText(template: Template, language: Language): { name: string; description: string } {
  const id = template.id;
  if (!isTemplateId(id)) return { name: template.project.name, description: template.project.description };
  const t = translator(language, 'templates');
  return { name: t(`${id}.name`), description: t(`${id}.description`) };
}

/** The template's network as a new project named and described in the user's language. */
export function templateProject(template: Template, language: Language): Project {
  return { ...template.project, ...templateText(template, language) };
}
