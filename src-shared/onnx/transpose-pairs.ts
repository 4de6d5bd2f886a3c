import type { OnnxNode } from './model-proto';

function permOf(node: OnnxNode): readonly number[] | undefined {
  if (node.op !== 'Transpose') return undefined;
  const attribute = node.attributes?.find((a) => a.name === 'perm');
  return attribute && 'ints' in attribute ? attribute.ints : undefined;
}

/** True when transposing by `first`, then by `second`, leaves every axis where it was. */
function undoes(first: readonly number[], second: readonly number[]): boolean {
  return first.length === second.length && second.every((p, i) => first[p] === i);
}

/**
 * The nodes without each Transpose that only undoes the one before it (NCHW → NHWC right back to
 * NCHW between two convolutions or pools): both go, and what read the second reads the first's input.
 * The first must feed nothing else, so every other reader still sees the layout it expects.
 */
export function withoutInverseTransposes(nodes: readonly OnnxNode[]): OnnxNode[] {
  const readers = new Map<string, number>();
  for (const n of nodes) for (const i of n.inputs) readers.set(i, (readers.get(i) ?? 0) + 1);
  const producer = new Map<string, OnnxNode>();
  const alias = new Map<string, string>();
  const dropped = new Set<OnnxNode>();
  const kept: OnnxNode[] = [];
  for (const node of nodes) {
    const inputs = node.inputs.map((i) => alias.get(i) ?? i);
    const before = inputs.length === 1 ? producer.get(inputs[0]!) : undefined;
    const perm = permOf(node);
    const first = before && !dropped.has(before) ? permOf(before) : undefined;
    if (perm && first && readers.get(before!.outputs[0]!) === 1 && undoes(first, perm)) {
      dropped.add(before!);
      alias.set(node.outputs[0]!, before!.inputs[0]!);
      continue;
    }
    const rewired = { ...node, inputs };
    for (const o of node.outputs) producer.set(o, rewired);
    kept.push(rewired);
  }
  return kept.filter((n) => !dropped.has(n));
}
