import type Database from 'better-sqlite3';
import type { Clock } from '@mc/domain';
import {
  StoreUnavailableError,
  StreamNotFoundError,
  type AllEventHandler,
  type ChainCheck,
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
  ANY_REVISION,
  NO_STREAM,
} from '../event-store.port';
import { prepareEvents } from '../hash-chain';
import type { SealedImporter } from '../sealed-import';
import { AllSubscription } from './all-subscription';
import { verifySqliteJournal, type ChainCheckOptions } from './sqlite-chain-check';
import { openJournal, toRecord, toStoreError, unreadableJournal, type EventRow } from './sqlite-journal';
import { JournalWrites, type AppendOutcome, type AppendRequest } from './sqlite-journal-writes';
import { RecentEvents } from './recent-events';
import { WriterThread } from './sqlite-writer-thread';

export interface SqliteEventStoreOptions {
  /** Database file, or ':memory:'. Its directory must exist. */
  file: string;
  /** Stamps recordedAt. */
  clock: Clock;
  /** How often live subscriptions look for events written by other processes. Default 500. */
  pollIntervalMs?: number;
  /** How verifyChain spreads a large journal over worker threads. */
  chainCheck?: ChainCheckOptions;
  /**
   * Where appends are written: 'thread' (default for a file), a writer thread with its own
   * connection, so that waiting for the disk does not stop the service; 'inline', on this
   * connection (always for ':memory:').
   */
  writer?: 'thread' | 'inline';
}

interface PendingAppend extends AppendRequest {
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

type Statement = Database.Statement<unknown[], unknown>;

export class SqliteEventStore implements EventStore, SealedImporter {
  private readonly db: Database.Database;
  private readonly clock: Clock;
  private readonly pollIntervalMs: number;
  private readonly file: string;
  private readonly chainCheck: ChainCheckOptions;
  private readonly subscriptions = new Set<AllSubscription>();
  /** What this store wrote lately, served to its subscriptions without reading it back. */
  private readonly recent = new RecentEvents(RECENT_EVENTS);
  private readonly statements: Record<'forwards' | 'backwards' | 'exists' | 'all' | 'headPosition' | 'streamRevision', Statement>;
  /** Writes on this connection: sealed imports, and appends when there is no writer thread. */
  private readonly writes: JournalWrites;
  private readonly writer: WriterThread | null;
  /** Appends waiting for the next group commit. */
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  /** Batches sent to the writer thread and not answered yet. */
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(options: SqliteEventStoreOptions) {
    this.clock = options.clock;
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.file = options.file;
    this.chainCheck = options.chainCheck ?? {};
    this.db = openJournal(options.file, { migrate: true });
    const sql = (text: string): Statement => this.db.prepare(text);
    this.statements = {
      forwards: sql('SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?'),
      backwards: sql('SELECT * FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?'),
      exists: sql('SELECT 1 FROM events WHERE stream_id = ? LIMIT 1'),
      streamRevision: sql('SELECT MAX(revision) FROM events WHERE stream_id = ?').pluck(),
      all: sql('SELECT * FROM events WHERE position > ? ORDER BY position ASC LIMIT ?'),
      headPosition: sql('SELECT COALESCE(MAX(position), 0) FROM events').pluck(),
    };
    this.writes = new JournalWrites(this.db);
    const onDisk = options.file !== '' && options.file !== ':memory:';
    this.writer = onDisk && (options.writer ?? 'thread') === 'thread' ? new WriterThread(options.file) : null;
  }

