import type { AllEventHandler, PositionedEvent, SubscribeAllOptions, Subscription } from '../event-store.port';

const BATCH_SIZE = 500;

export interface AllSubscriptionParams {
  /** Checkpoint: delivery starts strictly after this position. */
  after: number;
  handler: AllEventHandler;
  options: SubscribeAllOptions;
  pollIntervalMs: number;
  /** Reads up to maxCount events after a position, in position order. */
  read: (after: number, maxCount: number) => PositionedEvent[];
  /** Called once the loop has ended, whatever the reason. */
  onEnd: () => void;
}

/**
 * Catch-up then live delivery over a store that can be read by position. One loop reads from
 * the checkpoint and awaits the handler for each event in turn; when it runs out of events it
 * sleeps until notified (an append in this process) or until the poll interval has passed
 * (an append by another process). The checkpoint only moves after the handler has returned, so
 * nothing is delivered twice or skipped.
 */
export class AllSubscription implements Subscription {
  private checkpoint: number;
  private stopped = false;
  /** Set by notify(); cleared before each read, so a notification during delivery is not lost. */
  private pending = false;
  private wake: (() => void) | null = null;
  private failure: { error: unknown } | null = null;
  private done: Promise<void> = Promise.resolve();

  constructor(private readonly params: AllSubscriptionParams) {
    this.checkpoint = params.after;
  }

  start(): void {
    // run() handles its own errors; this only guards against an onError that throws.
    this.done = this.run().catch((error: unknown) => {
      this.failure = { error };
    });
  }

  /** Something was appended: look again now rather than at the next poll. */
  notify(): void {
    this.pending = true;
    this.wake?.();
  }

  /**
   * Resolves once the handler in progress (if any) has returned; no handler runs afterwards.
   * Do not await it from inside the handler: it waits for that very handler. Without an
   * onError option, a handler failure is thrown from here.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.done;
    if (this.failure && !this.params.options.onError) throw this.failure.error;
  }

  private async run(): Promise<void> {
    const { handler, options, read } = this.params;
    // Never call the handler synchronously from subscribeAll().
    await Promise.resolve();
    let caughtUp = false;
    try {
      while (!this.stopped) {
        this.pending = false;
        const batch = read(this.checkpoint, BATCH_SIZE);
        for (const event of batch) {
          if (this.stopped) return;
          await handler(event);
          this.checkpoint = event.position;
        }
        if (batch.length === BATCH_SIZE) {
          // Let timers and I/O run between batches: a long catch-up must not starve the process.
          await new Promise((resolve) => setImmediate(resolve));
          continue;
        }
        if (!caughtUp) {
          caughtUp = true;
          options.onCaughtUp?.();
        }
        if (!this.pending && !this.stopped) await this.sleep();
      }
    } catch (error) {
      this.stopped = true;
      this.failure = { error };
      options.onError?.(error);
    } finally {
      this.params.onEnd();
    }
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake?.(), this.params.pollIntervalMs);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }
}
