import { totalmem } from 'node:os';
import type { BackendName } from '../../../src-shared/engine/protocol';
import { analyzeGraph } from '../../../src-shared/graph/analyze';
import type { Graph } from '../../../src-shared/graph/schema';
import { summarize } from '../../../src-shared/summary/summary';
import { checkMemory, memoryBudget, type MemoryProblem } from '../../../src-shared/training/memory-budget';
import { estimateTrainingMemory, type MemorySettings } from '../../../src-shared/training/memory-estimate';

/** What one run may plan to use with `backend` on this machine (see memoryBudget for which limit binds which backend). */
export function machineMemoryBudget(backend: BackendName): number {
  // In a container (cgroup limit) the machine's memory is the host's; the limit is what this process gets.
  const constrained = process.constrainedMemory?.() ?? 0;
  return memoryBudget(constrained > 0 ? Math.min(totalmem(), constrained) : totalmem(), backend);
}

/**
 * Why a run of `graph` must not start on this machine, or undefined when it fits; pure arithmetic,
 * allocates no tensor. `data` counts the images the engine will hold once the dataset is read.
 */
export function memoryRefusal(
  graph: Graph,
  settings: MemorySettings,
  backend: BackendName,
  data: { readonly examples: number; readonly inputName: string } = { examples: 0, inputName: 'input' },
): MemoryProblem | undefined {
  const summary = summarize(analyzeGraph(graph));
  // An invalid graph was refused before this with its own issues.
  if (!summary) return undefined;
  return checkMemory(estimateTrainingMemory(summary, settings, data.examples), machineMemoryBudget(backend), data.inputName);
}
