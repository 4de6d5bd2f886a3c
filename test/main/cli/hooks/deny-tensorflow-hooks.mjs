// Module resolution hook: refuses every @tensorflow/* specifier, so code that loads
// TensorFlow.js fails loudly instead of quietly paying for it.
/**
 * @param {string} specifier
 * @param {unknown} context
 * @param {(specifier: string, context: unknown) => unknown} next
 */
export function resolve(specifier, context, next) {
  if (specifier === '@tensorflow' || specifier.startsWith('@tensorflow/')) {
    throw new Error(`TensorFlow.js must not be loaded here (import of '${specifier}')`);
  }
  return next(specifier, context);
}
