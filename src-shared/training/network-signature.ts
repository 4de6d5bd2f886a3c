import type { Network } from '../graph/network';

/**
 * A string equal for two models exactly when they build the same Keras model: the input, and
 * each layer's name, kind, validated settings and inputs in order (node ids and positions play no part).
 * A trained model belongs to the network whose signature it was trained with.
 */
export function networkSignature(model: Network): string {
  return JSON.stringify([model.input.name, model.input.shape, model.layers.map((l) => [l.name, l.kind, l.params, l.inbound])]);
}
