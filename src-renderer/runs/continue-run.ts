import type { TrainingSettings } from '../../src-shared/project/training';
import { useProjectStore } from '../store/project-store';
import { startRun } from '../training/controller';
import { useTrainingStore } from '../training/training-store';
import { currentRecordRequest, refOf, restoreGraph, runsEngine, withStoredRun } from './runs-controller';
import { useRunsStore } from './runs-store';

/**
 * "Continue training": trains the run's network again from its stored weights with the settings in
 * the form (more epochs, another learning rate), recorded as a new run. The run's design goes on
 * the canvas first (the weights fit only it); the 'started' event says whether the optimizer's
 * state came too.
 */
export function continueRun(id: string, settings: TrainingSettings): void {
  withStoredRun(id, (stored) => {
    const engine = runsEngine();
    const resume = refOf(id);
    if (!engine || !resume) return;
    restoreGraph(stored.graph);
    const { project } = useProjectStore.getState();
    startRun(engine, project.graph, settings, project.name, { record: currentRecordRequest(), resume });
    useTrainingStore.setState({ tab: 'training' });
    useRunsStore.setState({ resumed: null });
  });
}
