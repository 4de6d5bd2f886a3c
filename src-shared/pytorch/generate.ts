/**
 * A Convas network as a readable PyTorch module (model_pytorch.py): one attribute per layer named
 * after the canvas layer, a forward() with one variable per layer in Keras's order, and a load()
 * that copies the trained TensorFlow.js weights beside the file into it.
 */
import type { Network } from '../graph/network';
import { requireLayerKind } from '../layers/registry';
import { pythonEscape } from '../layers/keras-values';
import { pythonVariables, RESERVED } from '../python/generate';
import { READ_WEIGHTS_FUNCTION, TFJS_WEIGHTS_READER } from '../python/tfjs-weights';
import { TRAINED_DATASET_FILE } from '../training/trained-dataset';
import { layerCode, type Helper, type PytorchProblem } from './layer-code';

export type { PytorchProblem, PytorchProblemCode, PytorchProblemValues } from './layer-code';

/** The file name the trained export and the CLI give the module. */
export const PYTORCH_FILE = 'model_pytorch.py';

/** The class the module defines. */
export const PYTORCH_CLASS = 'ConvasModel';

/** nn.Module's own attributes (torch 1.13) and the module's names: a layer attribute or variable taking one would break it. */
const MODULE_NAMES = [
  ...['T_destination', 'add_module', 'apply', 'bfloat16', 'buffers', 'children', 'cpu', 'cuda', 'double', 'dump_patches', 'eval'],
  ...['extra_repr', 'float', 'forward', 'get_buffer', 'get_extra_state', 'get_parameter', 'get_submodule', 'half', 'ipu'],
  ...['load_state_dict', 'modules', 'named_buffers', 'named_children', 'named_modules', 'named_parameters', 'parameters'],
  ...['register_backward_hook', 'register_buffer', 'register_forward_hook', 'register_forward_pre_hook'],
  ...['register_full_backward_hook', 'register_load_state_dict_post_hook', 'register_module', 'register_parameter'],
  ...['requires_grad_', 'set_extra_state', 'share_memory', 'state_dict', 'to', 'to_empty', 'train', 'training', 'type', 'xpu'],
  ...['zero_grad', 'self', 'os', 'OrderedDict', 'torch', 'nn', 'F', 'load', 'weights', 'folder', '_copy', READ_WEIGHTS_FUNCTION],
  ...[PYTORCH_CLASS, 'BatchNormalization', 'LayerNormalization', 'average_pool_same'],
];

/** Python each helper defines, written once above the model. */
const HELPER_CODE: Record<Helper, readonly string[]> = {
  'average-pool-same': [
    'def average_pool_same(x, kernel_size, stride, pad):',
    '    """TensorFlow\'s \'same\' average pooling: the mean of the values inside the image, the padding left out of the count."""',
    '    total = F.avg_pool2d(F.pad(x, pad), kernel_size, stride, divisor_override=1)',
    '    count = F.avg_pool2d(F.pad(torch.ones_like(x[:, :1]), pad), kernel_size, stride, divisor_override=1)',
    '    return total / count',
  ],
  'batch-norm-partial': [
    'class BatchNormalization(nn.Module):',
    '    """Keras\'s BatchNormalization over dim 1 without gamma (scale=False) or beta (center=False), which nn.BatchNorm2d cannot leave out alone."""',
    '',
    '    def __init__(self, channels, eps, momentum, scale, center):',
    '        super().__init__()',
    '        self.eps = eps',
    '        self.momentum = momentum',
    "        self.register_buffer('running_mean', torch.zeros(channels))",
    "        self.register_buffer('running_var', torch.ones(channels))",
    '        self.weight = nn.Parameter(torch.ones(channels)) if scale else None',
    '        self.bias = nn.Parameter(torch.zeros(channels)) if center else None',
    '',
    '    def forward(self, x):',
    '        return F.batch_norm(x, self.running_mean, self.running_var, self.weight, self.bias, self.training, self.momentum, self.eps)',
  ],
  'layer-norm': [
    'class LayerNormalization(nn.Module):',
    '    """Keras\'s LayerNormalization over any dims of each sample: (x − mean) / sqrt(variance + eps), then · gamma + beta.',
    '',
    "    nn.LayerNorm normalises the last dims only; Keras's default axis is the channels, dim 1 here.",
    '    """',
    '',
    '    def __init__(self, dims, shape, eps, scale, center):',
    '        super().__init__()',
    '        self.dims = dims',
    '        self.eps = eps',
    '        self.weight = nn.Parameter(torch.ones(shape)) if scale else None',
    '        self.bias = nn.Parameter(torch.zeros(shape)) if center else None',
    '',
    '    def forward(self, x):',
    '        mean = x.mean(dim=self.dims, keepdim=True)',
    '        variance = x.var(dim=self.dims, unbiased=False, keepdim=True)',
    '        y = (x - mean) / torch.sqrt(variance + self.eps)',
    '        if self.weight is not None:',
    '            y = y * self.weight',
    '        if self.bias is not None:',
    '            y = y + self.bias',
    '        return y',
  ],
};

