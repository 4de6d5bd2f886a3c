import type { EngineEventOf } from '../../src-shared/engine/protocol';
import type { BatchPoint } from './training-store';

type BatchEvent = EngineEventOf<'batch'>;

/**
 * The batch points of one run and the latest batch not yet shown. Batch events arrive up to ten
 * times a second; showing them at most every `intervalMs` keeps React's renders of the charts
 * to a few a second. Lives as long as its run: `dispose` stops its timer.
 */
export class BatchBuffer {
  private readonly points: BatchPoint[] = [];
  private pending: BatchEvent | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly show: (latest: BatchEvent, points: readonly BatchPoint[]) => void,
    private readonly intervalMs: number,
  ) {}

  /** Records a batch; it is shown with the next flush (at most `intervalMs` later). */
  add(event: BatchEvent): void {
    this.points.push({
      step: (event.epoch - 1) * event.batchesPerEpoch + event.batch,
      epoch: event.epoch,
      loss: event.loss,
      accuracy: event.accuracy,
    });
    this.pending = event;
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  /** Shows the latest batch now, if one is waiting. */
  flush(): void {
    this.stopTimer();
    const latest = this.pending;
    if (!latest) return;
    this.pending = null;
    this.show(latest, this.points);
  }

  /** Forgets what is waiting and stops the timer: the run is over or replaced. */
  dispose(): void {
    this.stopTimer();
    this.pending = null;
  }

  private stopTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
