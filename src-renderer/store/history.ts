import type { Graph } from '../../src-shared/graph/schema';

/** Undo/redo stacks of whole graphs (graphs are immutable, so a step costs one reference). */
export interface History {
  readonly past: readonly Graph[];
  readonly future: readonly Graph[];
  /** Key of the last recorded change; consecutive changes with the same key become one step. */
  readonly lastKey?: string;
  readonly lastAt?: number;
}

export const EMPTY_HISTORY: History = { past: [], future: [] };

const LIMIT = 200;
/** Keystrokes in one field within this many milliseconds are one undo step. */
const COALESCE_MS = 1500;

/**
 * Records `before` as an undo step. A change with the same `key` as the previous one, soon
 * after it, joins that step (typing "128" in a field is one step, not three).
 */
export function record(history: History, before: Graph, key: string | undefined, now: number): History {
  if (key !== undefined && key === history.lastKey && history.lastAt !== undefined && now - history.lastAt < COALESCE_MS) {
    return { ...history, future: [], lastAt: now };
  }
  const past = history.past.length >= LIMIT ? history.past.slice(1) : history.past;
  return { past: [...past, before], future: [], ...(key !== undefined ? { lastKey: key, lastAt: now } : {}) };
}

/** Steps back: returns the graph to show and the new history, or undefined when there is nothing to undo. */
export function undo(history: History, current: Graph): { history: History; graph: Graph } | undefined {
  const graph = history.past[history.past.length - 1];
  if (!graph) return undefined;
  return { graph, history: { past: history.past.slice(0, -1), future: [current, ...history.future] } };
}

/** Steps forward again after an undo. */
export function redo(history: History, current: Graph): { history: History; graph: Graph } | undefined {
  const graph = history.future[0];
  if (!graph) return undefined;
  return { graph, history: { past: [...history.past, current], future: history.future.slice(1) } };
}
