import * as tf from '@tensorflow/tfjs';
import type { WindowGeometry } from './geometry';

/** The attributes both depthwise backprop kernels share. */
export interface DepthwiseAttrs {
  readonly strides: [number, number] | number;
  readonly dilations?: [number, number] | number;
  readonly pad: tf.DepthwiseConv2dNativeBackpropInputAttrs['pad'];
  readonly dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** The geometry of a depthwise convolution (inChannels C, outChannels C × multiplier). */
export function depthwiseInfo(
  inShape: readonly number[],
  filterShape: readonly number[],
  attrs: DepthwiseAttrs,
): tf.backend_util.Conv2DInfo {
  return tf.backend_util.computeConv2DInfo(
    inShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides,
    attrs.dilations ?? 1,
    attrs.pad,
    attrs.dimRoundingMode,
    true,
  );
}

/*
 * The two gradients below walk the same (output pixel, filter tap) pairs; the walk is written out
 * in each, as a shared callback made them 2–3× slower. Filter index (kh, kw, c, m) and dy
 * channel c·M + m run in step, so j indexes both.
 */

/** dx of a depthwise convolution (strides, padding, dilation, multiplier), for the cpu backend. */
export function depthwiseInputGradient(dy: Float32Array, filter: Float32Array, dx: Float32Array, g: WindowGeometry): void {
  const { inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW, outChannels: CO, filterHeight: KH, filterWidth: KW } = g;
  const M = CO / C;
  dx.fill(0);
  for (let b = 0; b < g.batch; b++) {
    for (let oh = 0; oh < OH; oh++) {
      for (let kh = 0; kh < KH; kh++) {
        const ih = oh * g.strideHeight - g.padTop + kh * g.dilationHeight;
        if (ih < 0 || ih >= H) continue;
        for (let ow = 0; ow < OW; ow++) {
          const dyAt = ((b * OH + oh) * OW + ow) * CO;
          for (let kw = 0; kw < KW; kw++) {
            const iw = ow * g.strideWidth - g.padLeft + kw * g.dilationWidth;
            if (iw < 0 || iw >= W) continue;
            const xAt = ((b * H + ih) * W + iw) * C;
            const fAt = (kh * KW + kw) * CO;
            if (M === 1) {
              for (let c = 0; c < C; c++) dx[xAt + c]! += dy[dyAt + c]! * filter[fAt + c]!;
              continue;
            }
            for (let c = 0, j = 0; c < C; c++) {
              let sum = 0;
              for (let m = 0; m < M; m++, j++) sum += dy[dyAt + j]! * filter[fAt + j]!;
              dx[xAt + c]! += sum;
            }
          }
        }
      }
    }
  }
}

/**
 * dW of a depthwise convolution (float64 sums), for the cpu backend: its stock kernel ignores
 * dilation and takes seconds where this takes tens of milliseconds.
 */
export function depthwiseFilterGradient(x: Float32Array, dy: Float32Array, g: WindowGeometry): Float64Array {
  const { inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW, outChannels: CO, filterHeight: KH, filterWidth: KW } = g;
  const M = CO / C;
  const dw = new Float64Array(KH * KW * CO);
  for (let b = 0; b < g.batch; b++) {
    for (let oh = 0; oh < OH; oh++) {
      for (let kh = 0; kh < KH; kh++) {
        const ih = oh * g.strideHeight - g.padTop + kh * g.dilationHeight;
        if (ih < 0 || ih >= H) continue;
        for (let ow = 0; ow < OW; ow++) {
          const dyAt = ((b * OH + oh) * OW + ow) * CO;
          for (let kw = 0; kw < KW; kw++) {
            const iw = ow * g.strideWidth - g.padLeft + kw * g.dilationWidth;
            if (iw < 0 || iw >= W) continue;
            const xAt = ((b * H + ih) * W + iw) * C;
            const fAt = (kh * KW + kw) * CO;
            if (M === 1) {
              for (let c = 0; c < C; c++) dw[fAt + c]! += x[xAt + c]! * dy[dyAt + c]!;
              continue;
            }
            for (let c = 0, j = 0; c < C; c++) {
              const v = x[xAt + c]!;
              for (let m = 0; m < M; m++, j++) dw[fAt + j]! += v * dy[dyAt + j]!;
            }
          }
        }
      }
    }
  }
  return dw;
}
