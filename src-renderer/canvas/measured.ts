import { create } from 'zustand';
import type { Size } from './flow-model';

/**
 * Node sizes as the canvas measured them. They are view state, not project data: they feed
 * React Flow (which needs them on controlled nodes), layout and the PNG export.
 */
interface MeasuredState {
  readonly sizes: ReadonlyMap<string, Size>;
  update(changes: ReadonlyMap<string, Size>): void;
}

export const useMeasuredStore = create<MeasuredState>((set, get) => ({
  sizes: new Map(),
  update(changes) {
    const sizes = new Map(get().sizes);
    let changed = false;
    for (const [id, size] of changes) {
      const prev = sizes.get(id);
      if (prev?.width === size.width && prev?.height === size.height) continue;
      sizes.set(id, size);
      changed = true;
    }
    if (changed) set({ sizes });
  },
}));

/** Measured heights, for layout. */
export function measuredHeights(): ReadonlyMap<string, number> {
  return new Map([...useMeasuredStore.getState().sizes].map(([id, s]) => [id, s.height]));
}
