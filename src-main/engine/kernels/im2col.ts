import type { WindowGeometry } from './geometry';

/*
 * Patch matrices for a convolution's filter gradient, written straight onto the wasm heap.
 * Both work on whole output rows (b, oh) [rowFrom, rowTo) and address tensors by their float
 * index on one heap-wide Float32Array, so runs move with copyWithin/fill: no temporary views,
 * which cost more than the copy itself for runs this short.
 */

/**
 * [pixels, K] layout, K = filterHeight × filterWidth × inChannels in the filter's (kh, kw, c)
 * order: one row per output pixel, zero where the window hangs over the padding. Runs are
 * kw × c wide, so this suits inputs with several channels.
 */
export function patchRows(heap: Float32Array, xAt: number, pAt: number, g: WindowGeometry, rowFrom: number, rowTo: number): void {
  const { inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW, filterHeight: KH, filterWidth: KW } = g;
  const K = KH * KW * C;
  let dst = pAt;
  for (let r = rowFrom; r < rowTo; r++) {
    const b = Math.floor(r / OH);
    const oh = r % OH;
    for (let ow = 0; ow < OW; ow++, dst += K) {
      const iw0 = ow * g.strideWidth - g.padLeft;
      for (let kh = 0; kh < KH; kh++) {
        const ih = oh * g.strideHeight - g.padTop + kh * g.dilationHeight;
        const at = dst + kh * KW * C;
        if (ih < 0 || ih >= H) {
          heap.fill(0, at, at + KW * C);
          continue;
        }
        const rowAt = xAt + (b * H + ih) * W * C;
        if (g.dilationWidth === 1) {
          const lo = Math.max(0, -iw0);
          const hi = Math.min(KW, W - iw0);
          if (lo >= hi) {
            heap.fill(0, at, at + KW * C);
            continue;
          }
          if (lo > 0) heap.fill(0, at, at + lo * C);
          heap.copyWithin(at + lo * C, rowAt + (iw0 + lo) * C, rowAt + (iw0 + hi) * C);
          if (hi < KW) heap.fill(0, at + hi * C, at + KW * C);
        } else {
          for (let kw = 0; kw < KW; kw++) {
            const iw = iw0 + kw * g.dilationWidth;
            const to = at + kw * C;
            if (iw < 0 || iw >= W) heap.fill(0, to, to + C);
            else heap.copyWithin(to, rowAt + iw * C, rowAt + (iw + 1) * C);
          }
        }
      }
    }
  }
}

/**
 * [K, pixels] layout (the transpose of patchRows): one row per filter tap. With a single input
 * channel and stride 1 every run is a contiguous slice of an input row.
 */
export function patchColumns(heap: Float32Array, xAt: number, pAt: number, g: WindowGeometry, rowFrom: number, rowTo: number): void {
  const { inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW, filterHeight: KH, filterWidth: KW } = g;
  const sw = g.strideWidth;
  const n = (rowTo - rowFrom) * OW;
  for (let kh = 0; kh < KH; kh++) {
    for (let kw = 0; kw < KW; kw++) {
      const offW = kw * g.dilationWidth - g.padLeft;
      // Output columns whose tap lands inside the input row: 0 ≤ ow·sw + offW < W.
      const lo = Math.min(OW, Math.max(0, Math.ceil(-offW / sw)));
      const hi = Math.max(lo, Math.min(OW, Math.floor((W - 1 - offW) / sw) + 1));
      for (let c = 0; c < C; c++) {
        let dst = pAt + ((kh * KW + kw) * C + c) * n;
        for (let r = rowFrom; r < rowTo; r++, dst += OW) {
          const b = Math.floor(r / OH);
          const ih = (r % OH) * g.strideHeight - g.padTop + kh * g.dilationHeight;
          if (ih < 0 || ih >= H || lo === hi) {
            heap.fill(0, dst, dst + OW);
            continue;
          }
          if (lo > 0) heap.fill(0, dst, dst + lo);
          if (hi < OW) heap.fill(0, dst + hi, dst + OW);
          const src = xAt + ((b * H + ih) * W + lo * sw + offW) * C + c;
          if (sw === 1 && C === 1) {
            heap.copyWithin(dst + lo, src, src + hi - lo);
          } else {
            const step = sw * C;
            for (let ow = lo, s = src; ow < hi; ow++, s += step) heap[dst + ow] = heap[s]!;
          }
        }
      }
    }
  }
}
