/**
 * Every IPC request of the desktop app passes through here: first the sender is checked (only
 * our own page's main frame), then the payload is validated with its zod schema, then the typed
 * handler runs. Answers are `IpcResult`s so a refusal reaches the page as a clean sentence.
 * Pure (no electron import): main.ts binds it to `ipcMain.handle`.
 */
import type { IpcName } from '../../src-shared/electron/channels';
import { ipcRequestSchemas, type IpcRequest, type IpcResponses, type IpcResult } from '../../src-shared/electron/ipc-schemas';
import { zodIssues } from '../../src-shared/project/io';
import { isTrustedSender, type FrameLike } from './sender';

export type IpcHandlers<Context> = {
  readonly [N in IpcName]: (request: IpcRequest<N>, context: Context) => Promise<IpcResponses[N]> | IpcResponses[N];
};

export interface IpcCall<Context> {
  /** Electron's `event.senderFrame` (null when the frame has navigated away or is gone). */
  readonly frame: FrameLike | null | undefined;
  readonly payload: unknown;
  readonly context: Context;
}

export interface IpcRouterOptions<Context> {
  /** A check beyond the frame's origin, e.g. that the sender is our own window's webContents. */
  readonly isKnownSender?: (context: Context) => boolean;
  /** Told about every refused request (for the log). */
  readonly onRefused?: (name: IpcName, reason: string) => void;
}

export const UNTRUSTED_SENDER = 'This request is only accepted from the Convas window.';

export type IpcRouter<Context> = <N extends IpcName>(name: N, call: IpcCall<Context>) => Promise<IpcResult<IpcResponses[N]>>;

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function createIpcRouter<Context>(handlers: IpcHandlers<Context>, options: IpcRouterOptions<Context> = {}): IpcRouter<Context> {
  return async <N extends IpcName>(name: N, call: IpcCall<Context>): Promise<IpcResult<IpcResponses[N]>> => {
    const refuse = (reason: string, error: string): IpcResult<IpcResponses[N]> => {
      options.onRefused?.(name, reason);
      return { ok: false, error };
    };
    if (!Object.hasOwn(ipcRequestSchemas, name)) return refuse('unknown channel', `Unknown request '${String(name)}'.`);
    if (!isTrustedSender(call.frame)) return refuse(`untrusted frame ${call.frame?.url ?? '(none)'}`, UNTRUSTED_SENDER);
    if (options.isKnownSender && !options.isKnownSender(call.context)) return refuse('unknown webContents', UNTRUSTED_SENDER);
    const parsed = ipcRequestSchemas[name].safeParse(call.payload);
    if (!parsed.success)
      return refuse(`invalid payload: ${zodIssues(parsed.error)}`, `Invalid ${name} request: ${zodIssues(parsed.error)}`);
    const handler = handlers[name] as (request: unknown, context: Context) => Promise<IpcResponses[N]> | IpcResponses[N];
    try {
      return { ok: true, value: await handler(parsed.data, call.context) };
    } catch (e) {
      return { ok: false, error: message(e) };
    }
  };
}
