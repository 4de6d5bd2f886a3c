import { describe, expect, it } from 'vitest';
import { initialStep, step, syncStep, type StepState } from '../../../src-renderer/learn/stepper';

const at = (index: number, playing = false, key = 'k'): StepState => ({ index, playing, key });

describe('the step-through state machine', () => {
  it('moves within 0 … count − 1', () => {
    expect(step(at(0), { type: 'next' }, 3).index).toBe(1);
    expect(step(at(2), { type: 'next' }, 3).index).toBe(2);
    expect(step(at(0), { type: 'prev' }, 3).index).toBe(0);
    expect(step(at(1), { type: 'last' }, 3).index).toBe(2);
    expect(step(at(2), { type: 'first' }, 3).index).toBe(0);
    expect(step(at(0), { type: 'go', index: 99 }, 3).index).toBe(2);
    expect(step(at(1), { type: 'go', index: -4 }, 3).index).toBe(0);
  });

  it('has nothing to step with no positions', () => {
    expect(step(at(0), { type: 'next' }, 0)).toMatchObject({ index: 0, playing: false });
    expect(step(at(0), { type: 'toggle-play' }, 1).playing).toBe(false);
  });

  it('plays one position per tick and stops on the last one', () => {
    let s = step(at(0), { type: 'toggle-play' }, 3);
    expect(s.playing).toBe(true);
    s = step(s, { type: 'tick' }, 3);
    expect(s).toMatchObject({ index: 1, playing: true });
    s = step(s, { type: 'tick' }, 3);
    expect(s).toMatchObject({ index: 2, playing: false });
    // A tick after stopping changes nothing.
    expect(step(s, { type: 'tick' }, 3)).toBe(s);
  });

  it('Play at the end starts again from the first position; Play while playing pauses', () => {
    expect(step(at(2), { type: 'toggle-play' }, 3)).toMatchObject({ index: 0, playing: true });
    expect(step(at(1, true), { type: 'toggle-play' }, 3)).toMatchObject({ index: 1, playing: false });
  });

  it('a new configuration starts again at the first position and stops Play', () => {
    expect(syncStep(at(2, true, 'old'), 5, 'new')).toEqual(initialStep('new'));
  });

  it('the same configuration with fewer positions clamps the index and keeps the state otherwise', () => {
    const s = at(1);
    expect(syncStep(s, 4, 'k')).toBe(s);
    expect(syncStep(at(7, true), 3, 'k')).toMatchObject({ index: 2, playing: false });
  });
});
