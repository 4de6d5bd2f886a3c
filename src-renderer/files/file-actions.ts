// What the File menu does: each action talks to the file host, the project store and the user.
import { readModelFile } from '../../src-shared/format/model-file';
import { serializeProject } from '../../src-shared/project/io';
import type { Project } from '../../src-shared/project/schema';
import { t } from '../i18n/i18n';
import { isDirty, useProjectStore } from '../store/project-store';
import { newProject } from '../store/new-project';
import { tidyProject } from '../store/tidy';
import { useUiStore } from '../store/ui-store';
import { analysisOf, summaryOf } from '../store/analysis';
import { findTemplate, templateProject } from '../app/templates';
import { useLanguageStore } from '../i18n/i18n';
import { fileProblemText } from '../../src-shared/i18n/file-text';
import { pytorchProblemText } from '../../src-shared/i18n/pytorch-text';
import { fileHost } from './host';
import { refreshRecentFiles, rememberFile, type RecentFile } from './recent-files';
import { baseName } from './file-host';
import { fileStem, kerasFile, projectFile, pythonFile, pytorchFile, tfjsFile, type PytorchExportResult } from './exports';
import { savePlan } from './save-plan';
import { renderGraphPng, type Size } from './png-export';
import { markNetworkReplaced } from '../training/run-state';

const OPEN_TYPES = ['.json', '.convas.json', 'application/json'];

/** Asks before throwing away unsaved changes; true when it is fine to go on. */
export async function confirmDiscard(): Promise<boolean> {
  const state = useProjectStore.getState();
  if (!isDirty(state)) return true;
  return useUiStore.getState().confirm({
    title: t('dialog.discardTitle'),
    body: t('dialog.discardBody', { name: state.project.name }),
    confirm: t('dialog.discard'),
    cancel: t('dialog.cancel'),
    danger: true,
  });
}

function loaded(project: Project, fileName: string | null, path?: string): void {
  useProjectStore.getState().load(tidyProject(project), fileName, path !== undefined ? { path } : undefined);
  // Training results, curves and maps on screen now belong to the previous network.
  markNetworkReplaced();
  useUiStore.getState().requestFit();
}

export async function newProjectAction(): Promise<void> {
  if (!(await confirmDiscard())) return;
  loaded(newProject(t('app.untitled')), null);
}

/**
 * Opens file text of any kind Convas reads. A bad file leaves the current work as it is and
 * says why; returns whether the file was opened. `path` (desktop app) is where a project lives,
 * so Save can write back there.
 */
export function openText(name: string, text: string, path?: string): boolean {
  const read = readModelFile(text, name);
  const ui = useUiStore.getState();
  if (!read.ok) {
    ui.notify(
      'error',
      t('file.openFailed', { name }),
      `${fileProblemText(useLanguageStore.getState().language, read.error)} ${t('file.untouched')}`,
    );
    return false;
  }
  const isProject = read.kind === 'project';
  loaded(read.project, isProject ? name : null, isProject ? path : undefined);
  rememberFile(name, text);
  if (isProject) ui.notify('success', t('file.opened', { name }));
  else ui.notify('success', t('file.imported', { name, kind: t(`file.kind.${read.kind}`) }));
  return true;
}

function openFailed(name: string, e: unknown): void {
  useUiStore
    .getState()
    .notify(
      'error',
      name ? t('file.openFailed', { name }) : t('file.openError'),
      `${e instanceof Error ? e.message : String(e)} ${t('file.untouched')}`,
    );
}

async function openWith(purpose: 'project' | 'model'): Promise<void> {
  if (!(await confirmDiscard())) return;
  let file;
  try {
    file = await fileHost().open(OPEN_TYPES, purpose);
  } catch (e) {
    openFailed('', e);
    return;
  }
  if (file) openText(file.name, file.text, file.path);
}

export async function openAction(): Promise<void> {
  await openWith('project');
}

/** Opens a Keras or TensorFlow.js model JSON as a new, unsaved project (the desktop menu's Import). */
export async function importModelAction(): Promise<void> {
  await openWith('model');
}

/** Reopens a file the desktop app remembers by its path (the recent list, or a file the OS handed over). */
async function openPath(path: string, name: string): Promise<void> {
  const host = fileHost();
  try {
    if (!host.openRecent) throw new Error('Files can be reopened by path only in the desktop app.');
    const file = await host.openRecent(path);
    openText(file.name, file.text, file.path);
  } catch (e) {
    openFailed(name, e);
    // Main drops a file it cannot read from its list.
    void refreshRecentFiles();
  }
}

