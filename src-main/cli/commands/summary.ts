import { parseArgs } from 'node:util';
import { analyzeGraph } from '../../../src-shared/graph/analyze';
import { summarize } from '../../../src-shared/summary/summary';
import { summaryText } from '../../../src-shared/summary/text';
import { invalidNetwork, loadProject } from '../load';
import { usage } from '../errors';
import type { CliIo } from '../io';

/** `summary <file> [--json]`: the Keras summary of a project, Keras JSON or tfjs model.json. */
export async function summaryCommand(argv: string[], io: CliIo): Promise<void> {
  const { out } = io;
  const { values, positionals } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false } }, allowPositionals: true });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw usage('usage: summary <file> [--json]');
  const { project } = await loadProject(file, io);
  const analysis = analyzeGraph(project.graph);
  const summary = summarize(analysis);
  if (!summary) {
    throw invalidNetwork(analysis.issues);
  }
  if (values.json) {
    out(
      JSON.stringify({
        layers: summary.layers.map((r) => ({
          name: r.name,
          type: r.type,
          outputShape: r.outputShape,
          params: r.params,
          trainableParams: r.trainableParams,
          nonTrainableParams: r.nonTrainableParams,
          inbound: r.inbound,
          macs: r.macs,
          memoryBytes: r.memoryBytes,
        })),
        totalParams: summary.totalParams,
        trainableParams: summary.trainableParams,
        nonTrainableParams: summary.nonTrainableParams,
        functional: summary.functional,
        totalMacs: summary.totalMacs,
        totalMemoryBytes: summary.totalMemoryBytes,
      }),
    );
  } else out(summaryText({ ...summary, modelName: project.name }));
}
