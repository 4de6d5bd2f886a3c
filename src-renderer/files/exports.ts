import type { Project } from '../../src-shared/project/schema';
import { serializeProject } from '../../src-shared/project/io';
import { toNetwork } from '../../src-shared/graph/network';
import { toKeras3Json, toTfjsTopology } from '../../src-shared/keras/export';
import { toPythonScript } from '../../src-shared/python/generate';
import type { Distribution } from '../../src-shared/python/keras-distribution';
import { toPytorchModule, type PytorchProblem } from '../../src-shared/pytorch/generate';

/** A generated file, ready to hand to the user. */
export interface ExportFile {
  readonly name: string;
  readonly text: string;
  readonly mime: string;
}

export type ExportResult = { readonly ok: true; readonly file: ExportFile } | { readonly ok: false; readonly problems: number };

/** A PyTorch export's result: also refused when the network is valid but a layer cannot be written exactly. */
export type PytorchExportResult = ExportResult | { readonly ok: false; readonly refused: PytorchProblem };

/** A file-name stem from a project name: "Lecture CNN" → "lecture-cnn" (letters of any script survive). */
export function fileStem(name: string): string {
  const stem = name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return stem || 'model';
}

/** The Python identifier-like model name Keras shows in `Model: "…"`. */
function modelName(project: Project): string {
  return fileStem(project.name).replace(/-/g, '_');
}

export function projectFile(project: Project): ExportFile {
  return { name: `${fileStem(project.name)}.convas.json`, text: serializeProject(project), mime: 'application/json' };
}

export function kerasFile(project: Project): ExportResult {
  const seq = toNetwork(project.graph, modelName(project));
  if (!seq.ok) return { ok: false, problems: seq.issues.length };
  return {
    ok: true,
    file: {
      name: `${fileStem(project.name)}.keras.json`,
      text: `${JSON.stringify(toKeras3Json(seq.model), null, 2)}\n`,
      mime: 'application/json',
    },
  };
}

/** A TensorFlow.js model.json holding the topology only (no weights: the engine exports trained ones). */
export function tfjsFile(project: Project): ExportResult {
  const seq = toNetwork(project.graph, modelName(project));
  if (!seq.ok) return { ok: false, problems: seq.issues.length };
  const doc = {
    format: 'layers-model',
    generatedBy: 'Convas',
    convertedBy: null,
    modelTopology: toTfjsTopology(seq.model),
    weightsManifest: [],
  };
  return { ok: true, file: { name: 'model.json', text: `${JSON.stringify(doc, null, 2)}\n`, mime: 'application/json' } };
}

/** The Keras script of the design, training on one machine or spread by tf.distribute (named with a suffix then). */
export function pythonFile(project: Project, distribution: Distribution = 'none'): ExportResult {
  const seq = toNetwork(project.graph, modelName(project));
  if (!seq.ok) return { ok: false, problems: seq.issues.length };
  const suffix = distribution === 'none' ? '' : `-${distribution}`;
  return {
    ok: true,
    file: {
      name: `${fileStem(project.name)}${suffix}`.replace(/-/g, '_') + '.py',
      text: toPythonScript(seq.model, project.training, project.name, { distribution }),
      mime: 'text/x-python',
    },
  };
}

/** The design as a PyTorch module (no weights: the engine's trained export writes model_pytorch.py beside them). */
export function pytorchFile(project: Project): PytorchExportResult {
  const seq = toNetwork(project.graph, modelName(project));
  if (!seq.ok) return { ok: false, problems: seq.issues.length };
  const module = toPytorchModule(seq.model, project.name);
  if (!module.ok) return { ok: false, refused: module.problem };
  return { ok: true, file: { name: `${fileStem(project.name).replace(/-/g, '_')}_pytorch.py`, text: module.text, mime: 'text/x-python' } };
}
