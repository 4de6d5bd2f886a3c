// Child process for no-tensorflow.test.ts: runs each CLI invocation given as a JSON argument
// in this one process and prints each exit status and output as one JSON line.
import { runCli } from '../../../../src-main/cli/main';

for (const arg of process.argv.slice(2)) {
  const argv = JSON.parse(arg) as string[];
  let stdout = '';
  let stderr = '';
  const status = await runCli(argv, { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) });
  process.stdout.write(`${JSON.stringify({ argv, status, stdout, stderr })}\n`);
}