export async function openRecentAction(recent: RecentFile): Promise<void> {
  if (!(await confirmDiscard())) return;
  if (recent.path !== undefined) await openPath(recent.path, recent.name);
  else openText(recent.name, recent.text ?? '');
}

/** The desktop menu's Open Recent (and files opened from the OS): a path main put on its list. */
export async function openRecentPathAction(path: string): Promise<void> {
  if (!(await confirmDiscard())) return;
  await openPath(path, baseName(path));
}

export async function loadTemplateAction(id: string): Promise<void> {
  const template = findTemplate(id);
  if (!template || !(await confirmDiscard())) return;
  const project = templateProject(template, useLanguageStore.getState().language);
  loaded(project, null);
  useUiStore.getState().notify('info', t('file.templateLoaded', { name: project.name }));
}

async function save(saveAs: boolean): Promise<void> {
  const { project, filePath } = useProjectStore.getState();
  const { target, suggested } = savePlan(project.name, filePath, saveAs);
  let text: string;
  try {
    text = serializeProject(project);
  } catch (e) {
    useUiStore.getState().notify('error', t('file.exportFailed'), e instanceof Error ? e.message : String(e));
    return;
  }
  let written;
  try {
    written = await fileHost().save(target, text, suggested);
  } catch (e) {
    useUiStore
      .getState()
      .notify('error', t('file.saveFailed', { name: target ? baseName(target) : suggested }), e instanceof Error ? e.message : String(e));
    return;
  }
  if (written === null) return;
  // A browser download may have been cancelled: marked unconfirmed, the autosaved copy is kept so nothing can be lost.
  useProjectStore.getState().markSaved(written.name, written.path, written.unconfirmed === true);
  rememberFile(written.name, text);
  useUiStore.getState().notify('success', t('file.saved', { name: written.name }));
}

/** Saves where the project lives, or (a browser download) as a file named after the project now: see savePlan. */
export async function saveAction(): Promise<void> {
  await save(false);
}

export async function saveAsAction(): Promise<void> {
  await save(true);
}

export type ExportKind = 'project' | 'keras' | 'tfjs' | 'python' | 'python-mirrored' | 'python-multi-worker' | 'pytorch' | 'png';

/** Exports the project; `sizes` (the nodes' measured sizes) is needed for the PNG. */
export async function exportAction(kind: ExportKind, sizes?: ReadonlyMap<string, Size>): Promise<void> {
  const { project } = useProjectStore.getState();
  const ui = useUiStore.getState();
  try {
    if (kind === 'png') {
      const analysis = analysisOf(project.graph);
      const summary = summaryOf(analysis);
      const caption = summary ? `${project.name} — ${t('status.params', { n: summary.totalParams })}` : project.name;
      const blob = await renderGraphPng(project.graph, analysis, sizes ?? new Map(), useLanguageStore.getState().language, caption);
      const name = `${fileStem(project.name)}.png`;
      if (!(await fileHost().download(name, blob, 'image/png'))) return;
      ui.notify('success', t('file.exported', { name }));
      return;
    }
    const result: PytorchExportResult =
      kind === 'project'
        ? { ok: true, file: projectFile(project) }
        : kind === 'keras'
          ? kerasFile(project)
          : kind === 'tfjs'
            ? tfjsFile(project)
            : kind === 'pytorch'
              ? pytorchFile(project)
              : pythonFile(project, kind === 'python' ? 'none' : kind === 'python-mirrored' ? 'mirrored' : 'multi-worker');
    if (!result.ok && 'refused' in result) {
      ui.notify('error', t('file.exportFailed'), pytorchProblemText(useLanguageStore.getState().language, result.refused));
      return;
    }
    if (!result.ok) {
      ui.notify('error', t('file.exportFailed'), t('file.exportInvalid', { n: result.problems }));
      ui.setSummaryOpen(true);
      return;
    }
    if (!(await fileHost().download(result.file.name, result.file.text, result.file.mime))) return;
    ui.notify('success', t('file.exported', { name: result.file.name }));
  } catch (e) {
    ui.notify('error', t('file.exportFailed'), e instanceof Error ? e.message : String(e));
  }
}

/** Opens a file dropped onto the window (a project, Keras JSON or model.json). */
export async function openDroppedFile(file: File): Promise<void> {
  if (!(await confirmDiscard())) return;
  openText(file.name, await file.text());
}
