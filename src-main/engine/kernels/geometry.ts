import type * as tf from '@tensorflow/tfjs';

/** Geometry of one NHWC sliding-window op (convolution or pooling), padding resolved to numbers. */
export interface WindowGeometry {
  readonly batch: number;
  readonly inHeight: number;
  readonly inWidth: number;
  readonly inChannels: number;
  readonly outHeight: number;
  readonly outWidth: number;
  readonly outChannels: number;
  readonly filterHeight: number;
  readonly filterWidth: number;
  readonly strideHeight: number;
  readonly strideWidth: number;
  readonly dilationHeight: number;
  readonly dilationWidth: number;
  readonly padTop: number;
  readonly padLeft: number;
}

/** The geometry tfjs computed (computeConv2DInfo / computePool2DInfo), in channels-last layout. */
export function windowGeometry(info: tf.backend_util.Conv2DInfo): WindowGeometry {
  if (info.dataFormat !== 'channelsLast') throw new Error('only NHWC tensors are supported');
  return {
    batch: info.batchSize,
    inHeight: info.inHeight,
    inWidth: info.inWidth,
    inChannels: info.inChannels,
    outHeight: info.outHeight,
    outWidth: info.outWidth,
    outChannels: info.outChannels,
    filterHeight: info.filterHeight,
    filterWidth: info.filterWidth,
    strideHeight: info.strideHeight,
    strideWidth: info.strideWidth,
    dilationHeight: info.dilationHeight,
    dilationWidth: info.dilationWidth,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
  };
}
