import { BACKWARDS, END, EventStoreDBClient, FORWARDS, START, excludeSystemEvents } from '@eventstore/db-client';
import type { AllStreamResolvedEvent, Position, RecordedEvent } from '@eventstore/db-client';
import type { Clock } from '@mc/domain';
import {
  ANY_REVISION,
  NO_STREAM,
  StoreUnavailableError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
  type AllEventHandler,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type PositionedEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type SubscribeAllOptions,
  type Subscription,
} from '../event-store.port';
import { DuplicateEventIdError } from '../errors';
import { sealEvents, type ChainHead } from '../hash-chain';
import { checkSealedBatch, type SealedImporter } from '../sealed-import';
import type { EsdbClient } from './esdb-client';
import {
  comparePositions,
  esdbErrorType,
  fromRecordedEvent,
  isJournalEvent,
  isTransientEsdbError,
  mapEsdbError,
  positionOf,
  revisionMatches,
  toEsdbEvent,
  toEsdbExpectedRevision,
  toEsdbReadStreamOptions,
  actualRevisionOf,
} from './esdb-mapping';
import { PositionIndex } from './position-index';

export interface EsdbEventStoreOptions {
  client: EsdbClient;
  /** Stamps recordedAt (the service's clock, as for the embedded store). */
  clock: Clock;
  /** Local SQLite file of this service instance holding the position index (position-index.ts). */
  positionIndexFile: string;
  /** How many times an ANY_REVISION append re-reads and re-seals after losing a race. Default 50. */
  maxAnyRevisionAttempts?: number;
  /** First delay before a live subscription reconnects after the cluster went away. Default 500 ms, doubling up to 30 s. */
  reconnectDelayMs?: number;
}

const PAGE = 500;

interface Head extends ChainHead {
  eventId: string;
}

/**
 * The EventStore port over an EventStoreDB cluster (@eventstore/db-client).
 *
 * Appending: the stream's last event is read (backwards, one event) for its hash and recordedAt,
 * the new events are sealed after it, and appended with that exact revision as the expected
 * revision. A concurrent writer therefore makes the server refuse the append
 * (WrongExpectedVersionError) rather than fork the chain: for a numeric or NO_STREAM expectation
 * that is the port's WrongExpectedRevisionError; for ANY_REVISION the adapter reads and seals
 * again. Appends to one stream from this process are queued one after the other, so they only
 * race with other instances.
 *
 * Idempotency: the EventStoreDB event id is the event's own eventId. A retried append (same
 * events, same expected revision) whose first attempt did reach the server finds the stream
 * already past the expected revision: the adapter then reads the events after the expected
 * revision and, when their ids are the ones sent, answers with them as stored, as the embedded
 * store does. Should two attempts race at the server itself, the server deduplicates them by
 * event id for a specific expected revision (its documented idempotence), and the adapter reads
 * back what the server kept, so the answer is always the stored records.
 */
export class EsdbEventStore implements EventStore, SealedImporter {
  private readonly client: EsdbClient;
  private readonly clock: Clock;
  private readonly index: PositionIndex;
  private readonly maxAnyAttempts: number;
  private readonly reconnectDelayMs: number;
  private readonly streamQueues = new Map<string, Promise<unknown>>();
  private readonly subscriptions = new Set<EsdbAllSubscription>();
  private closed = false;

  constructor(options: EsdbEventStoreOptions) {
    this.client = options.client;
    this.clock = options.clock;
    this.index = new PositionIndex(options.positionIndexFile);
    this.maxAnyAttempts = options.maxAnyRevisionAttempts ?? 50;
    this.reconnectDelayMs = options.reconnectDelayMs ?? 500;
  }

  /**
   * Connects with a connection string (`esdb://node1:2113,node2:2113?tls=false`) and checks that
   * the cluster answers within `timeoutMs`; throws StoreUnavailableError otherwise.
   */
  static async connect(options: Omit<EsdbEventStoreOptions, 'client'> & { connectionString: string; timeoutMs?: number }): Promise<EsdbEventStore> {
    const client = EventStoreDBClient.connectionString(options.connectionString);
    try {
      await probe(client, options.timeoutMs ?? 5000);
    } catch (error) {
      await client.dispose().catch(() => undefined);
      throw new StoreUnavailableError(`EventStoreDB at ${options.connectionString} does not answer: ${(error as Error)?.message ?? String(error)}`, error);
    }
    return new EsdbEventStore({ ...options, client });
  }

