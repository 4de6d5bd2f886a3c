/**
 * Small random networks for the ONNX export's property test: a few blocks of every layer kind the
 * engine trains (with branches joined by each merge), then a head that ends in logits or
 * probabilities. Generated as raw layers; the test keeps those that validate.
 */
import fc from 'fast-check';
import { graphFromLayers, toNetwork, type Network, type RawLayer } from '../../../src-shared/graph/network';
import type { LayerKindId } from '../../../src-shared/layers/types';
import { ACTIVATIONS } from '../../../src-shared/layers/params';

type Params = Record<string, unknown>;
/** A block: layers given the name of the tensor they start from and a fresh-name source. */
type Block = (from: string, fresh: () => string) => RawLayer[];

const at = (kind: string, name: string, params: Params, ...inbound: string[]): RawLayer => ({
  kind: kind as LayerKindId,
  name,
  params,
  inbound,
});

/** One layer on the tensor before it. */
const single =
  (kind: string, params: Params): Block =>
  (from, fresh) => [at(kind, fresh(), params, from)];

const activation = fc.constantFrom(...ACTIVATIONS);
const padding = fc.constantFrom('valid', 'same');
const kernel = fc.integer({ min: 1, max: 3 });
const stride = fc.integer({ min: 1, max: 2 });

const conv = fc.record({
  filters: fc.integer({ min: 1, max: 4 }),
  kernel_size: kernel,
  strides: stride,
  padding,
  activation,
  use_bias: fc.boolean(),
});

const blocks: fc.Arbitrary<Block> = fc.oneof(
  conv.map((p) => single('Conv2D', p)),
  fc
    .record({ filters: fc.integer({ min: 1, max: 3 }), kernel_size: kernel, dilation_rate: fc.constant(2), padding })
    .map((p) => single('Conv2D', p)),
  fc
    .record({
      kernel_size: kernel,
      strides: stride,
      padding,
      depth_multiplier: fc.integer({ min: 1, max: 2 }),
      activation,
      use_bias: fc.boolean(),
    })
    .map((p) => single('DepthwiseConv2D', p)),
  fc
    .record({
      filters: fc.integer({ min: 1, max: 4 }),
      kernel_size: kernel,
      strides: stride,
      padding,
      activation,
      depth_multiplier: fc.integer({ min: 1, max: 2 }),
    })
    .map((p) => single('SeparableConv2D', p)),
  fc
    .record({ filters: fc.integer({ min: 1, max: 3 }), kernel_size: kernel, strides: stride, padding, activation, use_bias: fc.boolean() })
    .map((p) => single('Conv2DTranspose', p)),
  fc
    .record({ pool_size: fc.integer({ min: 2, max: 3 }), strides: fc.constantFrom(null, 1, 2), padding })
    .chain((p) => fc.constantFrom('MaxPooling2D', 'AveragePooling2D').map((kind) => single(kind, p))),
  fc.record({ center: fc.boolean(), scale: fc.boolean() }).map((p) => single('BatchNormalization', p)),
  fc.record({ axis: fc.constantFrom(-1, [1, 2, 3], [2, 3]) }).map((p) => single('LayerNormalization', p)),
  activation.map((a) => single('Activation', { activation: a })),
  fc
    .constantFrom({ max_value: null, negative_slope: 0 }, { max_value: 6, negative_slope: 0 }, { max_value: null, negative_slope: 0.2 })
    .map((p) => single('ReLU', p)),
  fc.double({ min: 0, max: 0.5, noNaN: true }).map((a) => single('LeakyReLU', { negative_slope: a })),
  fc.constant(single('Dropout', { rate: 0.5 })),
  fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 1 })).map(([a, b]) =>
    single('ZeroPadding2D', {
      padding: [
        [a, b],
        [b, a],
      ],
    }),
  ),
  fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 1 })).map(([a, b]) =>
    single('Cropping2D', {
      cropping: [
        [a, b],
        [b, 0],
      ],
    }),
  ),
  fc
    .record({ size: fc.integer({ min: 1, max: 2 }), interpolation: fc.constantFrom('nearest', 'bilinear') })
    .map((p) => single('UpSampling2D', p)),
  // A branch: two convolutions of the same tensor joined by a merge.
  fc
    .record({
      merge: fc.constantFrom('Add', 'Multiply', 'Average', 'Maximum', 'Minimum', 'Concatenate'),
      filters: fc.integer({ min: 1, max: 3 }),
      activation,
    })
    .map(({ merge, filters, activation: a }): Block => (from, fresh) => {
      const left = at('Conv2D', fresh(), { filters, kernel_size: 3, padding: 'same', activation: a }, from);
      const right = at('Conv2D', fresh(), { filters, kernel_size: 1 }, from);
      return [left, right, at(merge, fresh(), {}, left.name!, right.name!)];
    }),
);

/** How the network turns its last map into classes: flatten or pool, perhaps a hidden layer, then logits or probabilities. */
const head = fc.record({
  reduce: fc.constantFrom('Flatten', 'GlobalAveragePooling2D', 'GlobalMaxPooling2D', 'Reshape'),
  hidden: fc.option(fc.record({ units: fc.integer({ min: 2, max: 6 }), activation }), { nil: undefined }),
  last: fc.constantFrom('linear', 'softmax', 'Softmax'),
});

/** A random small network as raw layers, Input first, in an order where each layer follows what feeds it. */
export const smallNetworks: fc.Arbitrary<RawLayer[]> = fc
  .record({
    size: fc.integer({ min: 5, max: 9 }),
    channels: fc.integer({ min: 1, max: 3 }),
    blocks: fc.array(blocks, { minLength: 2, maxLength: 4 }),
    head,
  })
  .map(({ size, channels, blocks: chosen, head: h }) => {
    let n = 0;
    const fresh = () => `l${++n}`;
    const layers: RawLayer[] = [{ kind: 'InputLayer', name: 'input', params: { shape: [size, size, channels] } }];
    let last = 'input';
    const add = (more: RawLayer[]) => {
      layers.push(...more);
      last = more[more.length - 1]!.name!;
    };
    for (const block of chosen) add(block(last, fresh));
    if (h.reduce === 'Reshape') {
      // A rank-3 tensor through LayerNormalization and a Dense on its last axis, then flattened.
      add([at('Reshape', fresh(), { target_shape: [-1, 2] }, last)]);
      add([at('Dense', fresh(), { units: 3, activation: 'tanh' }, last)]);
      add([at('Flatten', fresh(), {}, last)]);
    } else add([at(h.reduce, fresh(), {}, last)]);
    if (h.hidden) add([at('Dense', fresh(), h.hidden, last)]);
    add([at('Dense', fresh(), { units: 3, activation: h.last === 'softmax' ? 'softmax' : 'linear' }, last)]);
    if (h.last === 'Softmax') add([at('Softmax', fresh(), {}, last)]);
    return layers;
  });

/** The random networks that validate, as the engine and the exporter see them. */
export const validSmallNetworks: fc.Arbitrary<Network> = smallNetworks
  .map((layers) => toNetwork(graphFromLayers(layers)))
  .filter((r) => r.ok)
  .map((r) => (r.ok ? r.model : (undefined as never)));
