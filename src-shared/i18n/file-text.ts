/** Words why a file cannot be opened, for the renderer (in the user's language) and the CLI (in English). */
import type { ModelFileProblem } from '../format/model-file';
import type { ImportProblem } from '../keras/import';
import type { ProjectProblem } from '../project/io';
import { translator } from './catalog';
import type { Language } from './language';

/** Why a document is not a project Convas can open, and what to do. */
export function projectProblemText(language: Language, problem: ProjectProblem): string {
  return translator(language, 'files')(`project.${problem.code}`, problem.values);
}

/** Why a document is not a Keras model Convas can import, and what to do. */
export function importProblemText(language: Language, problem: ImportProblem): string {
  return translator(language, 'files')(`keras.${problem.code}`, problem.values);
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
