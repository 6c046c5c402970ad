import type Database from 'better-sqlite3';
import { DuplicateEventIdError } from '../errors';
import { ANY_REVISION, NO_STREAM, WrongExpectedRevisionError, type AppendResult, type ExpectedRevision, type StoredEvent } from '../event-store.port';
import { canonicalJson, sealPrepared, type PreparedEvent } from '../hash-chain';
import { checkSealedBatch } from '../sealed-import';
import { isDuplicateEventId, toRecord, toStoreError, type EventRow } from './sqlite-journal';
import { StreamHeads } from './stream-heads';

/** An append whose events are already prepared (prepareEvents): plain data, so it crosses threads. */
export interface AppendRequest {
  streamId: string;
  events: PreparedEvent[];
  expected: ExpectedRevision;
}

/**
 * `retried`: the append had already been stored (idempotent retry): the records are those stored
 * then. A new append also gives its records' metadata texts as stored (canonical).
 */
export type AppendOutcome =
  | { ok: true; result: AppendResult; retried: false; metadataJson: string[] }
  | { ok: true; result: AppendResult; retried: true }
  | { ok: false; error: unknown };

type Statement = Database.Statement<unknown[], unknown>;

/**
 * Every write to the journal, on one read-write connection: batches of appends (group commit)
 * and records sealed elsewhere. Runs on the store's own connection or on the writer thread's.
 */
export class JournalWrites {
  private readonly statements: Record<'byEventId' | 'insert' | 'forwards', Statement>;
  private readonly heads: StreamHeads;
  private readonly appendTransaction: Database.Transaction<(request: AppendRequest, now: Date) => Extract<AppendOutcome, { ok: true }>>;
  private readonly batchTransaction: Database.Transaction<(batch: AppendRequest[], now: Date) => AppendOutcome[]>;

  constructor(private readonly db: Database.Database) {
    const sql = (text: string): Statement => db.prepare(text);
    this.statements = {
      byEventId: sql('SELECT stream_id, revision FROM events WHERE event_id = ?'),
      insert: sql(`INSERT INTO events (stream_id, revision, event_id, type, data, metadata, prev_hash, hash)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      forwards: sql('SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?'),
    };
    this.heads = new StreamHeads(db);
    this.appendTransaction = db.transaction((request: AppendRequest, now: Date) => this.appendInTransaction(request, now));
    this.batchTransaction = db.transaction((batch: AppendRequest[], now: Date) => {
      this.heads.sync();
      return batch.map((request): AppendOutcome => {
        try {
          // Several events: nested, so better-sqlite3 runs it in a SAVEPOINT and a refused append undoes only itself.
          // One event: its INSERT is the only write, and a failed statement undoes itself; a savepoint would only cost time.
          return request.events.length === 1 ? this.appendInTransaction(request, now) : this.appendTransaction(request, now);
        } catch (error) {
          // Disk full or I/O error: SQLite may have rolled the whole transaction back. Then the batch fails as a whole,
          // rather than the next appends running outside it.
          if (!this.db.inTransaction) throw error;
          return { ok: false, error: toStoreError(error) };
        }
      });
    });
  }

  /**
   * One transaction for the whole batch, so its appends share one fsync; each is decided on its
   * own (outcome per append). BEGIN IMMEDIATE takes the write lock before reading any stream
   * head: no other writer, in this process or another, can slip in between a check and its
   * insert. Throws when the transaction as a whole fails (lock, disk, commit): nothing written.
   */
  writeBatch(batch: AppendRequest[], now: Date): AppendOutcome[] {
    return this.forgettingHeadsOnFailure(() => this.batchTransaction.immediate(batch, now));
  }

  /** Runs a write transaction; when it throws (rolled back), the heads it remembered were never stored. */
  private forgettingHeadsOnFailure<T>(transaction: () => T): T {
    try {
      return transaction();
    } catch (error) {
      this.heads.forget();
      throw error;
    }
  }

  private appendInTransaction({ streamId, events, expected }: AppendRequest, now: Date): Extract<AppendOutcome, { ok: true }> {
    const head = this.heads.get(streamId);
    const actual = head ? head.revision : -1;
    if (!revisionMatches(expected, actual)) {
      // A retry of an append that was stored meanwhile comes back with a revision now behind.
      const retried = this.findRetry(streamId, events, expected);
      if (retried) return { ok: true, result: retried, retried: true };
      throw new WrongExpectedRevisionError(streamId, expected, actual);
    }

    const sealed = sealPrepared(streamId, head, events, now);
    let position = 0;
    for (const [index, { record, dataJson, metadataJson }] of sealed.entries()) {
      try {
        const info = this.statements.insert.run(streamId, record.revision, record.eventId, record.type, dataJson, metadataJson, record.prevHash, record.hash);
        position = Number(info.lastInsertRowid);
      } catch (error) {
        if (!isDuplicateEventId(error)) throw error;
        // Only the first event's id can make a retry (the savepoint undoes this append's inserts anyway).
        const retried = index === 0 ? this.findRetry(streamId, events, expected) : null;
        if (retried) return { ok: true, result: retried, retried: true };
        throw new DuplicateEventIdError(streamId, record.eventId);
      }
    }
    const records = sealed.map((s) => s.record);
    const last = records[records.length - 1];
    this.heads.remember(streamId, { revision: last.revision, hash: last.hash, recordedAt: last.metadata.recordedAt });
    const result = { records, nextExpectedRevision: last.revision, position };
    return { ok: true, result, retried: false, metadataJson: sealed.map((s) => s.metadataJson) };
  }

  /**
   * Idempotent retry, as EventStoreDB does it (looked for only when the append cannot be written
   * as it is: its revision is behind, or its first event id is taken): when the first event is already stored in this
   * stream exactly where this append would have put it (for ANY_REVISION: wherever it is in this
   * stream) and the following ones match too, the append already happened: answer with what is
   * stored. Any other reuse of a stored eventId is refused.
   */
  private findRetry(streamId: string, events: PreparedEvent[], expected: ExpectedRevision): AppendResult | null {
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
  appendSealed(streamId: string, records: StoredEvent[]): AppendResult {
    const transaction = this.db.transaction((): AppendResult => {
      this.heads.sync();
      checkSealedBatch(streamId, this.heads.get(streamId), records);
      let position = 0;
      for (const r of records) {
        try {
          // Stored as canonical texts, as sealed appends are, so that verification hashes them directly.
          const info = this.statements.insert.run(
            streamId,
            r.revision,
            r.eventId,
            r.type,
            canonicalJson(r.data),
            canonicalJson(r.metadata),
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
      const last = records[records.length - 1];
      this.heads.remember(streamId, { revision: last.revision, hash: last.hash, recordedAt: last.metadata.recordedAt });
      return { records: stored.map(toRecord), nextExpectedRevision: last.revision, position };
    });
    return this.forgettingHeadsOnFailure(() => transaction.immediate());
  }
}

function revisionMatches(expected: ExpectedRevision, actual: number): boolean {
  if (expected === ANY_REVISION) return true;
  if (expected === NO_STREAM) return actual === -1;
  return expected === actual;
}
