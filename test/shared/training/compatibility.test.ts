import { describe, expect, it } from 'vitest';
import { issueText, planText } from '../../../src-shared/i18n/issue-text';
import { graphFromLayers, toNetwork, type RawLayer } from '../../../src-shared/graph/network';
import { planTraining } from '../../../src-shared/training/compatibility';
import { INCEPTION, RESIDUAL } from '../support/functional-graphs';

function plan(layers: RawLayer[]) {
  const seq = toNetwork(graphFromLayers(layers));
  if (!seq.ok) throw new Error(seq.issues.map((i) => issueText('en', i)).join('\n'));
  return planTraining(seq.model);
}

const input = (shape: number[]): RawLayer => ({ kind: 'InputLayer', params: { shape } });
const head: RawLayer[] = [
  { kind: 'Flatten', params: {} },
  { kind: 'Dense', name: 'out', params: { units: 10, activation: 'softmax' } },
];

describe('planTraining', () => {
  it('feeds 28×28×1 images as they are and knows a softmax output gives probabilities', () => {
    expect(plan([input([28, 28, 1]), ...head])).toEqual({
      ok: true,
      adapter: { kind: 'image', height: 28, width: 28, channels: 1, padTop: 0, padLeft: 0 },
      outputIsProbability: true,
    });
  });

  it("pads 28×28 images into LeNet-5's 32×32 input and flattens for a 784 input", () => {
    expect(plan([input([32, 32, 1]), ...head])).toMatchObject({ ok: true, adapter: { padTop: 2, padLeft: 2 } });
    expect(plan([input([784]), { kind: 'Dense', params: { units: 10 } }])).toMatchObject({
      ok: true,
      adapter: { kind: 'flat' },
      outputIsProbability: false,
    });
  });

  it('says what to change when the input cannot take the images or the output is not 10 classes', () => {
    const small = plan([input([16, 16, 1]), ...head]);
    expect(!small.ok && planText('en', small.problem)).toMatch(
      /input_layer: the dataset's images are 28×28; an input of 16×16 cannot take them/,
    );
    const five = plan([input([28, 28, 1]), { kind: 'Flatten', params: {} }, { kind: 'Dense', name: 'out', params: { units: 5 } }]);
    expect(!five.ok && planText('en', five.problem)).toMatch(/out: the network must end with 10 values .* outputs \(None, 5\)/);
  });

  it('refuses what TensorFlow.js cannot train, naming the layer', () => {
    const dilated = plan([
      input([28, 28, 1]),
      { kind: 'Conv2D', name: 'c', params: { filters: 2, kernel_size: 3, dilation_rate: 2 } },
      ...head,
    ]);
    expect(!dilated.ok && planText('en', dilated.problem)).toMatch(/^c: TensorFlow.js cannot train a dilated convolution/);
    const bn = plan([input([28, 28, 1]), { kind: 'BatchNormalization', name: 'bn', params: { center: false } }, ...head]);
    expect(!bn.ok && planText('en', bn.problem)).toMatch(/^bn: TensorFlow.js cannot train BatchNormalization/);
  });

  it('reads the output of a network with branches from its last layer, not by walking the layers as a chain', () => {
    for (const layers of [RESIDUAL, INCEPTION]) {
      expect(plan([...layers])).toEqual({
        ok: true,
        adapter: { kind: 'image', height: 28, width: 28, channels: 1, padTop: 0, padLeft: 0 },
        outputIsProbability: true,
      });
    }
    const five = plan(RESIDUAL.map((l) => (l.name === 'dense' ? { ...l, params: { units: 5 } } : l)));
    expect(!five.ok && planText('en', five.problem)).toMatch(/^dense: the network must end with 10 values .* outputs \(None, 5\)/);
  });
});
