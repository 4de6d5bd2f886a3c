import type { Dictionary, Message } from '../../dictionary';
import type { StructureCode } from '../../../graph/issues';
import type { ProblemCode } from '../../../layers/types';
import type { PlanProblemCode } from '../../../training/compatibility';

/** One sentence for every code of the domain: a new code without its sentence fails the type-check. */
type Codes = `issue.${StructureCode}` | `problem.${ProblemCode}` | `plan.${PlanProblemCode}`;

/**
 * Validation of a network, in English: every issue of the graph (src-shared/graph/issues.ts), every
 * problem a layer kind or its parameter schema finds (src-shared/layers), and why a valid network
 * cannot train here (src-shared/training/compatibility.ts). Each says what is wrong and what to do.
 */
export const en = {
  'issue.empty': 'The canvas is empty — add an Input layer, then the layers that follow it',
  'issue.no-input': '{node}: nothing feeds this layer and the network has no Input — add an Input layer and connect it here',
  'issue.many-inputs': '{node}: a network has exactly one Input and {input} is already it — delete this one',
  'issue.input-has-incoming': '{node}: an Input cannot receive a connection — delete the connection from {source}',
  'issue.duplicate-id': "{node}: another layer has the same id '{id}' — the file is damaged; delete one of them",
  'issue.duplicate-name': '{node}: another layer already has this name — Keras needs unique names; rename one of them',
  'issue.dangling-edge': 'connection {edge} points to a layer that does not exist — delete the connection',
  'issue.duplicate-edge': '{source} → {target} is connected twice — delete one of the connections',
  'issue.cycle': '{source} → {target} closes a loop ({path}) — a network must flow one way from the Input; delete this connection',
  'issue.too-many-inbound':
    '{node}: receives {n} connections, but {kind} takes one input — join the branches first with a merge layer (Add, Concatenate, …) and connect that to {node}',
  'issue.merge-needs-two': {
    count: 'n',
    one: '{node}: {kind} joins branches but receives {n} connection — connect at least two layers to it',
    other: '{node}: {kind} joins branches but receives {n} connections — connect at least two layers to it',
  },
  'issue.dead-end':
    '{node}: its output goes nowhere — the model ends at {output}; connect {node} to a later layer or a merge, or delete it',
  'issue.disconnected': '{node}: is not connected to {input} — connect it to the network or delete it',
  /** A problem of one layer, after its name. */
  'issue.layer': '{node}: {problem}',
  'issue.got': '{text} (got {got})',
  'issue.gotNothing': '{text} (got nothing)',

  'problem.needs-image':
    '{kind} needs a 3-D input (height, width, channels) but receives {shape} — place it before Flatten/Dense, or give the Input a shape like 28, 28, 1',
  'problem.needs-dimension': '{kind} needs an input with at least one dimension',
  'problem.kernel-too-large':
    "a {kh}×{kw} kernel does not fit its {h}×{w} input with padding 'valid' — use padding 'same' or a smaller kernel",
  'problem.dilated-kernel-too-large':
    "a {kh}×{kw} kernel ({eh}×{ew} once dilated) does not fit its {h}×{w} input with padding 'valid' — use padding 'same' or a smaller kernel",
  'problem.pool-too-large':
    "a {ph}×{pw} pool does not fit its {h}×{w} input with padding 'valid' — use padding 'same' or a smaller pool_size",
  'problem.strides-with-dilation': 'strides > 1 cannot be combined with dilation_rate > 1 (Keras forbids it) — set one of them to 1',
  'problem.not-number': '{param} must be a number',
  'problem.not-whole': '{param} must be a whole number',
  'problem.below-one': '{param} must be at least 1',
  'problem.dim-not-number': '{param}: each dimension of {param} must be a number',
  'problem.dim-not-whole': '{param}: each dimension of {param} must be a whole number',
  'problem.dim-below-one': '{param}: each dimension of {param} must be at least 1',
  'problem.pair': '{param} must be a whole number ≥ 1 or a pair of them',
  'problem.padding': "{param} must be 'valid' or 'same'",
  'problem.activation': '{param} must be one of {options}',
  'problem.initializer': '{param} must be one of {options}',
  'problem.bool': '{param} must be true or false',
  'problem.shape-not-list': '{param} must be a list of whole numbers, e.g. 28, 28, 1',
  'problem.shape-empty': '{param} needs at least one dimension, e.g. 28, 28, 1',
  'problem.shape-too-long': '{param} may have at most 3 dimensions (height, width, channels)',
  'problem.between-0-and-1': '{param} must be between 0 and 1',
  'problem.not-positive': '{param} must be greater than 0',
  'problem.rate-negative': '{param} must be at least 0 (0 keeps every unit)',
  'problem.rate-one': '{param} must be below 1 (1 would drop every unit) — use a value such as 0.5',
  'problem.setting-too-deep':
    '{param} is nested more than {max} levels deep — a setting is a number, a word or a short list; correct it in the file',
  'problem.setting-list-too-long':
    '{param} holds a list longer than {max} elements — a setting is a number, a word or a short list; correct it in the file',
  'problem.setting-text-too-long': '{param} holds a text longer than {max} characters — correct it in the file',
  'problem.setting-too-many-keys': '{param} holds an object with more than {max} keys — correct it in the file',
  'problem.setting-too-large':
    '{param} holds more than {max} values — a setting is a number, a word or a short list; correct it in the file',
  'problem.setting-not-finite': '{param} holds a number that is not finite (NaN or Infinity) — give a finite number',
  'problem.setting-forbidden-key':
    "{param} uses a key such as '__proto__' or 'constructor', which no setting has — delete it from the file",
  'problem.setting-unreadable':
    '{param} holds a value that is not JSON (a number, text, true/false, a list or an object) — correct it in the file',
  'problem.invalid': '{param} has a value that cannot be read',
  'problem.negative': '{param} must be at least 0',
  'problem.merge-needs-two': {
    count: 'n',
    one: '{kind} merges two or more inputs but receives {n} — connect another branch to it',
    other: '{kind} merges two or more inputs but receives {n} — connect at least two branches to it',
  },
  'problem.merge-rank':
    'its inputs are {shapes} and {last}; {kind} needs inputs with the same number of dimensions — give the path with more dimensions a Flatten or GlobalAveragePooling2D first',
  'problem.merge-shapes':
    'its inputs are {shapes} and {last}; {kind} needs equal shapes — change the layers of a path so that every path ends in the same shape',
  'problem.merge-stride':
    'its inputs are {shapes} and {last}; {kind} needs equal shapes — give the skip path a 1×1 Conv2D with strides {stride}',
  'problem.merge-stride-filters':
    'its inputs are {shapes} and {last}; {kind} needs equal shapes — give the skip path a 1×1 Conv2D with {filters} filters and strides {stride}',
  'problem.merge-filters':
    'its inputs are {shapes} and {last}; {kind} needs equal shapes — give the path with {from} channels a 1×1 Conv2D with {filters} filters',
  'problem.merge-units':
    'its inputs are {shapes} and {last}; {kind} needs equal shapes — give the path whose last dimension is {from} a Dense({units})',
  'problem.concat-mismatch':
    'its inputs are {shapes} and {last}; Concatenate on axis {axis} needs every other axis equal, but axis {dim} is {a} in one input and {b} in another — make axis {dim} the same on every path (with pooling, strides or padding)',
  'problem.concat-stride':
    "its inputs are {shapes} and {last}; Concatenate on axis {axis} needs equal heights and widths — give the larger path a 1×1 Conv2D with strides {stride}, or a pooling with pool_size {stride} and padding 'same'",
  'problem.axis-range':
    'axis {axis} does not exist in an input of shape {shape} — use an axis from 1 to {max}, or -1 for the last one (axis 0 is the batch)',
  'problem.batch-axis':
    'axis 0 is the batch, across samples, and {kind} works within each sample — use -1 for the last axis, or another axis from 1',
  'problem.pair-non-negative': '{param} must be empty, a whole number ≥ 0 or a pair of them',
  'problem.output-padding-too-large':
    'output_padding {ph}×{pw} must be smaller than strides {sh}×{sw} in each direction (Keras requires it) — lower output_padding, raise strides, or leave output_padding empty',
  'problem.transposed-output-empty':
    "with padding 'same' and output_padding 0, a {kh}×{kw} kernel on a {h}×{w} input gives an output of size 0 — leave output_padding empty or use an odd kernel_size",
  'problem.crop-too-large':
    'cropping ({top}, {bottom}), ({left}, {right}) leaves nothing of its {h}×{w} input — top + bottom must stay below {h} and left + right below {w}',
  'problem.reshape-count':
    'cannot rearrange {from} ({n} values) into {to} ({m} values) — choose dimensions whose product is {n}, or write -1 for one of them',
  'problem.reshape-not-divisible':
    'the -1 in {to} cannot be filled: {from} has {n} values, which is not a multiple of the other dimensions ({known}) — choose dimensions whose product divides {n}',
  'problem.axis-out-of-range':
    'axis {axis} does not exist in an input of shape {shape} — use -1 (the last axis) or a number from 1 to {rank}',
  'problem.axis-repeated': 'axis {axis} names an axis of {shape} that the list already names — list each axis once',
  'problem.sides': '{param} must be a whole number ≥ 0, a pair (height, width), or ((top, bottom), (left, right))',
  'problem.interpolation': "{param} must be 'nearest' or 'bilinear'",
  'problem.target-shape': '{param}: each dimension must be a whole number ≥ 1, or -1 for one to be computed',
  'problem.target-shape-unknowns': '{param} may have only one -1 — give the other dimensions as numbers',
  'problem.axis': '{param} must be a whole number, such as -1 for the last axis, or a list of them',
  'problem.only-false': '{param}=True is not supported here (TensorFlow.js has no such option) — set it to False',

  'plan.flat-input-size':
    '{node}: a flat input must have {image}·{image} = {need} values to take {image}×{image} images, not {given} — set its shape to {need} or 28, 28, 1',
  'plan.image-size':
    "{node}: the dataset's images are {image}×{image}; an input of {h}×{w} cannot take them — use {image}, {image}, 1 (or a larger size with an even margin, such as 32, 32, 1, which pads the images)",
  'plan.image-input':
    "{node}: pictures are resized to the Input's height and width, so it must be height, width, channels with 1 (grayscale) or 3 (colour) channels, not {shape} — use, for example, 32, 32, 3",
  'plan.dilated-conv':
    '{node}: TensorFlow.js cannot train a dilated convolution (dilation_rate > 1) — set dilation_rate to 1 to train here; the design still exports to Keras, which can train it',
  'plan.bn-center-scale':
    '{node}: TensorFlow.js cannot train BatchNormalization with center or scale turned off — turn both on to train here; the design still exports to Keras',
  'plan.wrong-output':
    "{node}: the network must end with {classes} values (one per class) but outputs {shape} — end it with Flatten and Dense({classes}, activation 'softmax')",
  'plan.output-not-vector':
    "{node}: the network must end with one value per class but outputs {shape} — end it with Flatten and a Dense layer with one unit per class (activation 'softmax')",
  'plan.relu-options':
    '{node}: TensorFlow.js has no trainable ReLU with a threshold, or with both max_value and negative_slope — to train here set threshold to 0 and keep only one of max_value and negative_slope; the design still exports to Keras, which can train it',
  'plan.softmax-axis':
    '{node}: TensorFlow.js computes Softmax over the last axis only — set axis to -1 to train here; the design still exports to Keras, which can train it',
  'plan.transposed-output-padding':
    "{node}: TensorFlow.js's Conv2DTranspose has no output_padding — leave output_padding empty to train here; the design still exports to Keras, which can train it",
} as const satisfies Dictionary & Record<Codes, Message>;
