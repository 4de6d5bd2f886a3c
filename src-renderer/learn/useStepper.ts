import { useCallback, useEffect, useRef, useState } from 'react';
import { initialStep, step, syncStep, type StepAction } from './stepper';

export interface Stepper {
  /** The current step, 0 … count − 1 (0 when there is nothing to step). */
  readonly index: number;
  readonly count: number;
  readonly playing: boolean;
  go(index: number): void;
  next(): void;
  prev(): void;
  first(): void;
  last(): void;
  togglePlay(): void;
}

const PLAY_MS = 750;

/**
 * Steps through `count` positions (the rules are in stepper.ts); `resetKey` changing (new input,
 * new settings) starts again at the first one. Play advances every ~¾ s and stops at the end.
 */
export function useStepper(count: number, resetKey: string): Stepper {
  const [raw, setRaw] = useState(() => initialStep(resetKey));
  const state = syncStep(raw, count, resetKey);
  // A new configuration restarts the walk (a reset during render, as React recommends for derived state).
  if (state.key !== raw.key) setRaw(state);

  const live = useRef(count);
  live.current = count;
  const dispatch = useCallback((action: StepAction) => {
    setRaw((s) => {
      const n = live.current;
      return step(syncStep(s, n, s.key), action, n);
    });
  }, []);

  useEffect(() => {
    if (!state.playing) return;
    const timer = setInterval(() => dispatch({ type: 'tick' }), PLAY_MS);
    return () => clearInterval(timer);
  }, [state.playing, dispatch]);

  const go = useCallback((index: number) => dispatch({ type: 'go', index }), [dispatch]);
  const next = useCallback(() => dispatch({ type: 'next' }), [dispatch]);
  const prev = useCallback(() => dispatch({ type: 'prev' }), [dispatch]);
  const first = useCallback(() => dispatch({ type: 'first' }), [dispatch]);
  const last = useCallback(() => dispatch({ type: 'last' }), [dispatch]);
  const togglePlay = useCallback(() => dispatch({ type: 'toggle-play' }), [dispatch]);

  return { index: count > 0 ? state.index : 0, count, playing: state.playing, go, next, prev, first, last, togglePlay };
}
