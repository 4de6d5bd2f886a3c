// The executable behind `npm run -s cli -- …`: runs the CLI on this process's arguments and streams.
import { runCli } from './main';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  cwd: process.cwd(),
  ...(process.stderr.isTTY ? { progress: (text: string) => void process.stderr.write(text) } : {}),
  onInterrupt: (stop) => {
    process.on('SIGINT', stop);
    return () => void process.off('SIGINT', stop);
  },
});
