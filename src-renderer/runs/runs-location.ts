import { MAX_RUN_NAME, type RunRecordRequest, type RunsLocation } from '../../src-shared/runs/manifest';

/** What the renderer knows of the project that decides where its runs live. */
export interface ProjectPlace {
  /** The project's title. */
  readonly name: string;
  /** Where its file lives, when the host knows (the desktop app), else null. */
  readonly filePath: string | null;
}

/** The collection of an unsaved (or host-less) project: its title, cut to what the engine accepts; "Untitled" stands in for none. */
function collectionOf(name: string): string {
  const trimmed = name.trim().slice(0, MAX_RUN_NAME);
  return trimmed.length > 0 ? trimmed : 'Untitled';
}

/**
 * Where a project's runs live: beside its file when the host says where that is and the engine
 * may write there, else in the engine's data folder under the project's title. `besideAllowed`
 * is false once the engine refused a folder beside a project file (a confined engine keeps runs
 * in its own data folder).
 */
export function runsLocationOf(place: ProjectPlace, besideAllowed: boolean): RunsLocation {
  if (place.filePath && besideAllowed) return { kind: 'beside', projectFile: place.filePath };
  return { kind: 'data', collection: collectionOf(place.name) };
}

/** The `record` field of a train command for a project: its runs' location and its title. */
export function recordRequestOf(place: ProjectPlace, besideAllowed: boolean): RunRecordRequest {
  return { location: runsLocationOf(place, besideAllowed), project: place.name.slice(0, MAX_RUN_NAME) };
}
