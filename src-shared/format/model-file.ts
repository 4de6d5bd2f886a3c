import { importKerasModel, isKerasDocument, type KerasFlavor } from '../keras/import';
import { readProject } from '../project/io';
import { CURRENT_FORMAT_VERSION, type Project } from '../project/schema';
import { defaultTrainingSettings } from '../project/training';
import { graphFromLayers } from '../graph/sequential';

/** What a file held before it became a project. */
export type ModelFileKind = 'project' | KerasFlavor;

export type ModelFileRead =
  { readonly ok: true; readonly project: Project; readonly kind: ModelFileKind } | { readonly ok: false; readonly error: string };

/** Opens any file Convas reads (project, Keras 3 / tf.keras 2 JSON, TensorFlow.js model.json) as a project; never throws. */
export function readModelFile(text: string, fileName = 'the file'): ModelFileRead {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `${fileName} is not valid JSON (${e instanceof Error ? e.message : String(e)}).` };
  }
  if (typeof doc === 'object' && doc !== null && 'formatVersion' in doc) {
    const read = readProject(doc);
    return read.ok ? { ok: true, project: read.project, kind: 'project' } : { ok: false, error: `${fileName}: ${read.error}` };
  }
  if (isKerasDocument(doc)) {
    const imported = importKerasModel(doc);
    if (!imported.ok) return { ok: false, error: `${fileName}: ${imported.error}` };
    const project: Project = {
      formatVersion: CURRENT_FORMAT_VERSION,
      app: 'convas',
      name: imported.name,
      description: '',
      graph: graphFromLayers(imported.layers),
      training: defaultTrainingSettings(),
    };
    return { ok: true, project, kind: imported.flavor };
  }
  return {
    ok: false,
    error: `${fileName} is neither a Convas project (no "formatVersion") nor a Keras model (no "class_name") nor a TensorFlow.js model.json (no "modelTopology").`,
  };
}
