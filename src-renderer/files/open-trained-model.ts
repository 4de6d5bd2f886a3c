// File ▸ Open trained model…: model.json + its weights (+ convas-dataset.json) go to the engine,
// which makes them the current model; the canvas then shows the network and the feature-map
// viewer looks inside it, without training. A refusal leaves the current work as it was.
import type { EngineApi } from '../../src-shared/engine/engine-api';
import type { EngineEventOf } from '../../src-shared/engine/protocol';
import { pickTrainedModelFiles, type TrainedModelPick, type PickedFile } from '../../src-shared/format/trained-model-files';
import { readModelDocument } from '../../src-shared/format/model-file';
import { fileProblemText } from '../../src-shared/i18n/file-text';
import { translator } from '../../src-shared/i18n/catalog';
import type { Project } from '../../src-shared/project/schema';
import { t, useLanguageStore } from '../i18n/i18n';
import { engineErrorText } from '../engine/engine-words';
import { useProjectStore } from '../store/project-store';
import { tidyProject } from '../store/tidy';
import { useUiStore } from '../store/ui-store';
import { activeEngine } from '../training/controller';
import { newRunId } from '../training/run-id';
import { graphSignature } from '../training/freshness';
import { adoptOpenedModel } from '../training/run-state';
import { chooseDrawing, resetInspections } from '../inspect/inspect-store';
import { confirmDiscard } from './file-actions';
import { fileHost } from './host';
import { desktopBridge } from '../app/bridge';
import { hasLinkState } from '../engine/connect';

/** What the picker offers: model.json and convas-dataset.json, and the weight shards TensorFlow.js writes. */
export const TRAINED_MODEL_TYPES = ['.json', '.bin', 'application/json', 'application/octet-stream'];

/** What browser mode can send its engine in one message, with room for the command around the files. */
export const BROWSER_MODE_MAX_BYTES = 3.5 * 1024 * 1024;

/** What came of asking the engine to open a model: its answer, or its refusal worded in the user's language. */
export type EngineOpening =
  { readonly ok: true; readonly event: EngineEventOf<'model-opened'> } | { readonly ok: false; readonly text: string };

/** Sends open-model and waits for the engine's answer to this runId. */
export function askEngineToOpen(engine: EngineApi, runId: string, pick: TrainedModelPick): Promise<EngineOpening> {
  return new Promise((resolve) => {
    const language = useLanguageStore.getState().language;
    let offState = () => {};
    const off = engine.on((event) => {
      if (event.type === 'model-opened' && event.runId === runId) {
        off();
        offState();
        resolve({ ok: true, event });
      } else if (event.type === 'error' && event.runId === runId && event.requestId === undefined) {
        off();
        offState();
        resolve({ ok: false, text: engineErrorText(language, event) });
      }
    });
    // An engine that goes away before it answers never will.
    if (hasLinkState(engine))
      offState = engine.onState((state) => {
        if (state !== 'closed') return;
        off();
        offState();
        resolve({
          ok: false,
          text: engineErrorText(language, { message: 'engine closed', reason: { code: 'engine-stopped', values: {} } }),
        });
      });
    engine.send({
      type: 'open-model',
      runId,
      modelJson: pick.modelJson,
      weights: pick.weights,
      ...(pick.dataset ? { dataset: pick.dataset } : {}),
    });
  });
}

/** The project an opened model becomes: its network laid out as an import is, with the current training settings. */
function projectOf(event: EngineEventOf<'model-opened'>): Project {
  const { project } = useProjectStore.getState();
  return tidyProject({ ...project, name: event.name, description: '', graph: event.graph });
}

function failed(text: string): void {
  useUiStore.getState().notify('error', t('file.openModelFailed'), `${text} ${t('file.untouched')}`);
}

/**
 * Opens picked files as a trained model: sorts them out, checks model.json reads as a network, asks
 * the engine to open them, then shows the network and its feature maps. Resolves when done or refused.
 */
export async function openTrainedFiles(files: readonly PickedFile[]): Promise<void> {
  const language = useLanguageStore.getState().language;
  // Browser mode's server takes messages of at most 4 MiB (src-main/server/limits.ts); the desktop app's port has no such limit.
  const limit = desktopBridge() ? undefined : BROWSER_MODE_MAX_BYTES;
  const read = pickTrainedModelFiles(files, (data) => new TextDecoder().decode(data), limit);
  if (!read.ok) {
    const { code, values } = read.problem;
    failed(translator(language, 'files')(`trained.${code}`, values));
    return;
  }
  const { pick } = read;
  // The importer's own words for a network Convas cannot read, as Import… would say them.
  const design = readModelDocument(pick.modelDocument, pick.modelFile);
  if (!design.ok) {
    failed(fileProblemText(language, design.error));
    return;
  }
  const engine = activeEngine();
  if (!engine) {
    failed(t('file.noEngine'));
    return;
  }
  const runId = newRunId();
  const answer = await askEngineToOpen(engine, runId, pick);
  if (!answer.ok) {
    failed(answer.text);
    return;
  }
  const { event } = answer;
  const project = projectOf(event);
  useProjectStore.getState().load(project, null);
  resetInspections();
  adoptOpenedModel(
    { event, files: [pick.modelFile, ...pick.weightFiles, ...(pick.datasetFile ? [pick.datasetFile] : [])], datasetFile: pick.datasetFile },
    { name: project.name, signature: graphSignature(project.graph) },
  );
  // Without test samples the drawing is what there is to look at.
  if (event.testSamples !== 'loaded') chooseDrawing();
  const ui = useUiStore.getState();
  ui.requestFit();
  ui.notify('success', t('file.openedModel', { name: pick.modelFile }));
}

/** Asks for the files of a trained model (model.json, weights.bin, convas-dataset.json) and opens them. */
export async function openTrainedModelAction(): Promise<void> {
  const host = fileHost();
  if (!host.openFiles || !(await confirmDiscard())) return;
  let files;
  try {
    files = await host.openFiles(TRAINED_MODEL_TYPES);
  } catch (e) {
    failed(e instanceof Error ? e.message : String(e));
    return;
  }
  if (files) await openTrainedFiles(files);
}
