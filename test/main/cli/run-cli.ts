import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../../src-main/cli/main';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI inside this process through runCli, with stdout and stderr as a terminal would show them. */
export async function cli(args: string[], options: { cwd?: string } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, {
    out: (t) => (stdout += `${t}\n`),
    err: (t) => (stderr += `${t}\n`),
    cwd: options.cwd ?? ROOT,
  });
  return { status, stdout, stderr };
}

/** Runs the CLI exactly as the README says (`npm run -s cli -- …`) in a child process. */
export function npmCli(args: string[], timeout = 120_000): CliRun {
  const r = spawnSync('npm', ['run', '-s', 'cli', '--', ...args], { cwd: ROOT, encoding: 'utf8', timeout });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
