import * as tf from '@tensorflow/tfjs';
import { windowGeometry, type WindowGeometry } from './geometry';
import { patchColumns, patchRows } from './im2col';
import { asWasmBackend, heapF32, heapIndex, runWasmKernel, wasmMemoryOf, type KernelArgs, type WasmBackend } from './wasm-heap';
import { tapKernel } from './simd/filter-gradient';

/** Largest patch matrix built at once (floats); bigger problems are cut into blocks of output rows. */
const MAX_PATCH_FLOATS = 1 << 22;

/**
 * dW over output rows [rowFrom, rowTo) as one XNNPACK matrix product, dW = patchesᵀ · dy, added
 * into `sum` ([K, CO], float64). XNNPACK packs (copies) the right-hand operand on every call and
 * caches it by tensor id, so that operand is a fresh copy of dy's rows. With one input channel
 * the patch matrix is built already transposed ([K, n], long contiguous runs); with several it
 * is built row-wise ([n, K], runs of kw × channels) and the BatchMatMul kernel transposes it.
 */
function addBlock(
  backend: WasmBackend,
  x: tf.TensorInfo,
  dy: tf.TensorInfo,
  g: WindowGeometry,
  rowFrom: number,
  rowTo: number,
  sum: Float64Array,
): void {
  const K = g.filterHeight * g.filterWidth * g.inChannels;
  const CO = g.outChannels;
  const n = (rowTo - rowFrom) * g.outWidth;
  const first = rowFrom * g.outWidth * CO;
  const columnWise = g.inChannels === 1;
  const patches = backend.makeOutput(columnWise ? [1, K, n] : [1, n, K], 'float32');
  const dyBlock = backend.makeOutput([1, n, CO], 'float32');
  const temps: tf.TensorInfo[] = [patches, dyBlock];
  try {
    const { heap, at: xAt } = heapIndex(backend, x);
    const dyAt = heapIndex(backend, dy).at;
    heap.copyWithin(heapIndex(backend, dyBlock).at, dyAt + first, dyAt + first + n * CO);
    (columnWise ? patchColumns : patchRows)(heap, xAt, heapIndex(backend, patches).at, g, rowFrom, rowTo);
    const prod = runWasmKernel(tf.BatchMatMul, backend, { a: patches, b: dyBlock }, { transposeA: !columnWise, transposeB: false });
    temps.push(prod);
    const p = heapF32(backend, prod);
    for (let i = 0; i < K * CO; i++) sum[i]! += p[i]!;
  } finally {
    for (const t of temps) backend.disposeData(t.dataId);
  }
}

/** Conv2DBackpropFilter for the wasm backend, which ships without it. */
function conv2dBackpropFilter(args: KernelArgs): tf.TensorInfo {
  const { x, dy } = args.inputs as tf.Conv2DBackpropFilterInputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = args.attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  if (dataFormat !== 'NHWC') throw new Error(`Conv2DBackpropFilter on wasm supports NHWC only, got ${dataFormat}`);
  if (x.dtype !== 'float32' || dy.dtype !== 'float32') throw new Error('Conv2DBackpropFilter on wasm supports float32 only');
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  return conv2dFilterGradient(asWasmBackend(args.backend), x, dy, windowGeometry(info), filterShape);
}

/**
 * dW of an NHWC convolution with geometry `g` (dilation allowed), as a new wasm tensor of
 * `filterShape`: tap by tap in SIMD for few taps and output channels (unless `taps` is false),
 * otherwise as matrix products whose patch matrices stay under `maxPatchFloats` floats (at least
 * one output row).
 */
