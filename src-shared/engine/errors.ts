import type { EngineErrorCode, EngineErrorEvent, EngineErrorReason } from './protocol';

/** Which command an error answers, and the underlying cause's own text. */
export interface ErrorContext {
  readonly runId?: string | undefined;
  readonly requestId?: string | undefined;
  readonly detail?: string | undefined;
}

/**
 * An error event: the category `code`, the `reason` as a code with values for the UI to word, and
 * an English `message` for logs and the CLI. Absent context fields are left out, not undefined.
 */
export function engineError(
  code: EngineErrorCode,
  reason: EngineErrorReason,
  message: string,
  context: ErrorContext = {},
): EngineErrorEvent {
  return {
    type: 'error',
    ...(context.runId !== undefined ? { runId: context.runId } : {}),
    ...(context.requestId !== undefined ? { requestId: context.requestId } : {}),
    code,
    message,
    reason,
    ...(context.detail !== undefined ? { detail: context.detail } : {}),
  };
}

/** The runId and requestId of a command that may not have passed validation (for answering it). */
export function commandContext(command: unknown): { runId?: string; requestId?: string } {
  if (typeof command !== 'object' || command === null) return {};
  const { runId, requestId } = command as { runId?: unknown; requestId?: unknown };
  return {
    ...(typeof runId === 'string' && runId.length > 0 && runId.length <= 100 ? { runId } : {}),
    ...(typeof requestId === 'string' ? { requestId } : {}),
  };
}
