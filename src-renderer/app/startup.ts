import { serializeProject } from '../../src-shared/project/io';
import type { Project } from '../../src-shared/project/schema';
import { t, useLanguageStore } from '../i18n/i18n';
import { clearAutosave, loadAutosaved, readAutosave, restoreChoice, startAutosave } from '../store/autosave';
import { newProject } from '../store/new-project';
import { tidyProject } from '../store/tidy';
import { useUiStore } from '../store/ui-store';
import { findTemplate, templateProject } from './templates';

/** The project to start with: `?template=<id>` if given (handy for demos and tests), else a new one. */
export function startupProject(search: string): Project {
  const id = new URLSearchParams(search).get('template');
  const template = id ? findTemplate(id) : undefined;
  return template ? tidyProject(templateProject(template, useLanguageStore.getState().language)) : newProject(t('app.untitled'));
}

/**
 * Deals with the autosaved copy, then starts autosaving: unsaved work is offered for restoring;
 * a copy of the design as last saved (kept after a browser Save, which may have been a cancelled
 * download) is reopened as saved without asking, or offered when the page asked for a template.
 * Autosave starts only after the answer, so the old work is not overwritten before the user decides.
 */
export async function offerRestore(opened: Project, search: string): Promise<void> {
  let openedText = '';
  try {
    openedText = serializeProject(opened);
  } catch {
    // An unserialisable start project cannot equal the autosave.
  }
  const asked = new URLSearchParams(search).has('template');
  const choice = restoreChoice(readAutosave(localStorage), openedText, asked);
  if (choice.kind === 'reopen') {
    loadAutosaved(choice.copy);
    useUiStore.getState().requestFit();
    useUiStore.getState().notify('info', t('file.reopened', { name: choice.copy.project.name }));
  } else if (choice.kind !== 'none') {
    const { copy } = choice;
    const time = new Date(copy.savedAt).toLocaleString(useLanguageStore.getState().language);
    const values = { name: copy.project.name, time, n: copy.project.graph.nodes.length };
    const unsaved = choice.kind === 'offer-unsaved';
    const ok = await useUiStore.getState().confirm({
      title: unsaved ? t('dialog.restoreTitle') : t('dialog.reopenTitle'),
      body: unsaved ? t('dialog.restoreBody', values) : t('dialog.reopenBody', values),
      confirm: unsaved ? t('dialog.restore') : t('dialog.reopen'),
      cancel: t('dialog.restoreDiscard'),
    });
    if (ok) {
      loadAutosaved(copy);
      useUiStore.getState().requestFit();
    } else clearAutosave(localStorage);
  }
  startAutosave(localStorage, (listener) => {
    window.addEventListener('pagehide', listener);
    return () => window.removeEventListener('pagehide', listener);
  });
}
