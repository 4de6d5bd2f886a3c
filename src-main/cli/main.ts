import type { CliIo } from './io';
import { CliError, usage } from './errors';
import { shorten } from '../../src-shared/i18n/format';

export type { CliIo } from './io';

type Command = (argv: string[], io: CliIo) => Promise<void>;

/**
 * Each command is imported only when it runs: `conv`, `summary` and `export` are plain TypeScript
 * and must not pay for loading TensorFlow.js, which `bench` (and the engine behind `train`) need.
 */
const COMMANDS: Record<string, { load: () => Promise<Command>; help: string }> = {
  summary: {
    load: async () => (await import('./commands/summary')).summaryCommand,
    help: 'summary <file> [--json]              Keras summary of a project, Keras JSON or tfjs model.json',
  },
  export: {
    load: async () => (await import('./commands/export')).exportCommand,
    help: 'export <file> --to keras-json|tfjs-topology|python|project|pytorch|onnx -o <path> [--distribute mirrored|multi-worker]',
  },
  bench: {
    load: async () => (await import('./commands/bench')).benchCommand,
    help: 'bench [--json] [--backend B]… [--model lecture|cifar]… [--threads N]… [--seconds S]\n      training samples/s of the lecture CNN (batch 32 and 128) and a 32×32×3 CNN (batch 64), per backend and thread count',
  },
  conv: {
    load: async () => (await import('./commands/conv')).convCommand,
    help: "conv --x <numbers> --w <numbers> --op convolve|correlate --padding valid|same|full [--same-style scipy|keras] [--stride S] [--json]\n      1-D, or 2-D with rows separated by ';' (negative numbers as --x=-1,2,3)",
  },
  serve: {
    load: async () => (await import('./commands/serve')).serveCommand,
    help: 'serve [--port P] [--data-dir DIR]…   browser mode: the UI on 127.0.0.1 with the engine over a WebSocket',
  },
  train: {
    load: async () => (await import('./commands/train')).trainCommand,
    help: 'train <file> --dataset sample|fashion-mnist|mnist|directory|images|cifar10 [--data-dir D] [--epochs N] [--batch-size B] [--lr X]\n      [--optimizer sgd|momentum|adam|rmsprop|adagrad] [--validation-split F] [--backend tensorflow|wasm|cpu] [--threads N] [--seed S] [--out DIR] [--record] [--json]\n      [--flip] [--shift N] [--rotate DEG] [--brightness F] [--contrast F]   augmentation of training batches (off by default)\n      [--normalize unit|standardize]   pixels / 255 (default) or per-channel standardisation from the training split\n      images: D holds one subfolder of pictures per class (or train/ and test/, each with one subfolder per class)',
  },
  runs: {
    load: async () => (await import('./commands/runs')).runsCommand,
    help: 'runs <file> [--json]   the runs recorded beside a project (train <file> --record): name, when, network, settings, accuracy, status, size\n      [--compare A B [C…]]   metric deltas and design changes against A (a run id or a unique prefix of its name)\n      [--delete ID] [--rename ID NAME]',
  },
  predict: {
    load: async () => (await import('./commands/predict')).predictCommand,
    help: 'predict <trained-dir> <image files…> [--top K] [--backend B] [--json]   classes of pictures, by a model written with train --out',
  },
};

function helpText(): string {
  return [
    'Convas command line',
    '',
    'usage: npm run -s cli -- <command> [options]',
    '',
    ...Object.values(COMMANDS).map((c) => `  ${c.help}`),
  ].join('\n');
}

/** Runs one CLI invocation and returns its exit status; results go to `io.out`, problems to `io.err`. Importing this module has no side effects. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const { out, err } = io;
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    out(helpText());
    return name ? 0 : 2;
  }
  // Own properties only: `toString` or `__proto__` are unknown commands, not members of Object.prototype.
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  try {
    if (!command) throw usage(`unknown command '${shorten(name)}'`);
    const run = await command.load();
    await run(rest, io);
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      err(`convas: ${e.message}`);
      return e.exitCode;
    }
    if (e instanceof TypeError && (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`convas: ${e.message}\nRun \`npm run -s cli -- help\` for usage.`);
      return 2;
    }
    err(`convas: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return 1;
  }
}
