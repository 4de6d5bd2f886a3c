import { describe, expect, it } from 'vitest';
import { chanceMargin, divergenceOf, type RunOutcome } from '../../../src-shared/training/divergence';
import { divergenceText } from '../../../src-shared/i18n/divergence-text';

/** A ten-class run that learned: the loss fell from ln 10 to 0.5, 80% on 1,000 test images. */
const learned: RunOutcome = {
  classes: 10,
  learningRate: 0.001,
  epochsCompleted: 3,
  testAccuracy: 0.8,
  testCount: 1000,
  testLoss: 0.55,
  losses: [2.31, 0.9, 0.6, 0.5],
};

describe('divergenceOf', () => {
  it('says nothing about a run that learned', () => {
    expect(divergenceOf(learned)).toBeNull();
  });

  it('names chance accuracy with the class count and the learning rate (SGD at 10: loss 2.49, 10%)', () => {
    expect(divergenceOf({ ...learned, learningRate: 10, testAccuracy: 0.1, testLoss: 2.49, losses: [2.3, 2.49] })).toEqual({
      code: 'chance-accuracy',
      values: { accuracy: 0.1, chance: 0.1, classes: 10, learningRate: 10 },
    });
  });

  it('counts accuracy within the margin above chance as chance, and beyond it as learning', () => {
    const margin = chanceMargin(10, 1000);
    expect(margin).toBeCloseTo(3 * Math.sqrt(0.09 / 1000), 10);
    expect(divergenceOf({ ...learned, testAccuracy: 0.1 + margin * 0.99 })?.code).toBe('chance-accuracy');
    expect(divergenceOf({ ...learned, testAccuracy: 0.1 + margin * 1.01 })).toBeNull();
    // Many test images: never less than two points.
    expect(chanceMargin(10, 1_000_000)).toBe(0.02);
    // Two classes: chance is 50%.
    expect(divergenceOf({ ...learned, classes: 2, testAccuracy: 0.52, testLoss: 0.69, losses: [0.7, 0.69] })?.code).toBe('chance-accuracy');
  });

  it('names a loss that grew by two orders of magnitude (rmsprop at 10: ~9e8)', () => {
    expect(divergenceOf({ ...learned, learningRate: 10, testAccuracy: 0.3, testLoss: 9e8, losses: [2.3, 5e7, 9e8] })).toEqual({
      code: 'loss-grew',
      values: { first: 2.3, last: 9e8, learningRate: 10 },
    });
  });

  it('names a final loss above an untrained network’s ln(classes)', () => {
    expect(divergenceOf({ ...learned, learningRate: 10, testAccuracy: 0.3, testLoss: 14.5, losses: [2.3, 14.5] })).toEqual({
      code: 'loss-above-untrained',
      values: { loss: 14.5, untrained: Math.log(10), learningRate: 10 },
    });
  });

  it('does not take an overfitted run (high test loss, low training loss) for a diverged one', () => {
    expect(divergenceOf({ ...learned, testLoss: 3.1, losses: [2.3, 0.2, 0.05] })).toBeNull();
  });

  it('does not call a run that learned "chance" on a small test set, nor flag one whose first epoch began wild', () => {
    expect(divergenceOf({ ...learned, classes: 2, testCount: 20, testAccuracy: 0.8 })).toBeNull();
    expect(divergenceOf({ ...learned, losses: [40, 2.6], testLoss: 2.6, testAccuracy: 0.72 })).toBeNull();
  });

  it('does not judge a run stopped before its first epoch ended, nor a one-class dataset', () => {
    expect(divergenceOf({ ...learned, epochsCompleted: 0, testAccuracy: 0.1 })).toBeNull();
    expect(divergenceOf({ ...learned, classes: 1, testAccuracy: 1 })).toBeNull();
  });
});

describe('divergenceText', () => {
  it('words each warning in English and Korean with its figures', () => {
    const chance = { code: 'chance-accuracy', values: { accuracy: 0.1, chance: 0.1, classes: 10, learningRate: 10 } } as const;
    expect(divergenceText('en', chance)).toMatch(/^Accuracy 10\.0% is chance for 10 classes — the learning rate 10 is probably too high/);
    expect(divergenceText('ko', chance)).toMatch(/정확도\(10\.0%\)는 클래스 10개.*학습률\(10\)이/);
    const slow = { code: 'chance-accuracy', values: { accuracy: 0.1, chance: 0.1, classes: 10, learningRate: 0.0001 } } as const;
    expect(divergenceText('en', slow)).toMatch(/did not learn with the learning rate 0\.0001\. Train for more epochs/);
    expect(divergenceText('en', slow)).not.toMatch(/too high/);
    const grew = { code: 'loss-grew', values: { first: 2.302585, last: 912345678.9, learningRate: 10 } } as const;
    expect(divergenceText('en', grew)).toMatch(/from 2\.303 to 912,300,000/);
    const above = { code: 'loss-above-untrained', values: { loss: 14.5, untrained: Math.log(10), learningRate: 0.5 } } as const;
    expect(divergenceText('ko', above)).toMatch(/14\.5.*2\.303.*학습률\(0\.5\)이/);
  });
});
