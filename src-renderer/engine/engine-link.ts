/**
 * The page's one link to the engine, whatever carries it. It owns everything the two hosts share:
 * validation of every command sent and every event received (zod schemas of the protocol),
 * a capped queue while the engine (re)connects, a fresh connection after the transport dies,
 * one link state for the status line, and listener isolation (a listener that throws is reported
 * and never stops the others). Problems come back as 'error' events, never as exceptions.
 */
import type { EngineApi } from '../../src-shared/engine/engine-api';
import { commandContext, engineError } from '../../src-shared/engine/errors';
import {
  engineCommandSchema,
  engineEventSchema,
  type EngineCommand,
  type EngineErrorEvent,
  type EngineEvent,
} from '../../src-shared/engine/protocol';
import { zodIssues } from '../../src-shared/project/io';
import type { EngineTransport, Incoming, TransportOpener } from './transport';

/** The state of the link, for the status line and the "Restart engine" button. */
export type EngineLinkState = 'connecting' | 'open' | 'closed';

/** An engine link that reports its state and can be started again after a crash or a lost connection. */
export interface RestartableEngine extends EngineApi {
  readonly state: EngineLinkState;
  /** Subscribes to link state changes; returns the unsubscribe function. */
  onState(listener: (state: EngineLinkState) => void): () => void;
  /** Drops the current connection (and, where the host keeps one, its engine) and opens a fresh one; the design stays. */
  restart(): Promise<void>;
}

export interface EngineLink extends RestartableEngine {
  /** Stops listening and closes the connection (no error event). */
  dispose(): void;
}

export interface EngineLinkOptions {
  /** Commands kept while the engine (re)connects; more are answered with an error event. */
  readonly maxQueued?: number;
  /** Where a listener's exception is reported; console.error by default. */
  readonly report?: (what: string, error: unknown) => void;
}

export const DEFAULT_MAX_QUEUED = 100;

