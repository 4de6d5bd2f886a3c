// Seconds from `npm start -- --browser` to the printed browser-mode URL, for a first start
// (with --clean: no build output, so everything is built) and a second start right after it.
// Prints figures; asserts nothing. Run: npm run -s bench:start [-- --clean] [--port P]
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Starts `npm start`, resolves with the seconds until it prints the URL, then stops its process group. */
function timeStart(port: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    // Its own process group, so npm, the launcher and the engine it forks stop together.
    const child = spawn('npm', ['start', '--', '--browser', '--port', port], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const stop = () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // Already gone.
      }
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('http://127.0.0.1')) {
        const seconds = (performance.now() - start) / 1000;
        child.once('exit', () => resolve(seconds));
        stop();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      if (!output.includes('http://127.0.0.1')) reject(new Error(`npm start exited ${code} before printing a URL:\n${output}`));
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { clean: { type: 'boolean', default: false }, port: { type: 'string', default: '4899' } } });
  if (values.clean) for (const d of ['renderer', 'electron', '.stamps']) rmSync(join(ROOT, 'dist', d), { recursive: true, force: true });
  const first = await timeStart(values.port);
  const second = await timeStart(values.port);
  console.log(
    `npm start to the browser-mode URL: first ${first.toFixed(1)} s${values.clean ? ' (clean dist)' : ''}, second ${second.toFixed(1)} s`,
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
