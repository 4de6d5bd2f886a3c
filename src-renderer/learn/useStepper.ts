import { useCallback, useEffect, useRef, useState } from 'react';

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
 * Steps through `count` positions; `resetKey` changing (new input, new settings) starts again at
 * the first one. Play advances every ~¾ s and stops at the end.
 */
export function useStepper(count: number, resetKey: string): Stepper {
  const [state, setState] = useState({ index: 0, key: resetKey });
  const [playing, setPlaying] = useState(false);

  // A new configuration restarts the walk (a reset during render, as React recommends for derived state).
  if (state.key !== resetKey) setState({ index: 0, key: resetKey });
  const raw = state.key !== resetKey ? 0 : state.index;
  const index = Math.max(0, Math.min(raw, count - 1));

  const live = useRef({ index, count, playing });
  live.current = { index, count, playing };

  const go = useCallback((i: number) => {
    const n = live.current.count;
    setState((s) => ({ ...s, index: Math.max(0, Math.min(i, n - 1)) }));
  }, []);
  const next = useCallback(() => go(live.current.index + 1), [go]);
  const prev = useCallback(() => go(live.current.index - 1), [go]);
  const first = useCallback(() => go(0), [go]);
  const last = useCallback(() => go(live.current.count - 1), [go]);

  const togglePlay = useCallback(() => {
    const { playing: p, index: i, count: n } = live.current;
    if (p) {
      setPlaying(false);
      return;
    }
    if (n <= 1) return;
    if (i >= n - 1) go(0);
    setPlaying(true);
  }, [go]);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => go(live.current.index + 1), PLAY_MS);
    return () => clearInterval(timer);
  }, [playing, go]);

  // Playing stops on the last position.
  useEffect(() => {
    if (playing && index >= count - 1) setPlaying(false);
  }, [playing, index, count]);

  // New settings stop the animation.
  useEffect(() => setPlaying(false), [resetKey]);

  return { index: count > 0 ? index : 0, count, playing, go, next, prev, first, last, togglePlay };
}