const COPY_FUNCTION = [
  'def _copy(target, array):',
  '    """Copies a NumPy array into a parameter or buffer of exactly its shape."""',
  '    value = torch.from_numpy(np.ascontiguousarray(array, dtype=np.float32))',
  '    if tuple(value.shape) != tuple(target.shape):',
  "        raise ValueError(f'the weight files hold {tuple(value.shape)} where the module expects {tuple(target.shape)}')",
  '    target.copy_(value)',
];

export type PytorchResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: PytorchProblem };

/** How the module takes its input, for the docstring: (N, C, H, W) for an image. */
function inputText(shape: readonly number[]): string {
  if (shape.length === 3) return `(N, ${shape[2]}, ${shape[0]}, ${shape[1]}) — the design's ${shape.join('×')} input, channels first`;
  return `(N, ${shape.join(', ')}) — the design's input`;
}

const indent = (lines: readonly string[], n: number) => lines.map((l) => (l === '' ? l : `${' '.repeat(n)}${l}`));

/**
 * model_pytorch.py for `model`: a torch.nn.Module that computes what the Convas engine computes
 * (NCHW input scaled as the engine's), and load() for the trained weights beside it; or the first
 * layer PyTorch cannot express exactly, as a coded problem.
 */
export function toPytorchModule(model: Network, title = model.name): PytorchResult {
  const input = requireLayerKind('InputLayer');
  const [inputVar, ...vars] = pythonVariables(
    [
      { name: model.input.name, fallback: input.namePrefix },
      ...model.layers.map((l) => ({ name: l.name, fallback: requireLayerKind(l.kind).namePrefix })),
    ],
    new Set([...RESERVED, ...MODULE_NAMES]),
  );
  const variableOf = new Map([[model.input.name, inputVar!], ...model.layers.map((l, i) => [l.name, vars[i]!] as const)]);
  const init: string[] = [];
  const forward: string[] = [];
  const load: string[] = [];
  const helpers = new Set<Helper>();
  for (const [i, layer] of model.layers.entries()) {
    const result = layerCode(
      layer,
      vars[i]!,
      layer.inbound.map((name) => variableOf.get(name)!),
    );
    if (!result.ok) return result;
    const { code } = result;
    init.push(...code.init);
    if (code.comment) forward.push(`# ${code.comment}.`);
    forward.push(`${vars[i]!} = ${code.forward}`);
    load.push(...code.load);
    for (const h of code.helpers ?? []) helpers.add(h);
  }
  const output = vars[vars.length - 1] ?? inputVar!;
  const name = pythonEscape(title, '"', true);
  const lines = [
    '#!/usr/bin/env python3',
    `"""${name} — a Convas design as a PyTorch module.`,
    '',
    `Input: float32 tensors of shape ${inputText(model.input.shape)}.`,
    'Scale them as the Convas engine does, outside the model: pixels / 255, then the normalisation of the',
    `run that trained it (${TRAINED_DATASET_FILE} beside the weights: "standardize" means (x − mean[c]) / std[c]`,
    'per channel, "unit" nothing more). The module itself does no scaling.',
    '',
    `load() builds ${PYTORCH_CLASS}, copies the trained weights from model.json and weights.bin in this file's`,
    "folder (Convas's train --out writes them) and returns it in eval mode. A design exported alone has no",
    `weights: ${PYTORCH_CLASS}() is the untrained network.`,
    '',
    'Needs: torch and numpy.',
    '"""',
    'import os',
    ...(model.layers.some((l) => l.kind === 'SeparableConv2D') ? ['from collections import OrderedDict'] : []),
    '',
    'import numpy as np',
    'import torch',
    'import torch.nn.functional as F',
    'from torch import nn',
    '',
    ...[...helpers].flatMap((h) => ['', ...HELPER_CODE[h], '', '']),
    '',
    `class ${PYTORCH_CLASS}(nn.Module):`,
    `    """${name}: the layers in Keras's order, each named as on the canvas."""`,
    '',
    '    def __init__(self):',
    '        super().__init__()',
    ...indent(init, 8),
    '',
    `    def forward(self, ${inputVar!}):`,
    ...indent(forward, 8),
    `        return ${output}`,
    '',
    '',
    TFJS_WEIGHTS_READER,
    '',
    '',
    ...COPY_FUNCTION,
    '',
    '',
    'def load(folder=os.path.dirname(os.path.abspath(__file__))):',
    `    """${PYTORCH_CLASS} with the trained weights of model.json and weights.bin in \`folder\`, in eval mode."""`,
    `    weights = ${READ_WEIGHTS_FUNCTION}(folder)`,
    `    model = ${PYTORCH_CLASS}()`,
    ...(load.length > 0 ? ['    with torch.no_grad():', ...indent(load, 8)] : []),
    '    return model.eval()',
    '',
    '',
    "if __name__ == '__main__':",
    "    trained = os.path.exists(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'model.json'))",
    `    net = load() if trained else ${PYTORCH_CLASS}()`,
    '    print(net)',
    "    print(sum(p.numel() for p in net.parameters()), 'parameters,', 'trained' if trained else 'untrained')",
  ];
  return { ok: true, text: `${lines.join('\n')}\n` };
}
