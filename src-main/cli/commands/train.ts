import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import type { DatasetWarning, EngineEvent, EngineEventOf } from '../../../src-shared/engine/protocol';
import { datasetNeedsDir, trainingSettingsSchema, type TrainingSettings } from '../../../src-shared/project/training';
import { classNameText } from '../../../src-shared/i18n/class-names';
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
  'usage: train <file> --dataset sample|fashion-mnist|mnist|directory|images|cifar10 [--data-dir D] [--epochs N] [--batch-size B] [--lr X] [--optimizer O] [--validation-split F] [--backend tensorflow|wasm|cpu] [--threads N] [--seed S] [--flip] [--shift N] [--rotate DEG] [--brightness F] [--contrast F] [--normalize unit|standardize] [--out DIR] [--record] [--json]';

/** Skipped files named on the terminal; the rest are counted (--json lists up to MAX_LISTED_SKIPS). */
const SKIPS_SHOWN = 20;

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
    augmentation: {
      ...base.augmentation,
      ...(v['flip'] ? { flip: true } : {}),
      ...(v['shift'] !== undefined ? { shift: num(v['shift'] as string, '--shift') } : {}),
      ...(v['rotate'] !== undefined ? { rotation: num(v['rotate'] as string, '--rotate') } : {}),
      ...(v['brightness'] !== undefined ? { brightness: num(v['brightness'] as string, '--brightness') } : {}),
      ...(v['contrast'] !== undefined ? { contrast: num(v['contrast'] as string, '--contrast') } : {}),
    },
    ...(v['normalize'] !== undefined ? { normalization: v['normalize'] } : {}),
    ...(v['threads'] !== undefined ? { threads: threadsOption(v['threads'] as string) } : {}),
  };
  const parsed = trainingSettingsSchema.safeParse(overrides);
  if (!parsed.success) throw usage(`invalid training settings: ${zodIssues(parsed.error)}`);
  if (datasetNeedsDir(parsed.data.dataset) && !parsed.data.dataDir) throw usage(`--dataset ${parsed.data.dataset} needs --data-dir`);
  return parsed.data;
}

/** The augmentation and normalisation a run uses, in one line (undefined when both are the defaults). */
function trainingOptions(e: EngineEventOf<'started'>): string | undefined {
  const a = e.settings.augmentation;
  const parts = [
    ...(a.flip ? ['flip'] : []),
    ...(a.shift > 0 ? [`shift ${a.shift} px`] : []),
    ...(a.rotation > 0 ? [`rotate ±${a.rotation}°`] : []),
    ...(a.brightness > 0 ? [`brightness ±${a.brightness}`] : []),
    ...(a.contrast > 0 ? [`contrast ±${a.contrast}`] : []),
  ];
  const n = e.normalization;
  if (parts.length === 0 && n.kind === 'unit') return undefined;
  const fixed = (xs: number[]) => xs.map((x) => x.toFixed(4)).join(', ');
  const normalization = n.kind === 'unit' ? 'pixels / 255' : `standardized (mean ${fixed(n.mean)}; std ${fixed(n.std)})`;
  return `augmentation: ${parts.length > 0 ? parts.join(', ') : 'none'}; normalization: ${normalization}`;
}

const pct = (x: number | null) => (x === null ? '  –   ' : `${(x * 100).toFixed(2)}%`);

function describe(e: EngineEvent): string | undefined {
  switch (e.type) {
    case 'ready':
      // The budget is what the engine refuses runs above (see memoryBudget).
      return `backend: ${e.backend} (${e.backendReason})${e.memoryBudgetBytes ? `, runs up to ${formatBytesApprox('en', e.memoryBudgetBytes)} of memory` : ''}`;
    case 'dataset': {
      const names = e.classNamesWorded ? e.classNames.map((n) => classNameText('en', n)) : e.classNames;
      const shown = names.length > 12 ? `${names.slice(0, 12).join(', ')}, …` : names.join(', ');
      const { height, width, channels } = e.image;
      return (
        `dataset: ${e.name}, ${e.source}: ${formatCount(e.trainCount)} train, ${formatCount(e.validationCount)} validation, ${formatCount(e.testCount)} test\n` +
        `  ${names.length} classes (${shown}), images ${height}×${width}×${channels}`
      );
    }
    case 'started':
      return trainingOptions(e);
    case 'epoch':
      return `epoch ${e.epoch}/${e.epochs}  loss ${e.loss.toFixed(4)}  accuracy ${pct(e.accuracy)}  val_loss ${e.valLoss === null ? '–' : e.valLoss.toFixed(4)}  val_accuracy ${pct(e.valAccuracy)}  ${e.seconds.toFixed(1)} s`;
    case 'finished':
      return `${e.stopped ? 'stopped' : 'finished'} after ${e.epochsCompleted} epoch${e.epochsCompleted === 1 ? '' : 's'} in ${e.seconds.toFixed(1)} s — test accuracy ${pct(e.testAccuracy)} on ${formatCount(e.testCount)} images`;
    default:
      return undefined;
  }
}

