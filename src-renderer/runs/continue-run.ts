import type { Graph } from '../../src-shared/graph/schema';
import { useProjectStore } from '../store/project-store';
import { useTrainingStore } from '../training/training-store';
import { currentRecordRequest, refOf, restoreGraph, withStoredRun } from './runs-controller';
import type { RunKeeping } from './runs-location';
import { useRunsStore } from './runs-store';

/** Starts a training run of `graph` kept as asked (the training panel's startRun with its engine and settings). */
export type StartTraining = (graph: Graph, keeping: RunKeeping) => void;

/**
 * "Continue training": trains the run's network again from its stored weights, recorded as a new
 * run. The run's design goes on the canvas first (the weights fit only it; `placed` is told when
 * it changed the canvas); the 'started' event says whether the optimizer's state came too.
 */
export function continueRun(id: string, start: StartTraining, placed: () => void = () => undefined): void {
  withStoredRun(id, (stored) => {
    const resume = refOf(id);
    if (!resume) return;
    if (restoreGraph(stored.graph)) placed();
    useRunsStore.setState({ resumed: null });
    start(useProjectStore.getState().project.graph, { record: currentRecordRequest(), resume });
    useTrainingStore.setState({ tab: 'training' });
  });
}
