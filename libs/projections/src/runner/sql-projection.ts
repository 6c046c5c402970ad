import type BetterSqlite3 from 'better-sqlite3';
import type { PositionedEvent } from '@mc/event-store/event-store.port';

export type SqliteDatabase = BetterSqlite3.Database;

/**
 * A read model kept in the local SQLite file, fed from the store's ordered log.
 * Every method is synchronous: the runner calls `apply` inside a SQLite transaction together
 * with the checkpoint update, so an event is applied exactly once.
 */
export interface SqlProjection {
  /** Stable name, the key of its checkpoint. */
  readonly name: string;
  /** Bump it when the tables or the way events are applied change: the runner rebuilds the projection. */
  readonly version: number;
  /** Creates the tables and indexes if they do not exist (idempotent). */
  setup(db: SqliteDatabase): void;
  /** Removes everything the projection stored; the runner calls `setup` right after. */
  reset(db: SqliteDatabase): void;
  /** Applies one event of any stream (ignore those that do not concern it). Must not start a transaction. */
  apply(db: SqliteDatabase, event: PositionedEvent): void;
}
