/**
 * What one page may send the server. The largest real messages from a page are a train command
 * (a graph of a few hundred layers is well under 1 MiB as JSON), an inspection of a drawn image
 * (784 bytes of pixels) and small control commands; exported model bytes travel the other way
 * (server → page), which this limit does not touch. 4 MiB leaves a wide margin and keeps a
 * hostile page from making the server buffer much.
 */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

/** Deeper than any real command (a graph's layer settings nest a few levels); past it, the engine's IPC serializer would overflow the stack. */
export const MAX_MESSAGE_DEPTH = 32;

/** True when `value` nests arrays or objects deeper than `max` (checked without recursion, so depth itself cannot overflow the stack). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    if (typeof v !== 'object' || v === null || ArrayBuffer.isView(v)) continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push({ v: child, depth: depth + 1 });
  }
  return false;
}
