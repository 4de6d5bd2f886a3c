import { create } from 'zustand';

/** The tabs of the Learn lab. */
export type LearnTab = 'conv' | 'pool' | 'activations' | 'explain';

interface LearnState {
  /** The lab covers the window while open. */
  readonly open: boolean;
  readonly tab: LearnTab;
  /** The layer "Explain this layer" shows (node id); null: the selected one. */
  readonly explainNode: string | null;
}

export const useLearnStore = create<LearnState>(() => ({ open: false, tab: 'conv', explainNode: null }));

/** Opens the lab, on a given tab if named; "Explain a layer" then follows the canvas selection. */
export function openLearn(tab?: LearnTab): void {
  useLearnStore.setState(tab ? { open: true, tab, explainNode: null } : { open: true, explainNode: null });
}

/** Opens "Explain this layer" on a Conv2D or pooling node of the project (by node id). */
export function explainLayer(nodeId: string): void {
  useLearnStore.setState({ open: true, tab: 'explain', explainNode: nodeId });
}

export function closeLearn(): void {
  useLearnStore.setState({ open: false });
}

export function setLearnTab(tab: LearnTab): void {
  useLearnStore.setState({ tab });
}

export function setExplainNode(nodeId: string | null): void {
  useLearnStore.setState({ explainNode: nodeId });
}
