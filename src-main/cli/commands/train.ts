import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import type { EngineEvent, EngineEventOf } from '../../../src-shared/engine/protocol';
import { trainingSettingsSchema, type TrainingSettings } from '../../../src-shared/project/training';
import { zodIssues } from '../../../src-shared/project/io';
import { EngineClient } from '../../engine/process/client';
import { loadProject, requireNetwork } from '../load';
import { CliError, usage } from '../errors';
import { formatCount } from '../../../src-shared/layers/format';
import { formatBytesApprox } from '../../../src-shared/i18n/format';
import { resolveFrom, type CliIo } from '../io';
import { divergenceText } from '../../../src-shared/i18n/divergence-text';
import { THREADS_DEFAULT_ENV } from '../../engine/parallel/threads';
import { threadsOption } from './threads-option';

const USAGE =
  'usage: train <file> --dataset sample|fashion-mnist|mnist [--data-dir D] [--epochs N] [--batch-size B] [--lr X] [--optimizer O] [--validation-split F] [--backend tensorflow|wasm|cpu] [--threads N] [--seed S] [--out DIR] [--json]';

function num(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw usage(`${flag} must be a number (got '${value}')`);
  return n;
}

/** Project settings overridden by the command line, validated like a project file. */
function settingsFrom(base: TrainingSettings, v: Record<string, string | boolean | undefined>, io: CliIo): TrainingSettings {
  const dataset = v['dataset'] as string | undefined;
  const overrides = {
    ...base,
    ...(dataset !== undefined ? { dataset } : {}),
    ...(v['data-dir'] !== undefined ? { dataDir: resolveFrom(io, String(v['data-dir'])) } : {}),
    ...(v['epochs'] !== undefined ? { epochs: num(v['epochs'] as string, '--epochs') } : {}),
    ...(v['batch-size'] !== undefined ? { batchSize: num(v['batch-size'] as string, '--batch-size') } : {}),
    ...(v['lr'] !== undefined ? { learningRate: num(v['lr'] as string, '--lr') } : {}),
    ...(v['optimizer'] !== undefined ? { optimizer: v['optimizer'] } : {}),
    ...(v['validation-split'] !== undefined ? { validationSplit: num(v['validation-split'] as string, '--validation-split') } : {}),
    ...(v['backend'] !== undefined ? { backend: v['backend'] } : {}),
    ...(v['seed'] !== undefined ? { seed: num(v['seed'] as string, '--seed') } : {}),
    ...(v['threads'] !== undefined ? { threads: threadsOption(v['threads'] as string) } : {}),
  };
  const parsed = trainingSettingsSchema.safeParse(overrides);
  if (!parsed.success) throw usage(`invalid training settings: ${zodIssues(parsed.error)}`);
  if (parsed.data.dataset === 'directory' && !parsed.data.dataDir) throw usage('--dataset directory needs --data-dir');
  return parsed.data;
}

const pct = (x: number | null) => (x === null ? '  –   ' : `${(x * 100).toFixed(2)}%`);

function describe(e: EngineEvent): string | undefined {
  switch (e.type) {
    case 'ready':
      // The budget is what the engine refuses runs above (see memoryBudget).
      return `backend: ${e.backend} (${e.backendReason})${e.memoryBudgetBytes ? `, runs up to ${formatBytesApprox('en', e.memoryBudgetBytes)} of memory` : ''}`;
    case 'dataset':
      return `dataset: ${e.name}, ${e.source}: ${formatCount(e.trainCount)} train, ${formatCount(e.validationCount)} validation, ${formatCount(e.testCount)} test`;
    case 'epoch':
      return `epoch ${e.epoch}/${e.epochs}  loss ${e.loss.toFixed(4)}  accuracy ${pct(e.accuracy)}  val_loss ${e.valLoss === null ? '–' : e.valLoss.toFixed(4)}  val_accuracy ${pct(e.valAccuracy)}  ${e.seconds.toFixed(1)} s`;
    case 'finished':
      return `${e.stopped ? 'stopped' : 'finished'} after ${e.epochsCompleted} epoch${e.epochsCompleted === 1 ? '' : 's'} in ${e.seconds.toFixed(1)} s — test accuracy ${pct(e.testAccuracy)} on ${formatCount(e.testCount)} images`;
    default:
      return undefined;
  }
}

/** `train <file> …`: trains in the engine process, printing progress (or protocol events with --json). */
export async function trainCommand(argv: string[], io: CliIo): Promise<void> {
  const { out } = io;
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      dataset: { type: 'string' },
      'data-dir': { type: 'string' },
      epochs: { type: 'string' },
      'batch-size': { type: 'string' },
      lr: { type: 'string' },
      optimizer: { type: 'string' },
      'validation-split': { type: 'string' },
      backend: { type: 'string' },
      seed: { type: 'string' },
      threads: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw usage(USAGE);
  const { project } = await loadProject(file, io);
  requireNetwork(project);
  const settings = settingsFrom(project.training, values, io);
  const runId = randomUUID();
  // The command line has the machine to itself: a run takes every core unless told otherwise.
  const engine = new EngineClient({ env: { ...process.env, [THREADS_DEFAULT_ENV]: 'all-cores' } });
  const json = values.json;
  const progress = json ? undefined : io.progress;
  const stopListening = io.onInterrupt?.(() => engine.send({ type: 'stop', runId }));
  try {
    const finished = await new Promise<EngineEventOf<'finished'>>((resolveRun, rejectRun) => {
      engine.on((e) => {
        if (e.type === 'finished') return resolveRun(e);
        if (e.type === 'error') return rejectRun(new CliError(e.message));
        if (json) out(JSON.stringify(e));
        else if (e.type === 'batch' && progress) {
          progress(
            `\r  epoch ${e.epoch} batch ${e.batch}/${e.batchesPerEpoch}  loss ${e.loss.toFixed(4)}  ${Math.round(e.samplesPerSec)} samples/s${e.threads ? ` on ${e.threads} thread${e.threads === 1 ? '' : 's'}` : ''}  ${Math.round(e.secondsLeft)} s left   `,
          );
        } else {
          const line = describe(e);
          if (line) {
            if (progress) progress('\r\x1b[K');
            out(line);
          }
        }
      });
      engine.send({ type: 'train', runId, graph: project.graph, settings });
    });
    if (values.out) {
      const dir = resolveFrom(io, values.out);
      const exported = engine.waitFor((e): e is EngineEventOf<'exported'> => e.type === 'exported' && e.runId === runId);
      const failed = engine.waitFor((e): e is EngineEventOf<'error'> => e.type === 'error' && e.runId === runId);
      engine.send({ type: 'export', runId, dir });
      const result = await Promise.race([exported, failed]);
      if (result.type === 'error') throw new CliError(result.message);
      (json ? io.err : out)(`wrote ${result.files.join(', ')}`);
    }
    out(json ? JSON.stringify(finished) : describe(finished)!);
    // A run that finished without learning still finished (exit 0), but never in silence: stderr, so --json stays parseable.
    if (finished.warning) io.err(`warning: ${divergenceText('en', finished.warning)}`);
  } finally {
    stopListening?.();
    await engine.close();
  }
}
