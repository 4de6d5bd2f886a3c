/** Words why a network cannot be written as ONNX: the engine's error (English for the CLI) and the app share it. */
import type { OnnxProblem } from '../onnx/network-graph';
import { translator } from './catalog';
import type { Language } from './language';

/** "relu_1: these ReLU settings have no exact ONNX form …" in `language`. */
export function onnxProblemText(language: Language, problem: OnnxProblem): string {
  return translator(language, 'engine')(`error.onnx-${problem.code}`, problem.values);
}
