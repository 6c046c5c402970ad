import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { type EventRow, toRecord } from './sqlite-event-store';
import { ChainVerifier, type ChainFailure } from '../hash-chain';

/**
 * Backup of the embedded journal with SQLite's online backup API (better-sqlite3 `backup()`):
 * it copies a consistent snapshot page by page while other connections keep writing, so it
 * works while the service runs.
 */
export async function backupSqliteJournal(source: string, destination: string): Promise<void> {
  if (!existsSync(source)) throw new Error(`No journal at ${source}`);
  if (existsSync(destination)) throw new Error(`${destination} already exists`);
  const db = new Database(source, { fileMustExist: true, timeout: 5000 });
  try {
    await db.backup(destination);
  } finally {
    db.close();
  }
  // A self-contained file: no -wal beside it is needed to read the copy.
  const copy = new Database(destination, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

export interface JournalFileCheck {
  events: number;
  streams: number;
  failure: ChainFailure | null;
}

/** Recomputes the whole chain of an embedded journal file, read-only. */
export function verifySqliteJournalFile(file: string): JournalFileCheck {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const verifier = new ChainVerifier();
    let events = 0;
    let streams = 0;
    const rows = db
      .prepare('SELECT stream_id, revision, event_id, type, data, metadata, prev_hash, hash FROM events ORDER BY position')
      .iterate() as IterableIterator<Omit<EventRow, 'position'>>;
    for (const row of rows) {
      const record = toRecord(row);
      if (!verifier.head(record.streamId)) streams++;
      events++;
      const failure = verifier.check(record);
      if (failure) return { events, streams, failure };
    }
    return { events, streams, failure: null };
  } finally {
    db.close();
  }
}

