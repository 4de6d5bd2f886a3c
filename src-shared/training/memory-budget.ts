import type { BackendName } from '../engine/protocol';
import type { Coded } from '../i18n/coded';
import type { TrainingSettings } from '../project/training';
import type { MemoryEstimate } from './memory-estimate';

const GiB = 2 ** 30;

/** The share of the machine's memory one run may plan to use: the OS, the UI and the engine's own code need the rest. */
export const MEMORY_FRACTION = 0.6;

/**
 * The wasm backend keeps every tensor in one WebAssembly.Memory. Its .wasm files declare a
 * maximum of 65,536 pages of 64 KiB (checked in tfjs-backend-wasm 4's binaries), i.e. the 32-bit
 * address space of 4 GiB, whatever the machine has.
 */
export const WASM_ADDRESSABLE_BYTES = 4 * GiB;

/** The budget the UI assumes while the engine has not said its own: small enough to be safe on any machine Convas runs on. */
export const DEFAULT_MEMORY_BUDGET_BYTES = 2 * GiB;

/**
 * What a run may need on a machine with `totalMemoryBytes` and this backend.
 * - tensorflow (tfjs-node): tensors live in libtensorflow's native heap; only physical memory bounds them.
 * - cpu: tensors are typed arrays whose backing stores live outside the V8 heap, so the V8 heap
 *   limit (--max-old-space-size) does not bound them either; only physical memory does.
 * - wasm: tensors live in the module's linear memory, at most WASM_ADDRESSABLE_BYTES.
 * The V8 heap limit bounds JavaScript objects, not tensors, so it is not part of the budget.
 */
export function memoryBudget(totalMemoryBytes: number, backend: BackendName): number {
  const machine = Math.floor(totalMemoryBytes * MEMORY_FRACTION);
  return backend === 'wasm' ? Math.min(machine, WASM_ADDRESSABLE_BYTES) : machine;
}

/**
 * What the refusal blames: the largest layer's parameters (with their gradients and optimizer
 * state) or its activations, or the dataset held in the input's size when that outweighs any layer.
 */
export type MemoryCause = 'weights' | 'activations' | 'dataset';

/** The values of a refusal: the largest layer, what the whole run needs, and the budget. */
export type MemoryProblemValues = {
  readonly 'memory-budget': {
    readonly node: string;
    readonly cause: MemoryCause;
    readonly params: number;
    readonly bytes: number;
    readonly budget: number;
    readonly optimizer: TrainingSettings['optimizer'];
    readonly batch: number;
    /** Images the engine would hold (0 before the dataset is read). */
    readonly examples: number;
  };
};

/** Why a run was refused before it allocated anything, as a code with values. */
export type MemoryProblem = Coded<MemoryProblemValues>;

/** A figure that crosses a process boundary: past float64's range (or NaN) it is the largest finite number. */
const finite = (n: number) => (Number.isFinite(n) ? n : Number.MAX_VALUE);

/**
 * The refusal for an estimate above `budgetBytes`, or undefined when the run fits (a NaN estimate
 * never fits). `inputName` names the Input when the dataset is to blame.
 */
export function checkMemory(estimate: MemoryEstimate, budgetBytes: number, inputName = 'input'): MemoryProblem | undefined {
  if (estimate.totalBytes <= budgetBytes) return undefined;
  const largest = estimate.largest;
  const paramBytes = largest ? largest.weightBytes + largest.gradientBytes + largest.optimizerBytes : 0;
  const dataset = estimate.exampleBytes > (largest?.totalBytes ?? 0);
  // Only an Input: its batch is all there is.
  const cause: MemoryCause = dataset ? 'dataset' : largest && paramBytes >= largest.activationBytes ? 'weights' : 'activations';
  return {
    code: 'memory-budget',
    values: {
      node: dataset ? inputName : (largest?.name ?? inputName),
      cause,
      params: finite(largest?.params ?? 0),
      bytes: finite(estimate.totalBytes),
      budget: budgetBytes,
      optimizer: estimate.optimizer,
      batch: estimate.batchSize,
      examples: finite(estimate.examples),
    },
  };
}
