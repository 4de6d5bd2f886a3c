import * as tf from '@tensorflow/tfjs';

/**
 * The gradient of DepthwiseConv2dNative. tfjs-core's refuses dilated filters ("dilation rates
 * greater than 1 are not yet supported") although its forward pass takes them, so a dilated
 * SeparableConv2D could not train. This one hands the dilation to the backprop kernels, which
 * ours handle on wasm and cpu; everything else is as tfjs-core's.
 */
export const depthwiseConv2dGradConfig: tf.GradConfig = {
  kernelName: tf.DepthwiseConv2dNative,
  inputsToSave: ['x', 'filter'],
  gradFunc: (grad, saved, attrs) => {
    const dy = grad as tf.Tensor4D;
    const { strides, pad, dilations, dimRoundingMode } = attrs as unknown as tf.DepthwiseConv2dNativeAttrs;
    const [x, filter] = saved as [tf.Tensor4D, tf.Tensor4D];
    const common = { strides, pad, dilations: dilations ?? 1, ...(dimRoundingMode ? { dimRoundingMode } : {}) };
    return {
      x: () => tf.engine().runKernel<tf.Tensor>(tf.DepthwiseConv2dNativeBackpropInput, { dy, filter }, { ...common, inputShape: x.shape }),
      filter: () =>
        tf.engine().runKernel<tf.Tensor>(tf.DepthwiseConv2dNativeBackpropFilter, { x, dy }, { ...common, filterShape: filter.shape }),
    };
  },
};
