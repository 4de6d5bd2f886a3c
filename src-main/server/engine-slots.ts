/**
 * How many engines one server runs at once. Each engine is a Node process of about 165 MB, so
 * every socket starting its own (as before) let one page or local process exhaust the machine.
 * A page holds one slot while its socket is open, and the slot is given back only once its engine
 * process has exited, so closing and reopening sockets cannot pile up dying engines either.
 */
export const MAX_ENGINES = 3;

/** Why a socket gets no engine. */
export type SlotRefusal = 'busy' | 'page-connected';

/** A held slot: the page leaves when its socket closes; the slot is free once the engine it carries has exited. */
export interface Slot {
  leavePage(): void;
  release(): void;
}

/** Hands out at most `max` engine slots, one per page (by the page id it sends; a socket without one is a page of its own). */
export class EngineSlots {
  private held = 0;
  private readonly pages = new Set<string>();

  constructor(readonly max = MAX_ENGINES) {}

  /** Engines running or still shutting down. */
  get inUse(): number {
    return this.held;
  }

  /** Takes a slot for `page`, or says why there is none. */
  take(page: string | undefined): Slot | SlotRefusal {
    if (page !== undefined && this.pages.has(page)) return 'page-connected';
    if (this.held >= this.max) return 'busy';
    this.held++;
    if (page !== undefined) this.pages.add(page);
    let released = false;
    const leavePage = () => {
      if (page !== undefined) this.pages.delete(page);
    };
    return {
      leavePage,
      release: () => {
        if (released) return;
        released = true;
        this.held--;
        leavePage();
      },
    };
  }
}
