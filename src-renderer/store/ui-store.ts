import { create } from 'zustand';

/** One line of a formula popover: an optional label ("height") and the filled-in formula. */
export interface FormulaLine {
  readonly label?: string;
  readonly formula: string;
}

export interface FormulaPopover {
  /** Screen position of the anchor's bottom-left corner. */
  readonly x: number;
  readonly y: number;
  readonly title: string;
  readonly value: string;
  readonly lines: readonly FormulaLine[];
  readonly note?: string;
}

export interface Toast {
  readonly id: number;
  readonly tone: 'info' | 'success' | 'error';
  readonly title: string;
  readonly body?: string;
}

export interface ConfirmRequest {
  readonly title: string;
  readonly body: string;
  readonly confirm: string;
  readonly cancel: string;
  readonly danger?: boolean;
  readonly resolve: (ok: boolean) => void;
}

interface UiState {
  readonly summaryOpen: boolean;
  readonly popover: FormulaPopover | null;
  readonly toasts: readonly Toast[];
  readonly dialog: ConfirmRequest | null;
  /**
   * Asks the canvas to fit the view (`seq` is bumped per request); every fit keeps the text
   * legible and shows a tall network from its top rather than shrinking it (canvas/fit.ts).
   */
  readonly fitRequest: { readonly seq: number };
  setSummaryOpen(open: boolean): void;
  showFormula(anchor: DOMRect, content: Omit<FormulaPopover, 'x' | 'y'>): void;
  closeFormula(): void;
  notify(tone: Toast['tone'], title: string, body?: string): void;
  dismiss(id: number): void;
  confirm(request: Omit<ConfirmRequest, 'resolve'>): Promise<boolean>;
  requestFit(): void;
}

let toastId = 0;

export const useUiStore = create<UiState>((set, get) => ({
  summaryOpen: true,
  popover: null,
  toasts: [],
  dialog: null,
  fitRequest: { seq: 0 },
  setSummaryOpen(open) {
    set({ summaryOpen: open });
  },
  showFormula(anchor, content) {
    set({ popover: { ...content, x: anchor.left, y: anchor.bottom } });
  },
  closeFormula() {
    if (get().popover) set({ popover: null });
  },
  notify(tone, title, body) {
    const id = ++toastId;
    set({ toasts: [...get().toasts.slice(-3), { id, tone, title, ...(body !== undefined ? { body } : {}) }] });
    setTimeout(() => get().dismiss(id), tone === 'error' ? 9000 : 3500);
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
  confirm(request) {
    get().dialog?.resolve(false);
    return new Promise<boolean>((resolve) => {
      set({
        dialog: {
          ...request,
          resolve: (ok) => {
            set({ dialog: null });
            resolve(ok);
          },
        },
      });
    });
  },
  requestFit() {
    set({ fitRequest: { seq: get().fitRequest.seq + 1 } });
  },
}));
