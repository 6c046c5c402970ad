import type {
  AllEventHandler,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  PositionedEvent,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeAllOptions,
  Subscription,
} from '@mc/event-store/event-store.port';
import { StreamNotFoundError, WrongExpectedRevisionError } from '@mc/event-store/event-store.port';

/**
 * Test fake of the EventStore port: one global log in memory, catch-up then live subscriptions
 * delivering one event at a time, in order. Hashes are dummy strings.
 */
export class InMemoryEventStore implements EventStore {
  private readonly log: PositionedEvent[] = [];
  private readonly listeners = new Set<() => void>();
  /** Counts readAll calls, to check that catch-up reads in batches. */
  readAllCalls = 0;

  constructor(private readonly now: () => string = () => new Date().toISOString()) {}

  /** Adds ready-made records (e.g. the seed story) to the log, as if appended one by one. */
  load(records: StoredEvent[]): number {
    for (const record of records) this.log.push({ position: this.log.length + 1, record });
    this.notify();
    return this.log.length;
  }

  async append(streamId: string, events: EventToAppend[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    const stream = this.log.filter((e) => e.record.streamId === streamId).map((e) => e.record);
    const actual = stream.length - 1;
    const ok = expectedRevision === 'any' || (expectedRevision === 'no_stream' ? actual === -1 : expectedRevision === actual);
    if (!ok) throw new WrongExpectedRevisionError(streamId, expectedRevision, actual);
    const records: StoredEvent[] = [];
    let prevHash = stream[stream.length - 1]?.hash ?? '0'.repeat(64);
    for (const event of events) {
      const revision = actual + 1 + records.length;
      const hash = `${streamId}#${revision}`;
      const record: StoredEvent = {
        streamId,
        revision,
        eventId: event.eventId,
        type: event.type,
        data: event.data,
        metadata: { ...event.metadata, recordedAt: this.now() },
        prevHash,
        hash,
      };
      prevHash = hash;
      records.push(record);
    }
    const position = this.load(records);
    return { records, nextExpectedRevision: actual + records.length, position };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    let stream = this.log.filter((e) => e.record.streamId === streamId).map((e) => e.record);
    if (stream.length === 0) throw new StreamNotFoundError(streamId);
    if (options.direction === 'backwards') {
      stream = stream.reverse().filter((r) => options.fromRevision === undefined || r.revision <= options.fromRevision);
    } else {
      stream = stream.filter((r) => options.fromRevision === undefined || r.revision >= options.fromRevision);
    }
    return stream.slice(0, options.maxCount ?? stream.length);
  }

  async streamRevision(streamId: string): Promise<number | null> {
    const stream = this.log.filter((e) => e.record.streamId === streamId);
    return stream.length > 0 ? stream[stream.length - 1].record.revision : null;
  }

  async readAll(options: ReadAllOptions = {}): Promise<PositionedEvent[]> {
    this.readAllCalls += 1;
    const after = options.after ?? 0;
    return this.log.slice(after, options.maxCount === undefined ? undefined : after + options.maxCount);
  }

  subscribeAll(after: number, handler: AllEventHandler, options: SubscribeAllOptions = {}): Subscription {
    let next = after; // position of the last delivered event
    let stopped = false;
    let pumping = false;
    let caughtUp = false;
    const pump = async (): Promise<void> => {
      if (pumping || stopped) return;
      pumping = true;
      try {
        while (!stopped && next < this.log.length) {
          const event = this.log[next]!;
          await handler(event);
          next = event.position;
        }
        if (!caughtUp && !stopped) {
          caughtUp = true;
          options.onCaughtUp?.();
        }
      } catch (error) {
        stopped = true;
        this.listeners.delete(listener);
        options.onError?.(error);
      } finally {
        pumping = false;
      }
    };
    const listener = (): void => void pump();
    this.listeners.add(listener);
    queueMicrotask(listener);
    return {
      stop: async () => {
        stopped = true;
        this.listeners.delete(listener);
      },
    };
  }

  async headPosition(): Promise<number> {
    return this.log.length;
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) queueMicrotask(listener);
  }
}
