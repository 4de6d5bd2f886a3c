import type { Graph } from '../../src-shared/graph/schema';
import { DEFAULT_MEMORY_BUDGET_BYTES, checkMemory, type MemoryProblem } from '../../src-shared/training/memory-budget';
import { estimateTrainingMemory, type MemoryEstimate, type MemorySettings } from '../../src-shared/training/memory-estimate';
import type { Summary } from '../../src-shared/summary/summary';
import { analysisOf, summaryOf } from '../store/analysis';
import { useProjectStore } from '../store/project-store';
import { useTrainingStore } from './training-store';

const bySummary = new WeakMap<Summary, { optimizer: string; batchSize: number; estimate: MemoryEstimate }>();

/** The training-memory estimate of a graph for these settings; null while the graph has problems. Memoised per summary and settings. */
export function memoryEstimateOf(graph: Graph, settings: MemorySettings): MemoryEstimate | null {
  const summary = summaryOf(analysisOf(graph));
  if (!summary) return null;
  const cached = bySummary.get(summary);
  if (cached && cached.optimizer === settings.optimizer && cached.batchSize === settings.batchSize) return cached.estimate;
  const estimate = estimateTrainingMemory(summary, settings);
  bySummary.set(summary, { optimizer: settings.optimizer, batchSize: settings.batchSize, estimate });
  return estimate;
}

/** Why a graph is too large for `budgetBytes` with these settings, or undefined when it fits (or is not a valid network). */
export function memoryProblemOf(graph: Graph, settings: MemorySettings, budgetBytes: number): MemoryProblem | undefined {
  const estimate = memoryEstimateOf(graph, settings);
  return estimate ? checkMemory(estimate, budgetBytes) : undefined;
}

/** The budget the engine reported in its ready event, or a conservative default while it has not. */
export function useMemoryBudget(): number {
  return useTrainingStore((s) => s.backend?.memoryBudgetBytes) ?? DEFAULT_MEMORY_BUDGET_BYTES;
}

/** The project's network's estimate for its own training settings (the summary and the inspector show it). */
export function useMemoryEstimate(): MemoryEstimate | null {
  const graph = useProjectStore((s) => s.project.graph);
  const optimizer = useProjectStore((s) => s.project.training.optimizer);
  const batchSize = useProjectStore((s) => s.project.training.batchSize);
  return memoryEstimateOf(graph, { optimizer, batchSize });
}
