import type { RunKeeping } from './runs-location';
import { currentRecordRequest } from './runs-controller';
import { useExperimentsT } from './i18n';

/** How a run started from the Train button is kept: recorded among the project's runs. */
export function trainingKeeping(): RunKeeping {
  return { record: currentRecordRequest() };
}

/** The Runs tab's label in the panel's tab strip. */
export function RunsTabLabel() {
  return <>{useExperimentsT()('tab.runs')}</>;
}
