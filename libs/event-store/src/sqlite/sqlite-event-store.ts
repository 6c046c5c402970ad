import Database from 'better-sqlite3';
import type { Clock } from '@mc/domain';
import {
  ANY_REVISION,
  NO_STREAM,
  StoreUnavailableError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
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
} from '../event-store.port';
import { DuplicateEventIdError } from '../errors';
import { verifySqliteJournal, type ChainCheckOptions } from './sqlite-chain-check';
import { sealForStorage } from '../hash-chain';
import { checkSealedBatch, type SealedImporter } from '../sealed-import';
import { AllSubscription } from './all-subscription';

export interface SqliteEventStoreOptions {
  /** Database file, or ':memory:'. Its directory must exist. */
  file: string;
  /** Stamps recordedAt. */
  clock: Clock;
  /** How often live subscriptions look for events written by other processes. Default 500. */
  pollIntervalMs?: number;
  /** How verifyChain spreads a large journal over worker threads. */
  chainCheck?: ChainCheckOptions;
}

const SCHEMA_VERSION = 1;

// Append-only in depth: the adapter never updates or deletes, and the triggers refuse anyone who tries.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position  INTEGER PRIMARY KEY AUTOINCREMENT,
    stream_id TEXT NOT NULL,
    revision  INTEGER NOT NULL,
    event_id  TEXT NOT NULL UNIQUE,
    type      TEXT NOT NULL,
    data      TEXT NOT NULL,
    metadata  TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL,
    UNIQUE (stream_id, revision)
  );
  CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE refused'); END;
  CREATE TRIGGER IF NOT EXISTS events_no_delete BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'events are append-only: DELETE refused'); END;
