/*
 * Where each output row (or column) of a resize reads from, with the arithmetic of tfjs's
 * forward kernels (ResizeNearestNeighbor, ResizeBilinear), so that a gradient built from these
 * is the exact transpose of the forward pass, including alignCorners and halfPixelCenters.
 */

/** Input positions per output position along one axis. */
function ratio(inSize: number, outSize: number, alignCorners: boolean): number {
  const shrink = alignCorners && outSize > 1;
  return (shrink ? inSize - 1 : inSize) / (shrink ? outSize - 1 : outSize);
}

/** The input index each output index copies in a nearest-neighbour resize. */
export function nearestSources(inSize: number, outSize: number, alignCorners: boolean, halfPixelCenters: boolean): Int32Array {
  const scale = ratio(inSize, outSize, alignCorners);
  const sources = new Int32Array(outSize);
  for (let r = 0; r < outSize; r++) {
    const frac = halfPixelCenters ? scale * (r + 0.5) : scale * r;
    const nearest = Math.min(inSize - 1, alignCorners ? Math.round(frac) : Math.floor(frac));
    sources[r] = halfPixelCenters ? Math.max(0, nearest) : nearest;
  }
  return sources;
}

/** The two input indices each output index blends in a bilinear resize, and the weight of the second. */
export interface BilinearTaps {
  readonly low: Int32Array;
  readonly high: Int32Array;
  /** May fall outside [0, 1] at a half-pixel border, where low = high and the weights still sum to 1. */
  readonly frac: Float64Array;
}

/** The bilinear taps along one axis. */
export function bilinearTaps(inSize: number, outSize: number, alignCorners: boolean, halfPixelCenters: boolean): BilinearTaps {
  const scale = ratio(inSize, outSize, alignCorners);
  const taps = { low: new Int32Array(outSize), high: new Int32Array(outSize), frac: new Float64Array(outSize) };
  for (let r = 0; r < outSize; r++) {
    const at = halfPixelCenters ? scale * (r + 0.5) - 0.5 : scale * r;
    const low = Math.max(0, Math.floor(at));
    taps.low[r] = low;
    taps.high[r] = Math.min(inSize - 1, Math.ceil(at));
    taps.frac[r] = at - low;
  }
  return taps;
}
