/**
 * The step-through as a pure state machine: which output position is shown and whether Play is
 * running. The hook (useStepper.ts) only keeps this state and drives the Play timer.
 */

export interface StepState {
  /** The current position, 0 … count − 1 (0 when there is nothing to step). */
  readonly index: number;
  readonly playing: boolean;
  /** The configuration the walk belongs to: a new one starts again at the first position. */
  readonly key: string;
}

export type StepAction =
  { readonly type: 'go'; readonly index: number } | { readonly type: 'next' | 'prev' | 'first' | 'last' | 'toggle-play' | 'tick' };

/** A walk over `key` at its first position, not playing. */
export function initialStep(key: string): StepState {
  return { index: 0, playing: false, key };
}

function clamp(index: number, count: number): number {
  return Math.max(0, Math.min(index, count - 1));
}

/** The state for this configuration: a new key restarts (and stops Play); fewer positions clamp the index. */
export function syncStep(state: StepState, count: number, key: string): StepState {
  if (state.key !== key) return initialStep(key);
  const index = clamp(state.index, count);
  const playing = state.playing && index < count - 1;
  return index === state.index && playing === state.playing ? state : { ...state, index, playing };
}

/** The next state after one action, over `count` positions. Play stops on the last position. */
export function step(state: StepState, action: StepAction, count: number): StepState {
  const last = Math.max(0, count - 1);
  const to = (index: number, playing = state.playing): StepState => {
    const i = clamp(index, count);
    return { ...state, index: i, playing: playing && i < last };
  };
  switch (action.type) {
    case 'go':
      return to(action.index);
    case 'next':
      return to(state.index + 1);
    case 'prev':
      return to(state.index - 1);
    case 'first':
      return to(0);
    case 'last':
      return to(last);
    case 'tick':
      return state.playing ? to(state.index + 1) : state;
    case 'toggle-play':
      if (state.playing) return { ...state, playing: false };
      if (count <= 1) return state;
      // Play from the end starts again at the beginning.
      return { ...state, index: state.index >= last ? 0 : state.index, playing: true };
  }
}
