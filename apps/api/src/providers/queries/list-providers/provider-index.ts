import { PROVIDER_STREAM_PREFIX } from '@mc/domain/provider/provider';
import type { EventStore } from '@mc/event-store/event-store.port';

/** Events read per readAll page while catching up. */
export const PROVIDER_INDEX_PAGE = 1000;

/**
 * The ids of the provider streams, found by reading the global log (`readAll`) in pages.
 *
 * Why not a read model: there are a handful of providers, written by admins, and the event
 * store port has no "list streams". Why not a full scan on every request: the log grows with
 * every case entry. So this keeps a checkpoint and only reads what was stored since the last
 * request (the first request after a start reads the log once). It reads the store, not a
 * bus, so events written by another process (the CLI) are seen too. A provider stream is
 * found by its first event (revision 0, ProviderRegistered).
 */
export class ProviderIndex {
  private after = 0;
  private readonly ids: string[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly pageSize = PROVIDER_INDEX_PAGE) {}

  /** Every provider id, in registration order, up to what the store holds now. */
  async providerIds(store: EventStore): Promise<string[]> {
    // One catch-up at a time: concurrent requests wait for the one running, then read on from it.
    const run = this.queue.then(() => this.catchUp(store));
    this.queue = run.catch(() => undefined);
    await run;
    return [...this.ids];
  }

  private async catchUp(store: EventStore): Promise<void> {
    for (;;) {
      const page = await store.readAll({ after: this.after, maxCount: this.pageSize });
      for (const { position, record } of page) {
        if (record.revision === 0 && record.streamId.startsWith(PROVIDER_STREAM_PREFIX)) this.ids.push(record.streamId.slice(PROVIDER_STREAM_PREFIX.length));
        this.after = position;
      }
      if (page.length < this.pageSize) return;
    }
  }
}
