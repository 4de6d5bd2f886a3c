import { summaryCommand } from './commands/summary';
import { exportCommand } from './commands/export';
import { trainCommand } from './commands/train';
import { serveCommand } from './commands/serve';
import { benchCommand } from './commands/bench';
import { convCommand } from './commands/conv';
import { CliError, usage } from './errors';

type Command = (argv: string[], out: (text: string) => void) => Promise<void>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  summary: { run: summaryCommand, help: 'summary <file> [--json]              Keras summary of a project, Keras JSON or tfjs model.json' },
  export: { run: exportCommand, help: 'export <file> --to keras-json|tfjs-topology|python|project -o <path>' },
  bench: {
    run: benchCommand,
    help: 'bench [--json] [--backend B]…         training samples/s of the lecture CNN per backend, batch 32 and 128',
  },
  conv: {
    run: convCommand,
    help: "conv --x <numbers> --w <numbers> --op convolve|correlate --padding valid|same|full [--same-style scipy|keras] [--stride S] [--json]\n      1-D, or 2-D with rows separated by ';' (negative numbers as --x=-1,2,3)",
  },
  serve: {
    run: serveCommand,
    help: 'serve [--port P]                     browser mode: the UI on 127.0.0.1 with the engine over a WebSocket',
  },
  train: {
    run: trainCommand,
    help: 'train <file> --dataset sample|fashion-mnist|mnist [--data-dir D] [--epochs N] [--batch-size B] [--lr X]\n      [--optimizer sgd|momentum|adam|rmsprop|adagrad] [--validation-split F] [--backend tensorflow|wasm|cpu] [--seed S] [--out DIR] [--json]',
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

/** Runs one CLI invocation and returns its exit status; prints results to stdout and problems to stderr. */
export async function runCli(
  argv: string[],
  out = (t: string) => process.stdout.write(`${t}\n`),
  err = (t: string) => process.stderr.write(`${t}\n`),
): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    out(helpText());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw usage(`unknown command '${name}'`);
    await command.run(rest, out);
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

runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