  async append(streamId: string, events: EventToAppend[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    this.ensureOpen();
    if (typeof streamId !== 'string' || streamId.length === 0) throw new Error('streamId must be a non-empty string');
    if (!Array.isArray(events) || events.length === 0) throw new Error(`Stream ${streamId}: nothing to append`);
    checkExpectedRevision(expectedRevision);
    // Checked and serialized here: a malformed event is refused at once, and the writer thread gets plain data.
    const prepared = prepareEvents(events);
    return new Promise<AppendResult>((resolve, reject) => {
      this.pending.push({ streamId, events: prepared, expected: expectedRevision, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /**
   * Group commit: the appends queued meanwhile go into one transaction, so they share one
   * fsync: those of one turn of the event loop, or, with the writer thread, those queued while
   * it wrote the previous batches. Each caller is answered only after COMMIT has returned
   * (synchronous=FULL: on disk), in queue order, so per-stream order is kept.
   */
  private flush(): void {
    this.flushScheduled = false;
    if (this.pending.length === 0) return;
    if (this.closed) return settle(this.pending.splice(0), new StoreUnavailableError('The event store is closed'));
    if (!this.writer) return this.writeHere(this.pending.splice(0));
    // Two batches in flight: while the thread writes one, the answers to the other let their
    // writers decide their next appends. With nothing in flight the queue is split in two.
    while (this.inFlight.size < MAX_BATCHES_IN_FLIGHT && this.pending.length > 0) {
      const size = this.inFlight.size === 0 && this.pending.length > 1 ? Math.ceil(this.pending.length / 2) : this.pending.length;
      this.sendToWriter(this.writer, this.pending.splice(0, size));
    }
  }

  private writeHere(batch: PendingAppend[]): void {
    let outcomes: AppendOutcome[];
    try {
      outcomes = this.writes.writeBatch(batch.map(requestOf), this.clock.now());
    } catch (error) {
      return settle(batch, this.failure(error));
    }
    this.answer(batch, outcomes);
  }

  private sendToWriter(writer: WriterThread, batch: PendingAppend[]): void {
    const sent: Promise<void> = writer
      .write(batch.map(requestOf), this.clock.now())
      .then(
        (outcomes) => this.answer(batch, outcomes),
        (error: unknown) => settle(batch, this.failure(error)),
      )
      .finally(() => {
        this.inFlight.delete(sent);
        this.flush();
      });
    this.inFlight.add(sent);
  }

  private answer(batch: PendingAppend[], outcomes: AppendOutcome[]): void {
    this.keepRecent(batch, outcomes);
    if (outcomes.some((o) => o.ok)) for (const subscription of this.subscriptions) subscription.notify();
    outcomes.forEach((o, i) => (o.ok ? batch[i].resolve(o.result) : batch[i].reject(o.error)));
  }

  /** Notes how far this store has answered, and keeps the new events while something is subscribed. */
  private keepRecent(batch: PendingAppend[], outcomes: AppendOutcome[]): void {
    const keep = this.subscriptions.size > 0;
    outcomes.forEach((outcome, index) => {
      if (!outcome.ok) return;
      const { records, position } = outcome.result;
      this.recent.answered(position);
      if (!keep || outcome.retried) return;
      // One append's events take consecutive positions: they are inserted one after the other in one transaction.
      records.forEach((record, j) => this.recent.add(position - records.length + 1 + j, record, batch[index].events[j].dataJson, outcome.metadataJson[j]));
    });
  }

  /** Until every append queued so far is answered. */
  private async drain(): Promise<void> {
    for (;;) {
      this.flush();
      if (this.inFlight.size === 0) return;
      await Promise.all(this.inFlight);
    }
  }

  /** Writes records sealed elsewhere (import, restore) verbatim, after checking they continue the stream. */
  async appendSealed(streamId: string, records: StoredEvent[]): Promise<AppendResult> {
    this.ensureOpen();
    await this.drain(); // appends queued before this one keep their order
    let result: AppendResult;
    try {
      result = this.writes.appendSealed(streamId, records);
    } catch (error) {
      throw this.failure(error);
    }
    for (const subscription of this.subscriptions) subscription.notify();
    return result;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.ensureOpen();
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
    checkCount(from, 'fromRevision');
    const limit = limitOf(options.maxCount);
    try {
      const statement = backwards ? this.statements.backwards : this.statements.forwards;
      const rows = statement.all(streamId, from, limit) as EventRow[];
      if (rows.length === 0 && !this.statements.exists.get(streamId)) throw new StreamNotFoundError(streamId);
      return rows.map(toRecord);
    } catch (error) {
      throw this.failure(error);
    }
  }

  async streamRevision(streamId: string): Promise<number | null> {
    this.ensureOpen();
    try {
      return this.statements.streamRevision.get(streamId) as number | null;
    } catch (error) {
      throw this.failure(error);
    }
  }

  async readAll(options: ReadAllOptions = {}): Promise<PositionedEvent[]> {
    this.ensureOpen();
    const after = options.after ?? 0;
    checkCount(after, 'after');
    return this.readAllNow(after, limitOf(options.maxCount));
  }

  private readAllNow(after: number, limit: number): PositionedEvent[] {
    try {
      const rows = this.statements.all.all(after, limit) as EventRow[];
      return rows.map((row) => ({ position: row.position, record: toRecord(row) }));
    } catch (error) {
      throw this.failure(error);
    }
  }

  /** The events after a checkpoint: those this store just wrote from memory, then the rest (other writers, older events) from the file. */
  private readForSubscription(after: number, maxCount: number): PositionedEvent[] {
    const kept = this.recent.after(after, maxCount);
    const last = kept.length > 0 ? kept[kept.length - 1].position : after;
    // At the last event this store answered, while its own batches are in flight: those are committed but not answered
    // yet, and come from memory once answered (the answer wakes the subscription); reading them from the file now would
    // parse them for nothing. With nothing kept yet, where that point is is unknown: read the file.
    const newest = this.recent.newest();
    if (kept.length === maxCount || (this.inFlight.size > 0 && newest > 0 && last >= newest)) return kept;
    const rest = this.readAllNow(last, maxCount - kept.length);
    return kept.length > 0 ? kept.concat(rest) : rest;
  }

  subscribeAll(after: number, handler: AllEventHandler, options: SubscribeAllOptions = {}): Subscription {
    this.ensureOpen();
    checkCount(after, 'after');
    const subscription = new AllSubscription({
      after,
      handler,
      options,
      pollIntervalMs: this.pollIntervalMs,
      read: (checkpoint, maxCount) => this.readForSubscription(checkpoint, maxCount),
      onEnd: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    subscription.start();
    return subscription;
  }

  async headPosition(): Promise<number> {
    this.ensureOpen();
    try {
      return this.statements.headPosition.get() as number;
    } catch (error) {
      throw this.failure(error);
    }
  }

  /** Recomputes every chain; a large journal is checked by worker threads on read-only connections. */
  async verifyChain(): Promise<ChainCheck> {
    this.ensureOpen();
    try {
      return await verifySqliteJournal(this.db, this.file, this.chainCheck, () => new Promise((resolve) => setImmediate(resolve)));
    } catch (error) {
      throw this.failure(error);
    }
  }

  /** Stops the subscriptions (after their handler in progress), then closes the database. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.drain(); // answer appends already queued before the connection goes
    await Promise.all([...this.subscriptions].map((s) => s.stop().catch(() => undefined)));
    this.closed = true;
    this.recent.clear();
    await this.writer?.close();
    this.db.close();
  }

  /** The connection's durability settings, for diagnostics and tests. */
  settings(): { journalMode: string; synchronous: number; busyTimeoutMs: number } {
    this.ensureOpen();
    return {
      journalMode: this.db.pragma('journal_mode', { simple: true }) as string,
      synchronous: this.db.pragma('synchronous', { simple: true }) as number,
      busyTimeoutMs: this.db.pragma('busy_timeout', { simple: true }) as number,
    };
  }

  /** A store error as callers handle it: a damaged file names itself (JournalFileUnreadableError), the rest as toStoreError. */
  private failure(error: unknown): unknown {
    return unreadableJournal(error, this.file) ?? toStoreError(error);
  }

  private ensureOpen(): void {
    if (this.closed) throw new StoreUnavailableError('The event store is closed');
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

/** SQLite's LIMIT: -1 means none. */
function limitOf(maxCount: number | undefined): number {
  if (maxCount === undefined) return -1;
  checkCount(maxCount, 'maxCount');
  return maxCount;
}

const MAX_BATCHES_IN_FLIGHT = 2;
/** Enough for the batches of a busy second; a subscription further behind reads from the file. */
const RECENT_EVENTS = 4096;

function requestOf({ streamId, events, expected }: PendingAppend): AppendRequest {
  return { streamId, events, expected };
}

function settle(batch: PendingAppend[], error: unknown): void {
  for (const p of batch) p.reject(error);
}
