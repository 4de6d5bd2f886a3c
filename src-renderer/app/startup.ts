import { serializeProject } from '../../src-shared/project/io';
import type { Project } from '../../src-shared/project/schema';
import { t, useLanguageStore } from '../i18n/i18n';
import { clearAutosave, readAutosave, startAutosave } from '../store/autosave';
import { newProject } from '../store/new-project';
import { tidyProject } from '../store/tidy';
import { useProjectStore } from '../store/project-store';
import { useUiStore } from '../store/ui-store';
import { findTemplate } from './templates';

/** The project to start with: `?template=<id>` if given (handy for demos and tests), else a new one. */
export function startupProject(search: string): Project {
  const id = new URLSearchParams(search).get('template');
  const template = id ? findTemplate(id) : undefined;
  return template ? tidyProject(template.project) : newProject(t('app.untitled'));
}

/**
 * Offers to restore autosaved work that differs from what was opened, then starts autosaving.
 * Autosave starts only after the answer, so the old work is not overwritten before the user decides.
 */
export async function offerRestore(opened: Project): Promise<void> {
  const saved = readAutosave();
  let openedText = '';
  try {
    openedText = serializeProject(opened);
  } catch {
    // An unserialisable start project cannot equal the autosave.
  }
  if (saved && saved.text !== openedText) {
    const time = new Date(saved.savedAt).toLocaleString(useLanguageStore.getState().language);
    const ok = await useUiStore.getState().confirm({
      title: t('dialog.restoreTitle'),
      body: t('dialog.restoreBody', { name: saved.project.name, time, n: saved.project.graph.nodes.length }),
      confirm: t('dialog.restore'),
      cancel: t('dialog.restoreDiscard'),
    });
    if (ok) {
      useProjectStore.getState().load(saved.project, saved.fileName, { dirty: true });
      useUiStore.getState().requestFit();
    } else clearAutosave();
  }
  startAutosave();
}
