import type { Dictionary, Message } from '../../dictionary';
import type { ProjectProblemCode } from '../../../project/io';
import type { ImportProblemCode } from '../../../keras/import';
import type { FormatProblem } from '../../../format/model-file';

/** One sentence for every code of the readers: a new code without its sentence fails the type-check. */
type Codes = `project.${ProjectProblemCode}` | `keras.${ImportProblemCode}` | `format.${FormatProblem['code']}`;

/** Why a file cannot be opened, in English: project files, Keras and TensorFlow.js model JSON. Each says what to do. */
export const en = {
  'project.not-object':
    'This is not a Convas project: expected a JSON object with "formatVersion". Open a .convas.json file saved by Convas.',
  'project.no-version':
    'This is not a Convas project: "formatVersion" is missing or not a whole number. Open a .convas.json file saved by Convas.',
  'project.newer-version':
    'This project was saved by a newer Convas (format {version}); this version reads formats 1 to {current}. Update Convas to open it.',
  'project.no-migration': 'No migration from project format {version}; the file cannot be opened.',
  'project.damaged-version':
    'This format-{version} project is damaged: {detail}. Correct what is named above in a text editor, or open an earlier copy of the project.',
  'project.damaged':
    'This project file is damaged: {detail}. Correct what is named above in a text editor, or open an earlier copy of the project.',
  'project.not-json':
    'This file is not valid JSON ({detail}); it may be cut short or not a project. Open a .convas.json file saved by Convas.',
  'project.bad-setting': "Layer '{layer}': {problem}.",

  'keras.not-object': 'This is not a Keras model: expected a JSON object.',
  'keras.no-class-name':
    'This is not a Keras model: no "class_name" at the top (expected the output of model.to_json() or a TensorFlow.js model.json).',
  'keras.not-sequential':
    'This model is a Keras {cls} model; Convas imports Sequential models only (one chain of layers) — rebuild it with keras.Sequential.',
  'keras.no-layers-list': 'This Sequential model has no "layers" list in its config.',
  'keras.bad-layer': 'Layer {index} of the model is not a {"class_name", "config"} object.',
  'keras.unsupported-layer': "Layer has class '{cls}', which Convas does not support yet — supported: {supported}.",
  'keras.unsupported-named-layer': "Layer '{layer}' has class '{cls}', which Convas does not support yet — supported: {supported}.",
  'keras.input-not-first': "InputLayer '{layer}' is not the first layer; a Sequential model has one input at the start.",
  'keras.no-input-shape': "The model does not say its input shape: neither an InputLayer nor batch_input_shape on '{layer}'.",
  'keras.no-layers': 'This Sequential model has no layers.',
  'keras.bad-setting': "Layer '{layer}': {problem}.",

  'format.not-json': '{file} is not valid JSON ({detail}).',
  'format.unknown-format':
    '{file} is neither a Convas project (no "formatVersion") nor a Keras model (no "class_name") nor a TensorFlow.js model.json (no "modelTopology").',
  /** What a reader said about a file, after the file's name. */
  'file.in': '{file}: {problem}',
} as const satisfies Dictionary & Record<Codes, Message>;
