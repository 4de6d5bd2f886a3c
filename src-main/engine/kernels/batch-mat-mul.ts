import * as tf from '@tensorflow/tfjs';
import { asWasmBackend, reshaped, runWasmKernel, type KernelArgs, type WasmBackend } from './wasm-heap';

/*
 * Rough costs on the wasm backend, measured on the lecture CNN's Dense layer: a transpose
 * copies at ~0.5 ns per float, XNNPACK packs (copies and reorders) the right-hand operand
 * at ~3 ns per float on every call with a new tensor, every extra kernel call costs ~20 µs.
 */
const TRANSPOSE_NS = 0.5;
const PACK_NS = 3;
const CALL_NS = 20_000;

/** How to run C[M,N] = A·B on XNNPACK, which takes only untransposed operands and packs the right one. */
export type MatMulPlan = 'direct' | 'swapped';

/**
 * 'direct' multiplies A·B after materialising any transposed operand; 'swapped' computes
 * Cᵀ = Bᵀ·Aᵀ and transposes the (often small) result. Picks the cheaper: mostly, pack the
 * smaller operand. For Dense backprop dx = dy·Wᵀ this packs dy instead of the whole kernel.
 */
export function planMatMul(m: number, k: number, n: number, transposeA: boolean, transposeB: boolean): MatMulPlan {
  const transpose = (size: number) => CALL_NS + size * TRANSPOSE_NS;
  const direct = (transposeA ? transpose(m * k) : 0) + (transposeB ? transpose(k * n) : 0) + k * n * PACK_NS;
  const swapped = (transposeB ? 0 : transpose(k * n)) + (transposeA ? 0 : transpose(m * k)) + k * m * PACK_NS + transpose(m * n);
  return swapped < direct ? 'swapped' : 'direct';
}

const batchOf = (shape: readonly number[]) => shape.slice(0, -2).reduce((p, d) => p * d, 1);

/** A single matrix [rows, cols] of a batch-1 tensor, as a 3-D view for the stock kernels. */
function matrix(x: tf.TensorInfo): tf.TensorInfo {
  return reshaped(x, [1, x.shape[x.shape.length - 2]!, x.shape[x.shape.length - 1]!]);
}

function transposed(backend: WasmBackend, x: tf.TensorInfo, temps: tf.TensorInfo[]): tf.TensorInfo {
  const t = runWasmKernel(tf.Transpose, backend, { x: matrix(x) }, { perm: [0, 2, 1] });
  temps.push(t);
  return t;
}

/**
 * BatchMatMul for the wasm backend. The stock kernel uses XNNPACK only for a single product
 * without transposes and otherwise runs a scalar C++ loop ~5× slower; every Dense backward pass
 * needs transposed products (dx = dy·Wᵀ, dW = xᵀ·dy). This materialises the transposes the
 * cheaper way (see planMatMul) and hands a plain product to the stock kernel.
 */
export function batchMatMulConfig(stock: tf.KernelConfig): tf.KernelConfig {
  const kernelFunc = (args: KernelArgs): tf.TensorInfo | tf.TensorInfo[] => {
    const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
    const { transposeA, transposeB } = (args.attrs ?? {}) as unknown as tf.BatchMatMulAttrs;
    if (
      (!transposeA && !transposeB) ||
      batchOf(a.shape) !== 1 ||
      batchOf(b.shape) !== 1 ||
      a.dtype !== 'float32' ||
      b.dtype !== 'float32'
    ) {
      return stock.kernelFunc(args);
    }
    const backend = asWasmBackend(args.backend);
    const [ra, ca] = a.shape.slice(-2) as [number, number];
    const [rb, cb] = b.shape.slice(-2) as [number, number];
    const [m, k] = transposeA ? [ca, ra] : [ra, ca];
    const n = transposeB ? rb : cb;
    if ((transposeB ? cb : rb) !== k) return stock.kernelFunc(args); // let the stock kernel report the mismatch
    const outer = (a.shape.length >= b.shape.length ? a.shape : b.shape).slice(0, -2);
    const plain = { transposeA: false, transposeB: false };
    const temps: tf.TensorInfo[] = [];
    try {
      let out: tf.TensorInfo;
      if (planMatMul(m, k, n, transposeA, transposeB) === 'direct') {
        const left = transposeA ? transposed(backend, a, temps) : matrix(a);
        const right = transposeB ? transposed(backend, b, temps) : matrix(b);
        out = runStock(stock, args.backend, left, right, plain);
      } else {
        const left = transposeB ? matrix(b) : transposed(backend, b, temps);
        const right = transposeA ? matrix(a) : transposed(backend, a, temps);
        temps.push(runStock(stock, args.backend, left, right, plain));
        out = runWasmKernel(tf.Transpose, backend, { x: temps[temps.length - 1]! }, { perm: [0, 2, 1] });
      }
      return { ...out, shape: [...outer, m, n] };
    } finally {
      for (const t of temps) backend.disposeData(t.dataId);
    }
  };
  return {
    kernelName: tf.BatchMatMul,
    backendName: 'wasm',
    kernelFunc,
    // The stock kernel binds its C++ function in setup; keep that working when the backend is (re)initialised.
    ...(stock.setupFunc ? { setupFunc: stock.setupFunc } : {}),
    ...(stock.disposeFunc ? { disposeFunc: stock.disposeFunc } : {}),
  };
}

function runStock(stock: tf.KernelConfig, backend: unknown, a: tf.TensorInfo, b: tf.TensorInfo, attrs: tf.NamedAttrMap): tf.TensorInfo {
  const out = stock.kernelFunc({ inputs: { a, b }, backend: backend as object, attrs });
  if (Array.isArray(out)) throw new Error('BatchMatMul returned several tensors');
  return out;
}
