import { MAX_RUN_NAME, type RunRecordRequest, type RunRef, type RunsLocation } from '../../src-shared/runs/manifest';

/** The collection of a project: its title, cut to what the engine accepts; "Untitled" stands in for none. */
function collectionOf(projectName: string): string {
  const trimmed = projectName.trim().slice(0, MAX_RUN_NAME);
  return trimmed.length > 0 ? trimmed : 'Untitled';
}

/**
 * Where the app keeps a project's runs: in the engine's data folder, under the project's title.
 * The engines the app talks to (desktop and browser mode) are confined and refuse a folder beside
 * a project file, which only the command line (`train --record`) writes to.
 */
export function runsLocationOf(projectName: string): RunsLocation {
  return { kind: 'data', collection: collectionOf(projectName) };
}

/** The `record` field of a train command for a project: its runs' location and its title. */
export function recordRequestOf(projectName: string): RunRecordRequest {
  return { location: runsLocationOf(projectName), project: projectName.slice(0, MAX_RUN_NAME) };
}

/** How a training run is kept: where it is recorded, and the stored run whose weights it continues from. */
export interface RunKeeping {
  readonly record?: RunRecordRequest | undefined;
  readonly resume?: RunRef | undefined;
}
