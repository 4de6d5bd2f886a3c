/**
 * Keeps the training engine running in its own process (Electron's utilityProcess) and hands
 * each page a direct MessagePort to it: main makes a channel, transfers one end to the engine
 * (which treats a transferred port as a new connection, see engine/process/transport.ts) and
 * the other to the page, so progress streams page ↔ engine without passing through main.
 * A crash is reported through `onStatus`; `restart` starts a fresh engine.
 * Pure: the process and the channel come from injected factories (Electron's in main.ts).
 */
import type { EngineStatus } from '../../src-shared/electron/ipc-schemas';
import { translator } from '../../src-shared/i18n/catalog';
import type { Language } from '../../src-shared/i18n/language';
import { grantMessage } from '../engine/process/confinement';

/** The part of Electron's UtilityProcess the supervisor uses. */
export interface EngineChild<Port> {
  readonly stderr: { on(event: 'data', listener: (chunk: Buffer | string) => void): unknown } | null;
  postMessage(message: unknown, transfer?: Port[]): void;
  kill(): boolean;
  once(event: 'exit', listener: (code: number) => void): unknown;
}

export interface EngineSupervisorDeps<Port> {
  /** Starts the engine process (utilityProcess.fork of the engine bundle). */
  readonly fork: () => EngineChild<Port>;
  /** A connected pair of ports (new MessageChannelMain()). */
  readonly createChannel: () => { readonly port1: Port; readonly port2: Port };
  readonly onStatus: (status: EngineStatus) => void;
}

interface Running<Port> {
  readonly child: EngineChild<Port>;
  stopping: boolean;
  stderrTail: string;
  readonly exited: Promise<number>;
}

/** The message that carries a page's port to the engine; the engine only looks at the port. */
export const CONNECT_MESSAGE = { connect: 'renderer' } as const;

export class EngineSupervisor<Port> {
  private running: Running<Port> | undefined;

  private readonly granted: string[] = [];

  constructor(private readonly deps: EngineSupervisorDeps<Port>) {}

  /** The dataset folders the user chose in a native dialog, for `fork` to grant a fresh engine at start. */
  get grantedDirs(): readonly string[] {
    return this.granted;
  }

  /** Lets the engine read datasets from `dir` (chosen by the user in main's dialog): now if it runs, and every engine started later. */
  grantDataDir(dir: string): void {
    if (!this.granted.includes(dir)) this.granted.push(dir);
    this.running?.child.postMessage(grantMessage(dir));
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  /** Starts the engine if needed and returns the page's end of a new direct channel to it. */
  connect(): Port {
    const running = this.ensure();
    const { port1, port2 } = this.deps.createChannel();
    running.child.postMessage(CONNECT_MESSAGE, [port1]);
    return port2;
  }

  /** Ends the engine (whatever it is doing) and starts a fresh one. */
  async restart(): Promise<void> {
    await this.stop(0);
    this.ensure();
  }

  /**
   * Asks the engine to shut down and kills it if it has not exited within `graceMs` (0 kills at
   * once: a training run would otherwise finish first).
   */
  async stop(graceMs = 1000): Promise<void> {
    const running = this.running;
    if (!running) return;
    running.stopping = true;
    this.running = undefined;
    if (graceMs > 0) {
      running.child.postMessage({ type: 'shutdown' });
      const timer = setTimeout(() => running.child.kill(), graceMs);
      await running.exited;
      clearTimeout(timer);
    } else {
      running.child.kill();
      await running.exited;
    }
  }

  private ensure(): Running<Port> {
    if (this.running) return this.running;
    const child = this.deps.fork();
    const exited = new Promise<number>((resolve) => child.once('exit', resolve));
    const running: Running<Port> = { child, stopping: false, stderrTail: '', exited };
    child.stderr?.on('data', (chunk) => {
      running.stderrTail = (running.stderrTail + String(chunk)).slice(-2000);
    });
    void exited.then((code) => {
      if (this.running === running) this.running = undefined;
      if (!running.stopping) this.deps.onStatus(crashStatus(code, running.stderrTail));
    });
    this.running = running;
    this.deps.onStatus({ state: 'started' });
    return running;
  }
}

/** The engine's last meaningful stderr lines on one line (tfjs-node's banner left out); '' when it said nothing. */
export function crashDetail(stderrTail: string): string {
  return stderrTail
    .trim()
    .split('\n')
    .filter((l) => l.trim() !== '' && !/tfjs-node|====|Hi, looks like/.test(l))
    .slice(-3)
    .join(' ');
}

/** The crash in words, in a language: the exit code and what the engine last wrote. */
export function crashMessage(language: Language, exitCode: number, detail: string): string {
  const t = translator(language, 'electron');
  // The code as written, not as a quantity: no thousands separators in a Windows status like 3221225477.
  const code = String(exitCode);
  return detail ? t('engine.crashedWithDetail', { code, detail }) : t('engine.crashed', { code });
}

/** The status sent to the page when the engine died: the English sentence plus the values to word it in any language. */
export function crashStatus(exitCode: number, stderrTail: string): EngineStatus {
  const detail = crashDetail(stderrTail);
  return { state: 'crashed', message: crashMessage('en', exitCode, detail), exitCode, ...(detail ? { detail } : {}) };
}
