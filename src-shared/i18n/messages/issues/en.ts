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
  'issue.cycle': '{source} → {target} closes a loop — a network must flow one way from the Input; delete this connection',
  'issue.merge-unsupported': '{node}: receives {n} connections, but merging branches is not supported yet — keep one incoming connection',
  'issue.fan-out-unsupported': '{node}: feeds {n} layers, but branching is not supported yet — keep one outgoing connection',
  'issue.disconnected': '{node}: is not connected to {input} — connect it into the chain or delete it',
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
  'plan.dilated-conv':
    '{node}: TensorFlow.js cannot train a dilated convolution (dilation_rate > 1) — set dilation_rate to 1 to train here; the design still exports to Keras, which can train it',
  'plan.bn-center-scale':
    '{node}: TensorFlow.js cannot train BatchNormalization with center or scale turned off — turn both on to train here; the design still exports to Keras',
  'plan.wrong-output':
    "{node}: the network must end with {classes} values (one per class) but outputs {shape} — end it with Flatten and Dense({classes}, activation 'softmax')",
} as const satisfies Dictionary & Record<Codes, Message>;
