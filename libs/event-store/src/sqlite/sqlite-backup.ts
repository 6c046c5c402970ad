import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { ChainVerifier } from '../hash-chain';
import type { ChainCheck } from '../event-store.port';

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

export type JournalFileCheck = ChainCheck;

/** Recomputes the whole chain of an embedded journal file, read-only. */
export async function verifySqliteJournalFile(file: string): Promise<JournalFileCheck> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return await verifySqliteJournal(db);
  } finally {
    db.close();
  }
}

const PAGE = 5000;

/**
 * Walks the events table in position order and checks every link of every stream, hashing the
 * stored canonical texts directly (ChainVerifier.checkStored). Pages of PAGE events; between
 * pages `pause` may yield to other work (the service keeps answering during a long check).
 */
export async function verifySqliteJournal(db: Database.Database, pause: () => Promise<void> = async () => undefined): Promise<JournalFileCheck> {
  const verifier = new ChainVerifier();
  const page = db
    .prepare('SELECT position, stream_id, revision, event_id, type, data, metadata, prev_hash, hash FROM events WHERE position > ? ORDER BY position LIMIT ?')
    .raw(true);
  let events = 0;
  let streams = 0;
  for (let after = 0; ;) {
    const rows = page.all(after, PAGE) as [number, string, number, string, string, string, string, string, string][];
    if (rows.length === 0) return { events, streams, failure: null };
    for (const [position, streamId, revision, eventId, type, dataText, metadataText, prevHash, hash] of rows) {
      if (!verifier.head(streamId)) streams++;
      events++;
      const failure = verifier.checkStored({ streamId, revision, eventId, type, dataText, metadataText, prevHash, hash });
      if (failure) return { events, streams, failure };
      after = position;
    }
    await pause();
  }
}
