import type { Coded } from '../i18n/coded';

/** Why a network cannot be written as ONNX exactly; the dictionaries word each (engine: `error.onnx-*`). */
export type OnnxProblemValues = {
  /** ReLU settings no exact ONNX (nor TensorFlow.js) layer is written for. */
  readonly 'relu-settings': { readonly layer: string };
  /** The convolution's dilation or output_padding, which the engine's own layer does not compute as Keras does. */
  readonly 'convolution-settings': { readonly layer: string };
  /** A weight the layer needs is not among the weights given, or has another shape. */
  readonly 'missing-weight': { readonly layer: string; readonly weight: string };
};
export type OnnxProblem = Coded<OnnxProblemValues>;

/** Thrown while a graph is built and turned into a result at its edge. */
export class Refusal extends Error {
  constructor(readonly problem: OnnxProblem) {
    super(problem.code);
  }
}