`;

export interface EventRow {
  position: number;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  prev_hash: string;
  hash: string;
}

interface HeadRow {
  revision: number;
  hash: string;
  recordedAt: string;
}

type Statement = Database.Statement<unknown[], unknown>;

/** SQLite error codes meaning "cannot write now" rather than "this request is wrong". */
const UNAVAILABLE_CODES = /^SQLITE_(FULL|READONLY|IOERR|BUSY|CANTOPEN)/;

interface PendingAppend {
  streamId: string;
  events: EventToAppend[];
  expected: ExpectedRevision;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

type AppendOutcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

export class SqliteEventStore implements EventStore, SealedImporter {
  private readonly db: Database.Database;
  private readonly clock: Clock;
  private readonly pollIntervalMs: number;
  private readonly file: string;
  private readonly chainCheck: ChainCheckOptions;
  private readonly subscriptions = new Set<AllSubscription>();
  private readonly statements: Record<'head' | 'byEventId' | 'insert' | 'forwards' | 'backwards' | 'exists' | 'all' | 'headPosition', Statement>;
  private readonly appendTransaction: Database.Transaction<(streamId: string, events: EventToAppend[], expected: ExpectedRevision) => AppendResult>;
  private readonly batchTransaction: Database.Transaction<(batch: PendingAppend[]) => AppendOutcome[]>;
  /** Appends waiting for the next group commit. */
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;

  constructor(options: SqliteEventStoreOptions) {
    this.clock = options.clock;
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.file = options.file;
    this.chainCheck = options.chainCheck ?? {};
    let db: Database.Database | undefined;
    try {
      db = new Database(options.file, { timeout: 5000 });
      db.pragma('busy_timeout = 5000');
      db.pragma('journal_mode = WAL');
      // After journal_mode: entering WAL resets synchronous to this build's WAL default (NORMAL).
      db.pragma('synchronous = FULL');
      migrate(db);
      this.db = db;
    } catch (error) {
      db?.close();
      throw toStoreError(error);
    }
    const sql = (text: string): Statement => this.db.prepare(text);
    this.statements = {
      head: sql(`SELECT revision, hash, json_extract(metadata, '$.recordedAt') AS recordedAt
                 FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1`),
      byEventId: sql('SELECT stream_id, revision FROM events WHERE event_id = ?'),
      insert: sql(`INSERT INTO events (stream_id, revision, event_id, type, data, metadata, prev_hash, hash)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      forwards: sql('SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?'),
      backwards: sql('SELECT * FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?'),
      exists: sql('SELECT 1 FROM events WHERE stream_id = ? LIMIT 1'),
      all: sql('SELECT * FROM events WHERE position > ? ORDER BY position ASC LIMIT ?'),
      headPosition: sql('SELECT COALESCE(MAX(position), 0) FROM events').pluck(),
    };
    this.appendTransaction = this.db.transaction((streamId, events, expected) => this.appendInTransaction(streamId, events, expected));
    this.batchTransaction = this.db.transaction((batch: PendingAppend[]) =>
      batch.map((p): AppendOutcome => {
        try {
          // Nested: better-sqlite3 runs it in a SAVEPOINT, so a refused append undoes only itself.
          return { ok: true, result: this.appendTransaction(p.streamId, p.events, p.expected) };
        } catch (error) {
          return { ok: false, error: toStoreError(error) };
        }
      }),
    );
  }

  async append(streamId: string, events: EventToAppend[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    this.ensureOpen();
    if (typeof streamId !== 'string' || streamId.length === 0) throw new Error('streamId must be a non-empty string');
    if (!Array.isArray(events) || events.length === 0) throw new Error(`Stream ${streamId}: nothing to append`);
    checkExpectedRevision(expectedRevision);
    return new Promise<AppendResult>((resolve, reject) => {
      this.pending.push({ streamId, events, expected: expectedRevision, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /**
   * Group commit: every append queued during one turn of the event loop goes into one
   * transaction, so they share one fsync. Each caller is answered only after COMMIT has
   * returned (synchronous=FULL: on disk), in queue order, so per-stream order is kept.
   */
  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    let outcomes: AppendOutcome[];
    try {
      if (this.closed) throw new StoreUnavailableError('The event store is closed');
      // BEGIN IMMEDIATE takes the write lock before reading any stream head: no other writer,
      // in this process or another, can slip in between a check and its insert.
      outcomes = this.batchTransaction.immediate(batch);
    } catch (error) {
      // The transaction as a whole failed (lock, disk, commit): nothing of the batch was written.
      const failure = toStoreError(error);
      for (const p of batch) p.reject(failure);
      return;
    }
    if (outcomes.some((o) => o.ok)) for (const subscription of this.subscriptions) subscription.notify();
    outcomes.forEach((o, i) => (o.ok ? batch[i].resolve(o.result) : batch[i].reject(o.error)));
  }

  /** One append, inside the batch's transaction (in its own savepoint). */
  private appendInTransaction(streamId: string, events: EventToAppend[], expected: ExpectedRevision): AppendResult {
    const head = this.statements.head.get(streamId) as HeadRow | undefined;
    const retried = this.findRetry(streamId, events, expected);
    if (retried) return retried;
    const actual = head ? head.revision : -1;
    if (!revisionMatches(expected, actual)) throw new WrongExpectedRevisionError(streamId, expected, actual);

    const sealed = sealForStorage(streamId, head ?? null, events, this.clock.now());
    let position = 0;
    for (const { record, dataJson, metadataJson } of sealed) {
      try {
        const info = this.statements.insert.run(streamId, record.revision, record.eventId, record.type, dataJson, metadataJson, record.prevHash, record.hash);
        position = Number(info.lastInsertRowid);
      } catch (error) {
        if (isDuplicateEventId(error)) throw new DuplicateEventIdError(streamId, record.eventId);
        throw error;
      }
    }
    const records = sealed.map((s) => s.record);
    return { records, nextExpectedRevision: records[records.length - 1].revision, position };
  }

  /**
   * Idempotent retry, as EventStoreDB does it: when the first event is already stored in this
   * stream exactly where this append would have put it (for ANY_REVISION: wherever it is in this
   * stream) and the following ones match too, the append already happened: answer with what is
   * stored. Any other reuse of a stored eventId is refused.
   */
  private findRetry(streamId: string, events: EventToAppend[], expected: ExpectedRevision): AppendResult | null {
    const found = this.statements.byEventId.get(events[0].eventId) as { stream_id: string; revision: number } | undefined;
    if (!found) return null;
    const start = expected === NO_STREAM ? 0 : expected === ANY_REVISION ? found.revision : expected + 1;
    const rows = found.stream_id === streamId && found.revision === start ? (this.statements.forwards.all(streamId, start, events.length) as EventRow[]) : [];
    if (rows.length !== events.length || rows.some((row, i) => row.event_id !== events[i].eventId)) {
      throw new DuplicateEventIdError(streamId, events[0].eventId);
    }
    const last = rows[rows.length - 1];
    return { records: rows.map(toRecord), nextExpectedRevision: last.revision, position: last.position };
  }

  /** Writes records sealed elsewhere (import, restore) verbatim, after checking they continue the stream. */
  async appendSealed(streamId: string, records: StoredEvent[]): Promise<AppendResult> {
    this.ensureOpen();
    this.flush(); // appends queued before this one keep their order
    let result: AppendResult;
    try {
      result = this.db
        .transaction((): AppendResult => {
          const head = this.statements.head.get(streamId) as HeadRow | undefined;
          checkSealedBatch(streamId, head ?? null, records);
          let position = 0;
          for (const r of records) {
            try {
              const info = this.statements.insert.run(
                streamId,
                r.revision,
                r.eventId,
                r.type,
                JSON.stringify(r.data),
                JSON.stringify(r.metadata),
                r.prevHash,
                r.hash,
              );
              position = Number(info.lastInsertRowid);
            } catch (error) {
              if (isDuplicateEventId(error)) throw new DuplicateEventIdError(streamId, r.eventId);
              throw error;
            }
          }
          const stored = this.statements.forwards.all(streamId, records[0].revision, records.length) as EventRow[];
          return { records: stored.map(toRecord), nextExpectedRevision: records[records.length - 1].revision, position };
        })
        .immediate();
    } catch (error) {
      throw toStoreError(error);
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
      throw toStoreError(error);
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
      throw toStoreError(error);
    }
  }

  subscribeAll(after: number, handler: AllEventHandler, options: SubscribeAllOptions = {}): Subscription {
    this.ensureOpen();
    checkCount(after, 'after');
    const subscription = new AllSubscription({
      after,
      handler,
      options,
      pollIntervalMs: this.pollIntervalMs,
      read: (checkpoint, maxCount) => this.readAllNow(checkpoint, maxCount),
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
      throw toStoreError(error);
    }
  }

  /** Recomputes every chain; a large journal is checked by worker threads on read-only connections. */
  async verifyChain(): Promise<ChainCheck> {
    this.ensureOpen();
    try {
      return await verifySqliteJournal(this.db, this.file, this.chainCheck, () => new Promise((resolve) => setImmediate(resolve)));
    } catch (error) {
      throw toStoreError(error);
    }
  }

  /** Stops the subscriptions (after their handler in progress), then closes the database. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.flush(); // answer appends already queued before the connection goes
    await Promise.all([...this.subscriptions].map((s) => s.stop().catch(() => undefined)));
    this.closed = true;
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

  private ensureOpen(): void {
    if (this.closed) throw new StoreUnavailableError('The event store is closed');
  }
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version === SCHEMA_VERSION) return;
  if (version !== 0) throw new Error(`Event store schema version ${version} is not supported (expected ${SCHEMA_VERSION})`);
  db.transaction(() => {
    db.exec(SCHEMA);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

/** A row of the events table as the record it stores (the one place a row becomes a record). */
export function toRecord(row: Omit<EventRow, 'position'>): StoredEvent {
  return {
    streamId: row.stream_id,
    revision: row.revision,
    eventId: row.event_id,
    type: row.type,
    data: JSON.parse(row.data) as Record<string, unknown>,
    metadata: JSON.parse(row.metadata) as StoredEvent['metadata'],
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function revisionMatches(expected: ExpectedRevision, actual: number): boolean {
  if (expected === ANY_REVISION) return true;
  if (expected === NO_STREAM) return actual === -1;
  return expected === actual;
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

/**
 * SQLite errors are recognised by their code, not with instanceof: the native addon keeps the
 * first SqliteError class it was given, so a second load of the module (jest's per-file module
 * registries) throws instances of a class that is not the current Database.SqliteError.
 */
function sqliteCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

function isDuplicateEventId(error: unknown): boolean {
  return sqliteCode(error) === 'SQLITE_CONSTRAINT_UNIQUE' && (error as Error).message.includes('events.event_id');
}

function toStoreError(error: unknown): unknown {
  const code = sqliteCode(error);
  if (code !== null && UNAVAILABLE_CODES.test(code)) {
    const e = error as Error & { code: string };
    return new StoreUnavailableError(`Event store unavailable (${e.code}): ${e.message}`, e);
  }
  return error;
}
