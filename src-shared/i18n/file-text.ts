/** Words why a file cannot be opened, for the renderer (in the user's language) and the CLI (in English). */
import type { ModelFileProblem } from '../format/model-file';
import type { ImportProblem } from '../keras/import';
import type { ProjectProblem } from '../project/io';
import { translator } from './catalog';
import type { Language } from './language';
import type { BoundsCode } from '../graph/param-bounds';

/** A setting out of bounds, worded as the canvas words the same problem on its node ("units is nested more than 16 levels deep …"). */
function settingText(language: Language, values: { readonly setting: string; readonly reason: BoundsCode; readonly max: number }): string {
  return translator(language, 'issues')(`problem.${values.reason}`, { param: values.setting, max: values.max });
}

/** Why a document is not a project Convas can open, and what to do. */
export function projectProblemText(language: Language, problem: ProjectProblem): string {
  const t = translator(language, 'files');
  if (problem.code === 'bad-setting')
    return t('project.bad-setting', { layer: problem.values.layer, problem: settingText(language, problem.values) });
  return t(`project.${problem.code}`, problem.values);
}

/** Why a document is not a Keras model Convas can import, and what to do. */
export function importProblemText(language: Language, problem: ImportProblem): string {
  const t = translator(language, 'files');
  if (problem.code === 'bad-setting')
    return t('keras.bad-setting', { layer: problem.values.layer, problem: settingText(language, problem.values) });
  return t(`keras.${problem.code}`, problem.values);
}

/** Why a file cannot be opened, starting with its name. */
export function fileProblemText(language: Language, error: ModelFileProblem): string {
  const t = translator(language, 'files');
  switch (error.reader) {
    case 'format':
      return t(`format.${error.problem.code}`, { file: error.file, ...error.problem.values });
    case 'project':
      return t('file.in', { file: error.file, problem: projectProblemText(language, error.problem) });
    case 'keras':
      return t('file.in', { file: error.file, problem: importProblemText(language, error.problem) });
  }
}
