import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { engineCommandSchema, engineEventSchema, type EngineCommand, type EngineEvent } from '../../../src-shared/engine/protocol';
import { zodIssues } from '../../../src-shared/project/io';
import { commandContext, engineError } from '../../../src-shared/engine/errors';
import { withDecodeThreads } from './threads';

export type EngineListener = (event: EngineEvent) => void;

/** The engine entry beside this file: the .ts source under tsx, the built .js otherwise. */
function entryPath(): { path: string; execArgv: string[] } {
  const here = import.meta.url;
  const ts = here.endsWith('.ts');
  return { path: fileURLToPath(new URL(`./entry.${ts ? 'ts' : 'js'}`, here)), execArgv: ts ? ['--import', 'tsx'] : [] };
}

/** Talks to an engine running in its own Node process; a crash arrives as an 'engine-crashed' error event. */
export class EngineClient {
  private readonly child: ChildProcess;
  private readonly listeners = new Set<EngineListener>();
  private stderrTail = '';
  private closing = false;
  private exited = false;

  constructor(options: { env?: NodeJS.ProcessEnv } = {}) {
    const { path, execArgv } = entryPath();
    this.child = fork(path, [], {
      execArgv,
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: withDecodeThreads(options.env ?? process.env),
    });
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-2000);
    });
    this.child.on('message', (message: unknown) => {
      const parsed = engineEventSchema.safeParse(message);
      this.dispatch(
        parsed.success
          ? parsed.data
          : engineError('bad-message', { code: 'bad-event', values: {} }, `The engine sent a malformed event: ${zodIssues(parsed.error)}`, {
              detail: zodIssues(parsed.error),
            }),
      );
    });
    this.child.on('exit', (code, signal) => {
      this.exited = true;
      if (this.closing && code === 0) return;
      const how = signal ? `signal ${signal}` : `exit code ${code}`;
      const detail = this.stderrTail
        .trim()
        .split('\n')
        .filter((l) => !/tfjs-node|====|Hi, looks like/.test(l))
        .slice(-3)
        .join(' ');
      this.dispatch(
        engineError(
          'engine-crashed',
          { code: 'engine-stopped', values: {} },
          `The training engine stopped unexpectedly (${how})${detail ? `: ${detail}` : ''} — start the run again; your design is not affected`,
          { detail: detail ? `${how}: ${detail}` : how },
        ),
      );
    });
  }

  /** Subscribes to events; returns the unsubscribe function. */
  on(listener: EngineListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Validates and sends a command; a dead engine answers with an 'engine-crashed' error instead. */
  send(command: EngineCommand): void {
    const parsed = engineCommandSchema.safeParse(command);
    if (!parsed.success) throw new Error(`invalid engine command: ${zodIssues(parsed.error)}`);
    if (this.exited || !this.child.connected) {
      queueMicrotask(() =>
        this.dispatch(
          engineError('engine-crashed', { code: 'engine-stopped', values: {} }, 'The training engine is not running — start it again', {
            ...commandContext(parsed.data),
          }),
        ),
      );
      return;
    }
    this.child.send(parsed.data);
  }

  /** Resolves with the first event that matches `predicate` (or rejects on an engine crash). */
  waitFor<T extends EngineEvent>(predicate: (e: EngineEvent) => e is T): Promise<T> {
    return new Promise((resolve, reject) => {
      const off = this.on((e) => {
        if (predicate(e)) {
          off();
          resolve(e);
        } else if (e.type === 'error' && e.code === 'engine-crashed') {
          off();
          reject(new Error(e.message));
        }
      });
    });
  }

  /** The OS process id, for tests that need to kill it. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Asks the engine to finish and exit; kills it if it does not within `timeoutMs`. */
  async close(timeoutMs = 5000): Promise<void> {
    if (this.exited) return;
    this.closing = true;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    if (this.child.connected) this.child.send({ type: 'shutdown' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  }

  private dispatch(event: EngineEvent): void {
    for (const l of [...this.listeners]) l(event);
  }
}