const text = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Creates the link over `opener` and starts connecting at once. */
export function createEngineLink<K extends TransportOpener['kind']>(
  opener: TransportOpener & { readonly kind: K },
  options: EngineLinkOptions = {},
): EngineLink & { readonly kind: K } {
  const maxQueued = options.maxQueued ?? DEFAULT_MAX_QUEUED;
  const report = options.report ?? ((what, error) => console.error(what, error));
  const listeners = new Set<(event: EngineEvent) => void>();
  const stateListeners = new Set<(state: EngineLinkState) => void>();
  let state: EngineLinkState = 'connecting';
  let transport: EngineTransport | undefined;
  /** Bumped on every connection attempt, so a late answer of an older one is ignored. */
  let generation = 0;
  let restarting: Promise<void> | undefined;
  let disposed = false;
  let queue: EngineCommand[] = [];

  const setState = (next: EngineLinkState) => {
    if (next === state) return;
    state = next;
    for (const l of [...stateListeners]) {
      try {
        l(next);
      } catch (e) {
        report('engine link state listener failed', e);
      }
    }
  };

  const dispatch = (event: EngineEvent) => {
    for (const l of [...listeners]) {
      try {
        l(event);
      } catch (e) {
        report('engine listener failed', e);
      }
    }
  };
  // Answers to a command come asynchronously, like a real engine's would.
  const dispatchLater = (event: EngineEvent) => queueMicrotask(() => !disposed && dispatch(event));

  /** Drops the current connection without a word (restart, dispose, or after reporting its loss). */
  const detach = () => {
    generation++;
    const old = transport;
    transport = undefined;
    if (!old) return;
    try {
      old.close();
    } catch {
      // Already closed.
    }
  };

  /** The engine is gone: report it once; the next command (or restart()) connects again. */
  const lost = (event: EngineErrorEvent, announce = true) => {
    detach();
    queue = [];
    setState('closed');
    if (announce) dispatch(event);
  };

  const stopped = (why: string) =>
    engineError(
      'engine-crashed',
      { code: 'engine-stopped', values: {} },
      `The training engine stopped: ${why}. Your design is safe — restart the engine to train again.`,
      { detail: why },
    );

  const receive = (incoming: Incoming) => {
    if ('unreadable' in incoming) {
      dispatch(
        engineError('bad-message', { code: 'bad-event', values: {} }, `The engine sent an unreadable frame: ${incoming.unreadable}`, {
          detail: incoming.unreadable,
        }),
      );
      return;
    }
    const parsed = engineEventSchema.safeParse(incoming.message);
    if (!parsed.success) {
      const issues = zodIssues(parsed.error);
      dispatch(
        engineError('bad-message', { code: 'bad-event', values: {} }, `The engine sent a malformed event: ${issues}`, { detail: issues }),
      );
      return;
    }
    const event = parsed.data;
    // The engine says it is dying: report that (its words), and not the connection's loss after it.
    if (event.type === 'error' && event.code === 'engine-crashed') lost(event, false);
    dispatch(event);
  };

  const deliver = (t: EngineTransport, command: EngineCommand) => {
    try {
      t.send(command);
    } catch (e) {
      lost(stopped(`a command could not be sent (${text(e)})`));
    }
  };

  const connect = () => {
    detach();
    const mine = generation;
    setState('connecting');
    opener.open().then(
      (t) => {
        if (mine !== generation || disposed) {
          t.close();
          return;
        }
        transport = t;
        t.onMessage((incoming) => mine === generation && receive(incoming));
        t.onClose((why) => mine === generation && lost(stopped(why)));
        setState('open');
        // Ask for the backend at once, so the panel can say which one is in use before a run.
        deliver(t, { type: 'hello' });
        const pending = queue;
        queue = [];
        for (const command of pending) if (transport === t) deliver(t, command);
      },
      (e: unknown) => {
        if (mine !== generation || disposed) return;
        lost(
          engineError('engine-crashed', { code: 'engine-unreachable', values: {} }, `Cannot reach the training engine: ${text(e)}`, {
            detail: text(e),
          }),
        );
      },
    );
  };

  const restart = (): Promise<void> => {
    restarting ??= (async () => {
      detach();
      setState('connecting');
      try {
        await opener.reset?.();
      } catch (e) {
        lost(
          engineError('engine-crashed', { code: 'restart-failed', values: {} }, `Cannot restart the training engine: ${text(e)}`, {
            detail: text(e),
          }),
        );
        return;
      } finally {
        restarting = undefined;
      }
      if (!disposed) connect();
    })();
    return restarting;
  };

  const offCrash = opener.onCrash?.((message) => {
    // The engine usually says so itself first; report a crash once.
    if (state === 'closed' || restarting) return;
    lost(engineError('engine-crashed', { code: 'engine-stopped', values: {} }, message, { detail: message }));
  });

  connect();

  return {
    kind: opener.kind,
    get state() {
      return state;
    },
    onState(listener) {
      stateListeners.add(listener);
      return () => void stateListeners.delete(listener);
    },
    on(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    send(command) {
      if (disposed) return;
      const parsed = engineCommandSchema.safeParse(command);
      if (!parsed.success) {
        const issues = zodIssues(parsed.error);
        dispatchLater(
          engineError('bad-message', { code: 'bad-command', values: {} }, `Invalid engine command: ${issues}`, {
            ...commandContext(command),
            detail: issues,
          }),
        );
        return;
      }
      const valid = parsed.data;
      if (state === 'open' && transport) {
        deliver(transport, valid);
        return;
      }
      // Nothing runs in an engine that is gone: no need to start one to stop it.
      if (state === 'closed' && (valid.type === 'stop' || valid.type === 'shutdown')) return;
      if (queue.length >= maxQueued) {
        dispatchLater(
          engineError(
            'engine-crashed',
            { code: 'queue-full', values: { max: maxQueued } },
            `The training engine is not answering (${maxQueued} commands are waiting) — restart it`,
            commandContext(valid),
          ),
        );
        return;
      }
      queue.push(valid);
      if (state === 'closed' && !restarting) void restart();
    },
    restart,
    dispose() {
      disposed = true;
      detach();
      offCrash?.();
      opener.dispose?.();
      listeners.clear();
      stateListeners.clear();
      queue = [];
      state = 'closed';
    },
  };
}
