import Database from 'better-sqlite3';
import { StoreUnavailableError, type StoredEvent } from '../event-store.port';
import { JournalFileUnreadableError } from '../errors';

/** The embedded journal's file: schema, connection settings, rows and errors, shared by every connection to it. */

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

/**
 * A read-write connection with the journal's durability settings: WAL, and synchronous=FULL so
 * that COMMIT returns only once the transaction is on disk. `migrate` creates the schema.
 */
export function openJournal(file: string, options: { migrate?: boolean } = {}): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { timeout: 5000 });
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    // After journal_mode: entering WAL resets synchronous to this build's WAL default (NORMAL).
    db.pragma('synchronous = FULL');
    if (options.migrate) migrate(db, file);
    return db;
  } catch (error) {
    db?.close();
    throw unreadableJournal(error, file) ?? toStoreError(error);
  }
}

/**
 * Opens the journal file as the store would (creating it if absent) and closes it: throws
 * JournalFileUnreadableError or StoreUnavailableError before anything else is started.
 */
export function checkJournalFile(file: string): void {
  openJournal(file, { migrate: true }).close();
}

function migrate(db: Database.Database, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version === SCHEMA_VERSION) return;
  if (version !== 0) throw new JournalFileUnreadableError(file, { kind: 'unknown_schema', found: version, expected: SCHEMA_VERSION });
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

/** SQLite error codes meaning "cannot write now" rather than "this request is wrong". */
const UNAVAILABLE_CODES = /^SQLITE_(FULL|READONLY|IOERR|BUSY|CANTOPEN)/;

/**
 * SQLite errors are recognised by their code, not with instanceof: the native addon keeps the
 * first SqliteError class it was given, so a second load of the module (jest's per-file module
 * registries) throws instances of a class that is not the current Database.SqliteError.
 */
function sqliteCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

export function isDuplicateEventId(error: unknown): boolean {
  return sqliteCode(error) === 'SQLITE_CONSTRAINT_UNIQUE' && (error as Error).message.includes('events.event_id');
}

/** SQLite's word that a file is not a database it can read (replaced, or damaged): no retry will help. */
export function isUnreadableSqliteFile(error: unknown): boolean {
  const code = sqliteCode(error);
  return code === 'SQLITE_NOTADB' || code?.startsWith('SQLITE_CORRUPT') === true;
}

/** The journal file named as unreadable, if SQLite says so (see isUnreadableSqliteFile); null otherwise. */
export function unreadableJournal(error: unknown, file: string): JournalFileUnreadableError | null {
  if (!isUnreadableSqliteFile(error)) return null;
  const sqlite = (error as Error).message;
  return new JournalFileUnreadableError(file, sqliteCode(error) === 'SQLITE_NOTADB' ? { kind: 'not_a_database', sqlite } : { kind: 'damaged', sqlite });
}

export function toStoreError(error: unknown): unknown {
  const code = sqliteCode(error);
  if (code !== null && UNAVAILABLE_CODES.test(code)) {
    const e = error as Error & { code: string };
    return new StoreUnavailableError(`Event store unavailable (${e.code}): ${e.message}`, e);
  }
  return error;
}