/** Where a recorded run went: its name, id and folder. */
function recordedText(e: EngineEventOf<'recorded'>): string {
  return `recorded run ${e.manifest.name} [${e.run.id}] in ${e.dir}`;
}

/** The files a folder's loading left out, named (the first few) with why. */
function skippedText(w: DatasetWarning): string {
  const { count, files } = w.values;
  const named = files.slice(0, SKIPS_SHOWN).map((f) => `  ${f.file} (${SKIP_WORDS[f.reason]})`);
  const more = count - named.length;
  return [
    `warning: ${formatCount(count)} file${count === 1 ? ' was' : 's were'} left out (not pictures Convas reads, empty or damaged):`,
    ...named,
    ...(more > 0 ? [`  … and ${formatCount(more)} more`] : []),
  ].join('\n');
}

const SKIP_WORDS: Readonly<Record<DatasetWarning['values']['files'][number]['reason'], string>> = {
  empty: 'empty',
  'not-image': 'not a picture',
  corrupt: 'damaged',
  unreadable: 'cannot be read',
  'outside-class': 'not in a class folder',
};

/** The progress line of loading: a download's bytes, an archive unpacking, pictures decoded. */
function loadingText(e: EngineEventOf<'loading'>): string {
  const of = e.total === null ? formatCount(e.done) : `${formatCount(e.done)} / ${formatCount(e.total)}`;
  switch (e.phase) {
    case 'download':
      return `downloading ${e.file ?? ''} ${e.total === null ? formatBytesApprox('en', e.done) : `${formatBytesApprox('en', e.done)} / ${formatBytesApprox('en', e.total)}`}`;
    case 'unpack':
      return `unpacking ${e.file ?? ''}`;
    case 'scan':
      return `looking for pictures: ${formatCount(e.done)} files`;
    case 'decode':
      return `decoding ${of}`;
    case 'read-cache':
      return `reading ${e.total === null ? '' : `${formatCount(e.total)} `}decoded pictures from the cache`;
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
      flip: { type: 'boolean', default: false },
      shift: { type: 'string' },
      rotate: { type: 'string' },
      brightness: { type: 'string' },
      contrast: { type: 'string' },
      normalize: { type: 'string' },
      threads: { type: 'string' },
      out: { type: 'string' },
      record: { type: 'boolean', default: false },
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
  // A recorded run goes beside the project file (`<name>.convas-runs/`); the last 'recorded' event, after 'finished', says where.
  const record = values.record
    ? { location: { kind: 'beside' as const, projectFile: resolveFrom(io, file) }, project: project.name }
    : undefined;
  const recorded = record
    ? Promise.race([
        engine.waitFor((e): e is EngineEventOf<'recorded'> => e.type === 'recorded' && e.manifest.finishedAt !== null),
        engine
          .waitFor((e): e is EngineEventOf<'error'> => e.type === 'error' && e.runId === runId)
          .then((e): never => {
            throw new CliError(e.message);
          }),
      ])
    : undefined;
  // Awaited after the run; a failure before then is the run's own error.
  recorded?.catch(() => undefined);
  try {
    const finished = await new Promise<EngineEventOf<'finished'>>((resolveRun, rejectRun) => {
      engine.on((e) => {
        if (e.type === 'finished') return resolveRun(e);
        if (e.type === 'error') return rejectRun(new CliError(e.message));
        if (json) out(JSON.stringify(e));
        else if (e.type === 'loading') {
          progress?.(`\r\x1b[K  ${loadingText(e)}`);
        } else if (e.type === 'warning') {
          if (progress) progress('\r\x1b[K');
          io.err(skippedText(e.warning));
        } else if (e.type === 'batch' && progress) {
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
      engine.send({ type: 'train', runId, graph: project.graph, settings, ...(record ? { record } : {}) });
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
    const stored = await recorded;
    if (stored && json) out(JSON.stringify(stored));
    out(json ? JSON.stringify(finished) : describe(finished)!);
    if (stored && !json) out(recordedText(stored));
    // A run that finished without learning still finished (exit 0), but never in silence: stderr, so --json stays parseable.
    if (finished.warning) io.err(`warning: ${divergenceText('en', finished.warning)}`);
  } finally {
    stopListening?.();
    await engine.close();
  }
}
