import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { verifySqliteJournal, type ChainCheckOptions } from './sqlite-chain-check';
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
export async function verifySqliteJournalFile(file: string, options: ChainCheckOptions = {}): Promise<JournalFileCheck> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return await verifySqliteJournal(db, file, options);
  } finally {
    db.close();
  }
}
