import { create } from 'zustand';
import { DEFAULT_1D, DEFAULT_2D, DEFAULT_POOL, type Conv1dSettings, type Conv2dSettings, type PoolSettings } from './lab-settings';

/** What the user set in the labs; kept while the lab is closed so reopening it shows the same. */
interface LabState {
  readonly mode: '1d' | '2d';
  readonly conv1d: Conv1dSettings;
  readonly conv2d: Conv2dSettings;
  readonly pool: PoolSettings;
}

export const useLabStore = create<LabState>(() => ({ mode: '1d', conv1d: DEFAULT_1D, conv2d: DEFAULT_2D, pool: DEFAULT_POOL }));

export function setMode(mode: '1d' | '2d'): void {
  useLabStore.setState({ mode });
}

export function set1d(patch: Partial<Conv1dSettings>): void {
  useLabStore.setState((s) => ({ conv1d: { ...s.conv1d, ...patch } }));
}

/** Changes the 2-D settings; any edit makes the preset "custom". */
export function set2d(patch: Partial<Conv2dSettings>): void {
  useLabStore.setState((s) => ({ conv2d: { ...s.conv2d, preset: 'custom', ...patch } }));
}

export function setPool(patch: Partial<PoolSettings>): void {
  useLabStore.setState((s) => ({ pool: { ...s.pool, preset: 'custom', ...patch } }));
}
