import type * as tf from '@tensorflow/tfjs';

/** The part of tfjs-backend-cpu's MathBackendCPU that our kernels use. */
export interface CpuBackend {
  readonly data: { get(dataId: tf.DataId): { values: tf.backend_util.BackendValues } | undefined };
  makeTensorInfo(shape: number[], dtype: tf.DataType, values?: tf.backend_util.BackendValues): tf.TensorInfo;
}

/** The kernel's backend as a CpuBackend; kernels registered for 'cpu' only ever receive MathBackendCPU. */
export function asCpuBackend(backend: unknown): CpuBackend {
  const b = backend as Partial<CpuBackend> | null;
  if (!b || typeof b.makeTensorInfo !== 'function' || !b.data) throw new Error('expected the cpu backend');
  return b as CpuBackend;
}

/** The float32 values of a tensor held by the cpu backend. */
export function cpuF32(backend: CpuBackend, info: tf.TensorInfo): Float32Array {
  const values = backend.data.get(info.dataId)?.values;
  if (!(values instanceof Float32Array)) throw new Error(`expected a float32 tensor, got ${info.dtype}`);
  return values;
}
