import { importKerasModel, isKerasDocument, type ImportProblem, type KerasFlavor } from '../keras/import';
import { readProject, type ProjectProblem } from '../project/io';
import { CURRENT_FORMAT_VERSION, type Project } from '../project/schema';
import { defaultTrainingSettings } from '../project/training';
import { graphFromLayers } from '../graph/network';
import type { Coded, NoValues } from '../i18n/coded';

/** What a file held before it became a project. */
export type ModelFileKind = 'project' | KerasFlavor;

/** Why a file is neither JSON nor any model Convas reads. */
export type FormatProblem = Coded<{ readonly 'not-json': { readonly detail: string }; readonly 'unknown-format': NoValues }>;

/** Why a file cannot be opened: its name, and what the reader of its format said (worded by fileProblemText). */
export type ModelFileProblem =
  | { readonly file: string; readonly reader: 'format'; readonly problem: FormatProblem }
  | { readonly file: string; readonly reader: 'project'; readonly problem: ProjectProblem }
  | { readonly file: string; readonly reader: 'keras'; readonly problem: ImportProblem };

export type ModelFileRead =
  { readonly ok: true; readonly project: Project; readonly kind: ModelFileKind } | { readonly ok: false; readonly error: ModelFileProblem };

/** Opens any file Convas reads (project, Keras 3 / tf.keras 2 JSON, TensorFlow.js model.json) as a project; never throws. */
export function readModelFile(text: string, file: string): ModelFileRead {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { file, reader: 'format', problem: { code: 'not-json', values: { detail } } } };
  }
  return readModelDocument(doc, file);
}

/** Opens a parsed document (project, Keras or tfjs model) as a project; never throws, even on a cyclic object. */
export function readModelDocument(doc: unknown, file: string): ModelFileRead {
  if (typeof doc === 'object' && doc !== null && 'formatVersion' in doc) {
    const read = readProject(doc);
    return read.ok
      ? { ok: true, project: read.project, kind: 'project' }
      : { ok: false, error: { file, reader: 'project', problem: read.error } };
  }
  if (isKerasDocument(doc)) {
    const imported = importKerasModel(doc);
    if (!imported.ok) return { ok: false, error: { file, reader: 'keras', problem: imported.error } };
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
  return { ok: false, error: { file, reader: 'format', problem: { code: 'unknown-format', values: {} } } };
}