  async append(streamId: string, events: EventToAppend[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    this.ensureOpen();
    if (typeof streamId !== 'string' || streamId.length === 0) throw new Error('streamId must be a non-empty string');
    if (!Array.isArray(events) || events.length === 0) throw new Error(`Stream ${streamId}: nothing to append`);
    checkExpectedRevision(expectedRevision);
    return this.queued(streamId, () => this.appendQueued(streamId, events, expectedRevision));
  }

  private async appendQueued(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    for (let attempt = 1; ; attempt++) {
      const head = await this.readHead(streamId);
      const actual = head ? head.revision : -1;
      if (!revisionMatches(expected, actual) || (expected === ANY_REVISION && head?.eventId === events[events.length - 1].eventId)) {
        const retried = await this.findRetry(streamId, events, expected, head);
        if (retried) return retried;
        // ANY_REVISION only gets here when the stream already ends with one of these events.
        if (expected === ANY_REVISION) throw new DuplicateEventIdError(streamId, events[events.length - 1].eventId);
        throw new WrongExpectedRevisionError(streamId, expected, actual);
      }
      const sealed = sealEvents(streamId, head, events, this.clock.now());
      try {
        await this.client.appendToStream(streamId, sealed.map(toEsdbEvent), { expectedRevision: toEsdbExpectedRevision(head) });
      } catch (error) {
        if (esdbErrorType(error) !== 'wrong-expected-version') throw mapEsdbError(error, { streamId, expected });
        // Another instance appended between our read and our write.
        if (expected === ANY_REVISION && attempt < this.maxAnyAttempts) continue;
        const retried = await this.findRetry(streamId, events, expected, null);
        if (retried) return retried;
        throw new WrongExpectedRevisionError(streamId, expected, actualRevisionOf(error));
      }
      return this.readBack(streamId, sealed[0].revision, sealed.length);
    }
  }

  /** The append already happened (a retry): the stored events, or null. */
  private async findRetry(streamId: string, events: EventToAppend[], expected: ExpectedRevision, head: Head | null): Promise<AppendResult | null> {
    let start: number;
    if (expected === NO_STREAM) start = 0;
    else if (expected === ANY_REVISION) {
      if (!head) return null;
      start = head.revision - events.length + 1;
    } else start = expected + 1;
    if (start < 0) return null;
    let stored: RecordedEvent[];
    try {
      stored = await this.readRecorded(streamId, { direction: 'forwards', fromRevision: start, maxCount: events.length });
    } catch {
      return null;
    }
    if (stored.length !== events.length || stored.some((e, i) => e.id !== events[i].eventId)) return null;
    return this.toAppendResult(stored);
  }

  /** Writes records sealed elsewhere (migration, import) verbatim, after checking they continue the stream. */
  async appendSealed(streamId: string, records: StoredEvent[]): Promise<AppendResult> {
    this.ensureOpen();
    return this.queued(streamId, async () => {
      const head = await this.readHead(streamId);
      checkSealedBatch(streamId, head, records);
      try {
        await this.client.appendToStream(streamId, records.map(toEsdbEvent), { expectedRevision: toEsdbExpectedRevision(head) });
      } catch (error) {
        throw mapEsdbError(error, { streamId, expected: head ? head.revision : NO_STREAM });
      }
      const result = await this.readBack(streamId, records[0].revision, records.length);
      if (result.records.some((r, i) => r.hash !== records[i].hash)) {
        throw new Error(`Stream ${streamId}: the server kept other events than the ones imported at revision ${records[0].revision}`);
      }
      return result;
    });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.ensureOpen();
    if (options.fromRevision !== undefined) checkCount(options.fromRevision, 'fromRevision');
    if (options.maxCount !== undefined) checkCount(options.maxCount, 'maxCount');
    if (options.maxCount === 0) {
      await this.readRecorded(streamId, { ...options, maxCount: 1 });
      return [];
    }
    return (await this.readRecorded(streamId, options)).map(fromRecordedEvent);
  }

  async streamRevision(streamId: string): Promise<number | null> {
    try {
      const [last] = await this.readStream(streamId, { direction: 'backwards', maxCount: 1 });
      return last ? last.revision : null;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return null;
      throw error;
    }
  }

  async readAll(options: ReadAllOptions = {}): Promise<PositionedEvent[]> {
    this.ensureOpen();
    const after = options.after ?? 0;
    checkCount(after, 'after');
    if (options.maxCount !== undefined) checkCount(options.maxCount, 'maxCount');
    const limit = options.maxCount ?? Number.POSITIVE_INFINITY;
    if (limit === 0) return [];
    return this.scanAll(after, limit);
  }

  subscribeAll(after: number, handler: AllEventHandler, options: SubscribeAllOptions = {}): Subscription {
    this.ensureOpen();
    checkCount(after, 'after');
    const subscription = new EsdbAllSubscription({
      after,
      handler,
      options,
      reconnectDelayMs: this.reconnectDelayMs,
      scan: (checkpoint, limit) => this.scanAll(checkpoint, limit),
      resumeFrom: (checkpoint) => this.esdbPositionOf(checkpoint),
      subscribe: (from) => this.client.subscribeToAll({ fromPosition: from, filter: excludeSystemEvents() }),
      number: (ordinal, event) => this.index.record(ordinal, positionOf(event), event.id),
      onEnd: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    subscription.start();
    return subscription;
  }

  async headPosition(): Promise<number> {
    this.ensureOpen();
    let last: RecordedEvent | undefined;
    await this.iterate(this.client.readAll({ direction: BACKWARDS, fromPosition: END }), (resolved) => {
      if (!isJournalEvent(resolved.event)) return true;
      last = resolved.event;
      return false;
    });
    if (!last) return 0;
    return this.ordinalOf(positionOf(last));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await Promise.allSettled([...this.streamQueues.values()]);
    await Promise.all([...this.subscriptions].map((s) => s.stop().catch(() => undefined)));
    this.closed = true;
    await this.client.dispose().catch(() => undefined);
    this.index.close();
  }

  /** Runs `work` after the previous work queued for the same stream. */
  private queued<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.streamQueues.get(streamId) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.streamQueues.set(streamId, settled);
    void settled.then(() => {
      if (this.streamQueues.get(streamId) === settled) this.streamQueues.delete(streamId);
    });
    return next;
  }

  private async readHead(streamId: string): Promise<Head | null> {
    try {
      const [last] = await this.readRecorded(streamId, { direction: 'backwards', maxCount: 1 });
      if (!last) return null;
      const record = fromRecordedEvent(last);
      return { revision: record.revision, hash: record.hash, recordedAt: record.metadata.recordedAt, eventId: record.eventId };
    } catch (error) {
      if (esdbErrorType(error) === 'stream-not-found' || (error as { code?: unknown })?.code === 'STREAM_NOT_FOUND') return null;
      throw error;
    }
  }

  private async readRecorded(streamId: string, options: ReadStreamOptions): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, toEsdbReadStreamOptions(options))) {
        if (resolved.event) events.push(resolved.event);
      }
    } catch (error) {
      throw mapEsdbError(error, { streamId });
    }
    return events;
  }

  private async readBack(streamId: string, fromRevision: number, count: number): Promise<AppendResult> {
    const stored = await this.readRecorded(streamId, { direction: 'forwards', fromRevision, maxCount: count });
    if (stored.length !== count) throw new Error(`Stream ${streamId}: ${count} events appended from revision ${fromRevision}, ${stored.length} read back`);
    return this.toAppendResult(stored);
  }

  private async toAppendResult(stored: RecordedEvent[]): Promise<AppendResult> {
    const records = stored.map(fromRecordedEvent);
    const position = await this.ordinalOf(positionOf(stored[stored.length - 1]));
    return { records, nextExpectedRevision: records[records.length - 1].revision, position };
  }

  /**
   * Journal events after the ordinal `after`, numbered on from it, at most `limit` of them.
   * $all is read forwards from the position remembered for `after` (START for 0).
   */
  private async scanAll(after: number, limit: number): Promise<PositionedEvent[]> {
    const from = after === 0 ? null : await this.esdbPositionOf(after);
    if (after > 0 && from === null) return []; // beyond the last event
    const found: PositionedEvent[] = [];
    let ordinal = after;
    await this.iterate(this.client.readAll({ direction: FORWARDS, fromPosition: from ?? START }), (resolved) => {
      const event = resolved.event;
      if (!isJournalEvent(event)) return true;
      const position = positionOf(event);
      if (from && comparePositions(position, from) <= 0) return true; // the read starts at `after` itself
      ordinal += 1;
      this.index.record(ordinal, position, event.id);
      found.push({ position: ordinal, record: fromRecordedEvent(event) });
      return found.length < limit;
    });
    return found;
  }

  /** The EventStoreDB position of an ordinal, numbering $all up to it if this instance has not yet. */
  private async esdbPositionOf(ordinal: number): Promise<Position | null> {
    if (ordinal === 0) return null;
    const known = this.index.esdbPositionOf(ordinal);
    if (known) return known;
    await this.catchUpIndex();
    return this.index.esdbPositionOf(ordinal);
  }

  private async ordinalOf(position: Position): Promise<number> {
    const known = this.index.ordinalOf(position);
    if (known !== null) return known;
    await this.catchUpIndex();
    const numbered = this.index.ordinalOf(position);
    if (numbered === null) throw new Error(`No journal event at $all position ${position.commit}/${position.prepare}`);
    return numbered;
  }

  private indexing: Promise<void> | null = null;

  /** Numbers every journal event of $all after the last one this instance knows. One at a time. */
  private catchUpIndex(): Promise<void> {
    this.indexing ??= (async () => {
      try {
        const last = this.index.last();
        let ordinal = last?.ordinal ?? 0;
        await this.iterate(this.client.readAll({ direction: FORWARDS, fromPosition: last?.position ?? START }), (resolved) => {
          const event = resolved.event;
          if (!isJournalEvent(event)) return true;
          const position = positionOf(event);
          if (last && comparePositions(position, last.position) <= 0) return true;
          ordinal += 1;
          this.index.record(ordinal, position, event.id);
          return true;
        });
      } finally {
        this.indexing = null;
      }
    })();
    return this.indexing;
  }

  /** Iterates a read while `visit` answers true; client errors become the port's. */
  private async iterate(read: AsyncIterable<AllStreamResolvedEvent>, visit: (event: AllStreamResolvedEvent) => boolean): Promise<void> {
    try {
      for await (const resolved of read) {
        if (!visit(resolved)) break;
      }
    } catch (error) {
      throw mapEsdbError(error);
    }
  }

  private ensureOpen(): void {
    if (this.closed) throw new StoreUnavailableError('The event store is closed');
  }
}

