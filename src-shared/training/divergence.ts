import type { Coded } from '../i18n/coded';

/**
 * Whether a run that finished actually learned. A learning rate far too high does not always
 * make the loss infinite (the engine stops those): the weights can land where the network
 * predicts one class, or the loss can explode to a huge but finite number. Such a run used to
 * end like any other; this rule names it, as a code with values the UI and the CLI word.
 */

/** The values of each kind of run that finished without learning. */
export type DivergenceValues = {
  /** Test accuracy no better than guessing (`chance` = 1 / classes). */
  readonly 'chance-accuracy': {
    readonly accuracy: number;
    readonly chance: number;
    readonly classes: number;
    readonly learningRate: number;
  };
  /** The loss ended several times higher than it started. */
  readonly 'loss-grew': { readonly first: number; readonly last: number; readonly learningRate: number };
  /** The final training and test losses are worse than a network that outputs the same for every image (ln classes). */
  readonly 'loss-above-untrained': { readonly loss: number; readonly untrained: number; readonly learningRate: number };
};

/** A run that finished without learning, as a code with its values. */
export type DivergenceWarning = Coded<DivergenceValues>;
export type DivergenceCode = DivergenceWarning['code'];
export const DIVERGENCE_CODES = ['chance-accuracy', 'loss-grew', 'loss-above-untrained'] as const satisfies readonly DivergenceCode[];

/** What the rule looks at: the end of a run and its loss curve. */
export interface RunOutcome {
  readonly classes: number;
  readonly learningRate: number;
  /** Epochs that ran to their end; a run stopped before the first ended is not judged. */
  readonly epochsCompleted: number;
  readonly testAccuracy: number;
  readonly testCount: number;
  readonly testLoss: number;
  /** Training loss in order: the first batch's, then each epoch's mean. */
  readonly losses: readonly number[];
}

/** How many times the loss must grow from its first value to count as exploded (two orders of magnitude). */
export const LOSS_GROWTH = 100;

/**
 * How far above chance accuracy still counts as chance: three standard errors of a guesser's
 * accuracy on this many test images, and at least two points (so 10,000 images do not make a
 * run at 10.5% look like learning).
 */
export function chanceMargin(classes: number, testCount: number): number {
  const p = 1 / classes;
  // On a handful of test images three standard errors reach far above chance; a run halfway
  // between chance and perfect has learned something whatever the test set's size.
  return Math.min((1 - p) / 2, Math.max(0.02, 3 * Math.sqrt((p * (1 - p)) / Math.max(testCount, 1))));
}

/** The warning a finished run deserves, or null when it learned (or is too short to judge). */
export function divergenceOf(run: RunOutcome): DivergenceWarning | null {
  const { classes, learningRate } = run;
  if (run.epochsCompleted < 1 || classes < 2) return null;
  const chance = 1 / classes;
  if (run.testCount > 0 && run.testAccuracy <= chance + chanceMargin(classes, run.testCount))
    return { code: 'chance-accuracy', values: { accuracy: run.testAccuracy, chance, classes, learningRate } };
  const first = run.losses[0];
  const last = run.losses.at(-1);
  if (first !== undefined && last !== undefined && first > 0 && last > first * LOSS_GROWTH)
    return { code: 'loss-grew', values: { first, last, learningRate } };
  // An untrained network that spreads its bets evenly scores ln(classes); a run that ends worse has lost
  // ground. The training loss must be worse too (a network that overfits has a high test loss but
  // learned), and so must the accuracy be poor: a first epoch's mean includes its wild first
  // batches, so a run that learned can still average above ln(classes).
  const untrained = Math.log(classes);
  const poor = run.testAccuracy < chance + (1 - chance) / 2;
  if (poor && last !== undefined && last > untrained * 1.05 && run.testLoss > untrained * 1.05)
    return { code: 'loss-above-untrained', values: { loss: run.testLoss, untrained, learningRate } };
  return null;
}
