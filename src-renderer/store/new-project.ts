import { CURRENT_FORMAT_VERSION, type Project } from '../../src-shared/project/schema';
import { defaultTrainingSettings } from '../../src-shared/project/training';
import { newLayerParams } from './new-layer';

/** A fresh project: one 28×28×1 Input (the size of Fashion-MNIST), ready for the next layer. */
export function newProject(name: string): Project {
  return {
    formatVersion: CURRENT_FORMAT_VERSION,
    app: 'convas',
    name,
    description: '',
    graph: {
      nodes: [{ id: 'n1', kind: 'InputLayer', name: 'input_layer', params: newLayerParams('InputLayer'), position: { x: 0, y: 0 } }],
      edges: [],
    },
    training: defaultTrainingSettings(),
  };
}
