import { parseArgs } from 'node:util';
import { toKeras3Json, toTfjsTopology } from '../../../src-shared/keras/export';
import { toPythonScript } from '../../../src-shared/python/generate';
import { DISTRIBUTIONS, isDistribution } from '../../../src-shared/python/keras-distribution';
import { toPytorchModule } from '../../../src-shared/pytorch/generate';
import { pytorchProblemText } from '../../../src-shared/i18n/pytorch-text';
import { serializeProject } from '../../../src-shared/project/io';
import { writeFileAtomic } from '../../files/atomic-write';
import { loadProject, requireNetwork } from '../load';
import type { Network } from '../../../src-shared/graph/network';
import { CliError, usage } from '../errors';
import { resolveFrom, type CliIo } from '../io';

const TARGETS = ['keras-json', 'tfjs-topology', 'python', 'project', 'pytorch', 'onnx'] as const;
type Target = (typeof TARGETS)[number];

/** `export <file> --to keras-json|tfjs-topology|python|project|pytorch|onnx -o <path> [--distribute mirrored|multi-worker]`. */
export async function exportCommand(argv: string[], io: CliIo): Promise<void> {
  const { out } = io;
  const { values, positionals } = parseArgs({
    args: argv,
    options: { to: { type: 'string' }, output: { type: 'string', short: 'o' }, distribute: { type: 'string' } },
    allowPositionals: true,
  });
  const [file, ...extra] = positionals;
  const to = values.to as Target | undefined;
  if (!file || extra.length > 0 || !values.output || !to) throw usage(`usage: export <file> --to ${TARGETS.join('|')} -o <path>`);
  if (!TARGETS.includes(to)) throw usage(`--to must be one of ${TARGETS.join(', ')} (got '${to}')`);
  const distribution = values.distribute ?? 'none';
  if (!isDistribution(distribution)) throw usage(`--distribute must be one of ${DISTRIBUTIONS.join(', ')} (got '${distribution}')`);
  if (distribution !== 'none' && to !== 'python') throw usage('--distribute applies to --to python only');
  const { project } = await loadProject(file, io);
  if (to === 'onnx') return exportOnnx(requireNetwork(project), project.training.seed, resolveFrom(io, values.output), io);
  let text: string;
  if (to === 'project') {
    text = serializeProject(project);
  } else {
    const model = requireNetwork(project);
    if (to === 'keras-json') text = `${JSON.stringify(toKeras3Json(model), null, 2)}\n`;
    else if (to === 'tfjs-topology')
      text = `${JSON.stringify({ format: 'layers-model', generatedBy: 'Convas', convertedBy: null, modelTopology: toTfjsTopology(model), weightsManifest: [] }, null, 2)}\n`;
    else if (to === 'pytorch') text = pytorchText(model, project.name);
    else text = toPythonScript(model, project.training, project.name, { distribution });
  }
  const path = resolveFrom(io, values.output);
  await writeFileAtomic(path, text);
  out(`wrote ${path}`);
}

/** The design as model_pytorch.py, or a CliError saying which layer PyTorch cannot express exactly. */
function pytorchText(model: Network, title: string): string {
  const module = toPytorchModule(model, title);
  if (!module.ok) throw new CliError(pytorchProblemText('en', module.problem));
  return module.text;
}

/** The design with its initial weights as ONNX; TensorFlow.js is loaded only for this target (the others stay plain TypeScript). */
async function exportOnnx(network: Network, seed: number, path: string, io: CliIo): Promise<void> {
  const { OnnxExportError, writeDesignOnnx } = await import('../../engine/export/onnx-file');
  try {
    await writeDesignOnnx(network, seed, path);
  } catch (e) {
    throw e instanceof OnnxExportError ? new CliError(e.message) : e;
  }
  io.out(`wrote ${path}`);
}
