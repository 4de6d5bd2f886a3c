/** The absurd networks: the lecture CNN with one size pushed far past any machine (shared by the estimate, engine, CLI and UI tests). */
import { graphFromLayers, type RawLayer } from '../../../src-shared/graph/network';
import type { Graph } from '../../../src-shared/graph/schema';

/** The lecture CNN's layers (197,210 parameters), with overrides per layer. */
export function lectureLayers(o: { shape?: number[]; filters?: number; units?: number } = {}): RawLayer[] {
  return [
    { kind: 'InputLayer', name: 'input_layer', params: { shape: o.shape ?? [28, 28, 1] } },
    { kind: 'Conv2D', name: 'conv2d', params: { filters: o.filters ?? 10, kernel_size: [3, 3], activation: 'relu', padding: 'same' } },
    { kind: 'MaxPooling2D', name: 'max_pooling2d', params: { pool_size: [2, 2] } },
    { kind: 'Flatten', name: 'flatten', params: {} },
    { kind: 'Dense', name: 'dense', params: { units: o.units ?? 100, activation: 'relu' } },
    { kind: 'Dense', name: 'dense_1', params: { units: 10, activation: 'softmax' } },
  ];
}

/** The absurd cases, by name; each is a valid network the engine could be asked to train. */
export const ABSURD: Readonly<Record<string, Graph>> = {
  'Dense with 1e9 units': graphFromLayers(lectureLayers({ units: 1e9 })),
  'Dense with 1e6 units': graphFromLayers(lectureLayers({ units: 1e6 })),
  'Conv2D with 1e12 filters': graphFromLayers(lectureLayers({ filters: 1e12 })),
  'a 100000×100000 input': graphFromLayers(lectureLayers({ shape: [100000, 100000, 1] })),
};
