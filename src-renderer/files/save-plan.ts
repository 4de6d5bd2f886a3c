import { fileStem } from './exports';

/** Where Save writes a project, and the file name it offers. */
export interface SavePlan {
  /** The file the project lives in (the desktop app knows its path); null to save a new file. */
  readonly target: string | null;
  /** The name offered for a new file: the project's name as it is now, sanitised ("Fashion CNN, v2" → "fashion-cnn-v2.convas.json"). */
  readonly suggested: string;
}

/**
 * Save writes back to the project's path when there is one; otherwise (a browser download, or a
 * project not saved yet) it saves a new file named after the project as it is named now — never
 * after the name of an earlier download, which a browser cannot write to again.
 */
export function savePlan(projectName: string, filePath: string | null, saveAs = false): SavePlan {
  return { target: saveAs ? null : filePath, suggested: `${fileStem(projectName)}.convas.json` };
}
