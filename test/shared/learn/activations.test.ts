import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../../src-shared/layers/params';
import {
  activate,
  activationDerivative,
  erf,
  sampleActivation,
  SELU_ALPHA,
  SELU_SCALE,
  sigmoid,
  softmax,
} from '../../../src-shared/learn/activations';

// Expected values derived by hand from the definitions (TensorFlow.js's formulas).
describe('activation functions', () => {
  it('sigmoid: σ(0) = 1/2 and σ′(0) = σ(0)(1 − σ(0)) = 0.25, its maximum', () => {
    expect(activate('sigmoid', 0)).toBe(0.5);
    expect(activationDerivative('sigmoid', 0)).toBe(0.25);
    const samples = sampleActivation('sigmoid');
    const best = samples.reduce((a, b) => (b.dy > a.dy ? b : a));
    expect(best.x).toBe(0);
    expect(best.dy).toBe(0.25);
    // Both tails go to 0 (the saturation behind the vanishing gradient).
    expect(activationDerivative('sigmoid', 6)).toBeLessThan(0.0025);
    expect(activationDerivative('sigmoid', -6)).toBeLessThan(0.0025);
    // Large |x| neither overflows nor loses the limit.
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
  });

  it('tanh: tanh(x) = 2·sigmoid(2x) − 1, and tanh′(x) = (1 − tanh x)(1 + tanh x) with tanh′(0) = 1', () => {
    for (const x of [-3, -0.5, 0, 0.7, 2]) expect(activate('tanh', x)).toBeCloseTo(2 * sigmoid(2 * x) - 1, 12);
    expect(activationDerivative('tanh', 0)).toBe(1);
  });

  it('relu = max(0, x), derivative 0 for x ≤ 0 and 1 for x > 0; relu6 caps at 6', () => {
    expect(activate('relu', -2)).toBe(0);
    expect(activate('relu', 3)).toBe(3);
    expect(activationDerivative('relu', -1)).toBe(0);
    expect(activationDerivative('relu', 0)).toBe(0);
    expect(activationDerivative('relu', 2)).toBe(1);
    expect(activate('relu6', 8)).toBe(6);
    expect(activationDerivative('relu6', 7)).toBe(0);
    expect(activationDerivative('relu6', 3)).toBe(1);
  });

  it('elu and selu', () => {
    expect(activate('elu', 2)).toBe(2);
    expect(activate('elu', -Math.log(2))).toBeCloseTo(-0.5, 12); // e^−ln2 − 1
    expect(activationDerivative('elu', -Math.log(2))).toBeCloseTo(0.5, 12);
    expect(activate('selu', 1)).toBeCloseTo(1.0507009873554805, 12);
    expect(activate('selu', -50)).toBeCloseTo(-SELU_SCALE * SELU_ALPHA, 12);
  });

  it('hard_sigmoid is clip(0.2x + 0.5, 0, 1)', () => {
    expect(activate('hard_sigmoid', 0)).toBe(0.5);
    expect(activate('hard_sigmoid', 1)).toBeCloseTo(0.7, 12);
    expect(activate('hard_sigmoid', 3)).toBe(1);
    expect(activate('hard_sigmoid', -3)).toBe(0);
    expect(activationDerivative('hard_sigmoid', 0)).toBe(0.2);
    expect(activationDerivative('hard_sigmoid', 3)).toBe(0);
  });

  it('softplus, softsign, swish, mish, gelu at hand-checked points', () => {
    expect(activate('softplus', 0)).toBeCloseTo(Math.LN2, 12);
    expect(activationDerivative('softplus', 0)).toBe(0.5);
    expect(activate('softsign', 1)).toBe(0.5);
    expect(activationDerivative('softsign', 1)).toBe(0.25);
    expect(activate('swish', 0)).toBe(0);
    expect(activationDerivative('swish', 0)).toBe(0.5);
    expect(activate('mish', 0)).toBe(0);
    expect(activationDerivative('mish', 0)).toBeCloseTo(0.6, 12); // tanh(ln 2) = 1.5 / 2.5
    expect(activate('gelu', 0)).toBe(0);
    expect(activationDerivative('gelu', 0)).toBeCloseTo(0.5, 7);
    expect(activate('gelu', 6)).toBeCloseTo(6, 6);
  });

  it('erf matches known values', () => {
    expect(erf(0)).toBeCloseTo(0, 7);
    expect(erf(1)).toBeCloseTo(0.8427007929, 6);
    expect(erf(-1)).toBeCloseTo(-0.8427007929, 6);
  });

  it('softmax of a vector sums to 1; as a scalar it is the 2-class case softmax([x, 0])[0]', () => {
    expect(softmax([0, 0])).toEqual([0.5, 0.5]);
    const p = softmax([Math.log(3), 0]);
    expect(p[0]).toBeCloseTo(0.75, 12);
    expect(p[1]).toBeCloseTo(0.25, 12);
    expect(softmax([1000, 0])[0]).toBe(1);
    for (const x of [-2, 0, 1.5]) expect(activate('softmax', x)).toBeCloseTo(softmax([x, 0])[0]!, 12);
  });

  it('every derivative agrees with a central difference away from kinks', () => {
    const points = [-4.3, -1.7, -0.4, 0.3, 1.1, 3.9];
    for (const name of ACTIVATIONS) {
      for (const x of points) {
        const h = 1e-5;
        const numeric = (activate(name, x + h) - activate(name, x - h)) / (2 * h);
        expect(activationDerivative(name, x), `${name}′(${x})`).toBeCloseTo(numeric, 5);
      }
    }
  });

  it('samples the interval [−6, 6] evenly', () => {
    const s = sampleActivation('linear');
    expect(s).toHaveLength(241);
    expect(s[0]).toEqual({ x: -6, y: -6, dy: 1 });
    expect(s[240]!.x).toBe(6);
    expect(s[120]!.x).toBe(0);
  });
});