export function conv2dFilterGradient(
  backend: WasmBackend,
  x: tf.TensorInfo,
  dy: tf.TensorInfo,
  g: WindowGeometry,
  filterShape: readonly number[],
  maxPatchFloats = MAX_PATCH_FLOATS,
  taps = true,
): tf.TensorInfo {
  const K = g.filterHeight * g.filterWidth * g.inChannels;
  const tapped = taps && K <= MAX_TAPS ? byTaps(backend, x, dy, g, filterShape) : undefined;
  if (tapped) return tapped;
  const rows = g.batch * g.outHeight;
  const block = Math.max(1, Math.floor(maxPatchFloats / (K * Math.max(1, g.outWidth))));
  const sum = new Float64Array(K * g.outChannels);
  for (let r = 0; r < rows; r += block) addBlock(backend, x, dy, g, r, Math.min(rows, r + block), sum);
  const out = backend.makeOutput([...filterShape], 'float32');
  heapF32(backend, out).set(sum);
  return out;
}

/** Most taps (filter height × width × input channels) the tap kernel takes: it reads dy once per tap. */
const MAX_TAPS = 64;

/** Output pixels [lo, hi) along one axis whose input pixel for offset `off` lies inside [0, size). */
function validRange(out: number, stride: number, off: number, size: number): [number, number] {
  const lo = Math.min(out, Math.max(0, Math.ceil(-off / stride)));
  const hi = Math.max(lo, Math.min(out, Math.floor((size - 1 - off) / stride) + 1));
  return [lo, hi];
}

/**
 * dW tap by tap with the SIMD tap kernel (few output channels): per tap and image, one call sums
 * over the output pixels whose input pixel exists (padding contributes nothing), in float32
 * within an image and float64 across images. Undefined where the kernel is not available.
 */
function byTaps(
  backend: WasmBackend,
  x: tf.TensorInfo,
  dy: tf.TensorInfo,
  g: WindowGeometry,
  filterShape: readonly number[],
): tf.TensorInfo | undefined {
  const memory = wasmMemoryOf(backend);
  const CO = g.outChannels;
  const tap = memory && tapKernel(memory, CO);
  if (!tap) return undefined;
  const { inHeight: H, inWidth: W, inChannels: CI, outHeight: OH, outWidth: OW } = g;
  const scratch = backend.makeOutput([CO], 'float32');
  try {
    const out = heapF32(backend, scratch);
    const [xAt, dyAt, outAt] = [heapF32(backend, x).byteOffset, heapF32(backend, dy).byteOffset, out.byteOffset];
    const sum = new Float64Array(g.filterHeight * g.filterWidth * CI * CO);
    for (let kh = 0; kh < g.filterHeight; kh++) {
      const offH = kh * g.dilationHeight - g.padTop;
      const [oh0, oh1] = validRange(OH, g.strideHeight, offH, H);
      for (let kw = 0; kw < g.filterWidth; kw++) {
        const offW = kw * g.dilationWidth - g.padLeft;
        const [ow0, ow1] = validRange(OW, g.strideWidth, offW, W);
        if (oh0 === oh1 || ow0 === ow1) continue;
        for (let ci = 0; ci < CI; ci++) {
          const k = ((kh * g.filterWidth + kw) * CI + ci) * CO;
          for (let b = 0; b < g.batch; b++) {
            const ih = oh0 * g.strideHeight + offH;
            const iw = ow0 * g.strideWidth + offW;
            tap(
              xAt + (((b * H + ih) * W + iw) * CI + ci) * 4,
              g.strideWidth * CI * 4,
              g.strideHeight * W * CI * 4,
              dyAt + ((b * OH + oh0) * OW + ow0) * CO * 4,
              OW * CO * 4,
              ow1 - ow0,
              oh1 - oh0,
              outAt,
            );
            for (let c = 0; c < CO; c++) sum[k + c]! += out[c]!;
          }
        }
      }
    }
    const result = backend.makeOutput([...filterShape], 'float32');
    heapF32(backend, result).set(sum);
    return result;
  } finally {
    backend.disposeData(scratch.dataId);
  }
}

/** Registration record for the kernel. */
export const conv2dBackpropFilterConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: conv2dBackpropFilter,
};
