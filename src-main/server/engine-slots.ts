/**
 * How many engines one server runs at once. Each engine is a Node process of about 165 MB, so
 * every socket starting its own (as before) let one page or local process exhaust the machine.
 * A page holds one slot while its socket is open, and the slot is given back only once its engine
 * process has exited, so closing and reopening sockets cannot pile up dying engines either.
 */
export const MAX_ENGINES = 3;

/** Why a socket gets no engine. */
export type SlotRefusal = 'busy' | 'page-connected';

/**
 * A page's new socket replaces its old one (an engine restart opens a new socket before the old
 * one has closed); the old engine may still be shutting down, so one engine beyond the cap is
 * allowed for that, and no more.
 */
const REPLACING_ALLOWANCE = 1;

/** A held slot: the page leaves when its socket closes; the slot is free once the engine it carries has exited. */
export interface Slot {
  leavePage(): void;
  release(): void;
}

/** Hands out at most `max` engine slots, one per page (by the page id it sends; a socket without one is a page of its own). */
export class EngineSlots {
  private held = 0;
  /** Each connected page and how to end its current socket. */
  private readonly pages = new Map<string, () => void>();

  constructor(readonly max = MAX_ENGINES) {}

  /** Engines running or still shutting down. */
  get inUse(): number {
    return this.held;
  }

  /**
   * Takes a slot for `page`, or says why there is none. A page that already holds a socket gets
   * a new slot and its old socket is ended through the `end` it gave then.
   */
  take(page: string | undefined, end: () => void = () => undefined): Slot | SlotRefusal {
    const previous = page === undefined ? undefined : this.pages.get(page);
    if (this.held >= this.max + (previous ? REPLACING_ALLOWANCE : 0)) return 'busy';
    if (page !== undefined && previous) {
      this.pages.delete(page);
      previous();
    }
    this.held++;
    if (page !== undefined) this.pages.set(page, end);
    let released = false;
    const leavePage = () => {
      // A replaced socket closing later must not take its successor off the list.
      if (page !== undefined && this.pages.get(page) === end) this.pages.delete(page);
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
