/** Words why a design cannot be exported as a PyTorch module, for the renderer (in the user's language) and the CLI (in English). */
import type { PytorchProblem } from '../pytorch/layer-code';
import { translator } from './catalog';
import type { Language } from './language';

/** Why the PyTorch export refuses a layer, and what to change. */
export function pytorchProblemText(language: Language, problem: PytorchProblem): string {
  return translator(language, 'files')(`pytorch.${problem.code}`, problem.values);
}
