import type { Dictionary, Message } from '../../dictionary';
import type { ProjectProblemCode } from '../../../project/io';
import type { ImportProblemCode } from '../../../keras/import';
import type { FormatProblem } from '../../../format/model-file';
import type { PytorchProblemCode } from '../../../pytorch/layer-code';
import type { TrainedFilesProblem } from '../../../format/trained-model-files';

/** One sentence for every code of the readers: a new code without its sentence fails the type-check. */
type Codes =
  | `project.${ProjectProblemCode}`
  | `keras.${ImportProblemCode}`
  | `format.${FormatProblem['code']}`
  | `pytorch.${PytorchProblemCode}`
  | `trained.${TrainedFilesProblem['code']}`;

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
  'keras.not-a-model':
    'This is a Keras {cls}, not a model Convas can import: Convas reads Sequential and functional models (keras.Sequential, keras.Model) written by model.to_json() or saved as a TensorFlow.js model.json.',
  'keras.no-layers-list': 'This model has no "layers" list in its config.',
  'keras.bad-layer': 'Layer {index} of the model is not a {"class_name", "config"} object.',
  'keras.unsupported-layer': "Layer has class '{cls}', which Convas does not support yet — supported: {supported}.",
  'keras.unsupported-named-layer': "Layer '{layer}' has class '{cls}', which Convas does not support yet — supported: {supported}.",
  'keras.input-not-first': "InputLayer '{layer}' is not the first layer; a Sequential model has one input at the start.",
  'keras.no-input-shape': "The model does not say its input shape: neither an InputLayer nor batch_input_shape on '{layer}'.",
  'keras.no-layers': 'This model has no layers.',
  'keras.bad-setting': "Layer '{layer}': {problem}.",
  'keras.nested-model':
    "Layer '{layer}' is itself a {cls} model; Convas cannot place a model inside a network — rebuild the network with that model's layers in its place.",
  'keras.shared-layer':
    "Layer '{layer}' is called {calls} times, sharing its weights between places in the network; Convas gives every layer one place — give each call a layer of its own.",
  'keras.several-inputs':
    'This model has {count} inputs; a Convas network has exactly one Input — import a model built on one keras.Input.',
  'keras.several-outputs':
    'This model has {count} outputs; a Convas network has exactly one output — import a model with a single output tensor.',
  'keras.unnamed-layer': 'Layer {index} of this functional model has no name, and its connections go by name — give it one in the file.',
  'keras.duplicate-layer':
    "Two layers are named '{layer}'; a functional model's connections go by name, so each name must be unique — rename one of them in the file.",
  'keras.bad-inbound':
    "Layer '{layer}': its inbound_nodes are not in the form Keras or TensorFlow.js writes, or feed it what Convas cannot hold (a second output of a layer, a constant, an extra tensor argument) — save the model again with Keras and import that file.",
  'keras.unknown-inbound':
    "Layer '{layer}' takes its input from '{source}', which is not a layer of this model — the file is damaged; save the model again with Keras.",
  'keras.bad-ends':
    "The model's input_layers and output_layers do not name its InputLayer and one of its layers — the file is damaged; save the model again with Keras.",

  'format.not-json': '{file} is not valid JSON ({detail}).',
  'format.unknown-format':
    '{file} is neither a Convas project (no "formatVersion") nor a Keras model (no "class_name") nor a TensorFlow.js model.json (no "modelTopology").',
  'trained.no-model-json':
    'None of the chosen files is a TensorFlow.js model.json: choose model.json together with its weights.bin (and convas-dataset.json when you have it).',
  'trained.no-manifest':
    '{file} has no weights list (weightsManifest): it describes a design, not a trained model. Open it with Import…, or choose a model.json saved with its weights.',
  'trained.missing-weights': '{file} keeps its weights in {weights}, which was not chosen: choose {weights} together with {file}.',
  'trained.bad-dataset-file': 'convas-dataset.json is not one Convas wrote: leave it out, or export the model from Convas again.',
  'trained.too-large':
    'model.json and its weights hold {size} MB; browser mode sends its engine at most {max} MB at once. Open the model in the desktop app, or predict with the command line (convas predict).',
  /** What a reader said about a file, after the file's name. */
  'file.in': '{file}: {problem}',

  // Why a design cannot be written as a PyTorch module that computes exactly what Convas computes.
  'pytorch.transpose-output-padding':
    "Layer '{layer}': a Conv2DTranspose with output_padding cannot be exported to PyTorch exactly (Convas cannot train it either) — set output_padding to None.",
  'pytorch.transpose-dilation':
    "Layer '{layer}': a Conv2DTranspose with dilation_rate above 1 cannot be exported to PyTorch exactly (Convas cannot train it either) — set dilation_rate to 1.",
  'pytorch.axis-outside':
    "Layer '{layer}': its axis is not a dimension of its input, so there is no PyTorch dimension to write — fix the axis.",
} as const satisfies Dictionary & Record<Codes, Message>;