async function probe(client: EsdbClient, timeoutMs: number): Promise<void> {
  const read = client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, deadline: timeoutMs });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([
      (async () => {
        for await (const _ of read) break;
      })(),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function checkExpectedRevision(expected: ExpectedRevision): void {
  if (expected === NO_STREAM || expected === ANY_REVISION) return;
  if (!Number.isSafeInteger(expected) || expected < 0) {
    throw new Error(`Invalid expected revision ${String(expected)}: use NO_STREAM, ANY_REVISION or a revision >= 0`);
  }
}

function checkCount(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be an integer >= 0, got ${String(value)}`);
}

interface EsdbAllSubscriptionParams {
  after: number;
  handler: AllEventHandler;
  options: SubscribeAllOptions;
  reconnectDelayMs: number;
  scan: (after: number, limit: number) => Promise<PositionedEvent[]>;
  resumeFrom: (ordinal: number) => Promise<Position | null>;
  subscribe: (from: Position | typeof START) => AsyncIterable<AllStreamResolvedEvent> & { unsubscribe(): Promise<void> };
  number: (ordinal: number, event: RecordedEvent) => void;
  onEnd: () => void;
}

/** A failure of the projection's handler, as opposed to one of the cluster. */
class HandlerFailure {
  constructor(readonly error: unknown) {}
}

/**
 * Catch-up then live delivery over EventStoreDB. Catching up reads $all by pages from the
 * checkpoint; once a page comes back short it reports onCaughtUp and follows with
 * `subscribeToAll` from the last delivered position. If the cluster goes away (unavailable,
 * deadline, leader change) it subscribes again from the last delivered position after a delay
 * that doubles up to 30 s: nothing is delivered twice or skipped. A handler failure, or any other
 * error, stops it and goes to onError.
 */
class EsdbAllSubscription implements Subscription {
  private checkpoint: number;
  private stopped = false;
  private live: { unsubscribe(): Promise<void> } | null = null;
  private wake: (() => void) | null = null;
  private failure: { error: unknown } | null = null;
  private done: Promise<void> = Promise.resolve();

  constructor(private readonly params: EsdbAllSubscriptionParams) {
    this.checkpoint = params.after;
  }

  start(): void {
    this.done = this.run().catch((error: unknown) => {
      this.failure = { error };
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.live?.unsubscribe().catch(() => undefined);
    await this.done;
    if (this.failure && !this.params.options.onError) throw this.failure.error;
  }

  private async run(): Promise<void> {
    const { options } = this.params;
    await Promise.resolve();
    let caughtUp = false;
    let delay = this.params.reconnectDelayMs;
    try {
      while (!this.stopped) {
        try {
          if (!caughtUp) {
            await this.catchUp();
            if (this.stopped) return;
            caughtUp = true;
            options.onCaughtUp?.();
          }
          await this.follow();
          delay = this.params.reconnectDelayMs;
        } catch (error) {
          // stop() cancels the live subscription: whatever the cancelled read throws is no failure.
          if (this.stopped && !(error instanceof HandlerFailure)) return;
          if (error instanceof HandlerFailure || !isTransient(error)) throw error;
          await this.sleep(delay);
          delay = Math.min(delay * 2, 30_000);
        }
      }
    } catch (error) {
      const cause = error instanceof HandlerFailure ? error.error : error;
      this.stopped = true;
      this.failure = { error: cause };
      options.onError?.(cause);
    } finally {
      this.params.onEnd();
    }
  }

  private async catchUp(): Promise<void> {
    for (;;) {
      const page = await this.params.scan(this.checkpoint, PAGE);
      for (const event of page) {
        if (this.stopped) return;
        await this.deliver(event);
      }
      if (page.length < PAGE) return;
    }
  }

  /** Live: resolves when stopped or when the server ends the subscription; throws on error. */
  private async follow(): Promise<void> {
    const from = await this.params.resumeFrom(this.checkpoint);
    if (this.checkpoint > 0 && from === null) throw new Error(`Position ${this.checkpoint} is not known to the cluster`);
    if (this.stopped) return;
    const subscription = this.params.subscribe(from ?? START);
    this.live = subscription;
    try {
      for await (const resolved of subscription) {
        if (this.stopped) return;
        const event = resolved.event;
        if (!isJournalEvent(event)) continue;
        if (from && comparePositions(positionOf(event), from) <= 0) continue;
        const ordinal = this.checkpoint + 1;
        this.params.number(ordinal, event);
        await this.deliver({ position: ordinal, record: fromRecordedEvent(event) });
      }
    } catch (error) {
      throw mapEsdbError(error);
    } finally {
      this.live = null;
      await subscription.unsubscribe().catch(() => undefined);
    }
  }

  private async deliver(event: PositionedEvent): Promise<void> {
    try {
      await this.params.handler(event);
    } catch (error) {
      throw new HandlerFailure(error);
    }
    this.checkpoint = event.position;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake?.(), ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }
}

function isTransient(error: unknown): boolean {
  return error instanceof StoreUnavailableError || isTransientEsdbError(error);
}
