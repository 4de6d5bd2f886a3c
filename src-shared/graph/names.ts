import { layerKind } from '../layers/registry';

/** The next free Keras-style name for a kind: conv2d, then conv2d_1, conv2d_2, … */
export function nextLayerName(kindId: string, taken: Iterable<string>): string {
  const prefix = layerKind(kindId)?.namePrefix ?? kindId.toLowerCase();
  const used = new Set(taken);
  if (!used.has(prefix)) return prefix;
  for (let i = 1; ; i++) if (!used.has(`${prefix}_${i}`)) return `${prefix}_${i}`;
}
