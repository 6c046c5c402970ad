import Database from 'better-sqlite3';
import type { Position } from '@eventstore/db-client';

/**
 * The port's global positions over EventStoreDB, kept in a local SQLite file.
 *
 * Why not EventStoreDB's own positions: the port wants one number per event, strictly increasing
 * in commit order. EventStoreDB positions are pairs `{commit, prepare}` of byte offsets in the
 * transaction log; the events of one multi-event append may share a commit position and differ
 * only by their prepare position, and a read can only be resumed from a full pair. Encoding the
 * pair into one JavaScript number would either lose order or overflow 2^53 on a large log.
 *
 * What instead: the position of a journal event is its ordinal among the journal events of $all
 * (system events and other applications' events left out), 1 for the first. $all has one order
 * for every reader and events are never deleted from the journal, so every service instance
 * computes the same ordinal for the same event; this file only remembers, for each ordinal, the
 * `{commit, prepare}` pair to resume a read from. It is a cache: deleted, it is rebuilt by reading
 * $all again. A row that disagrees with what the cluster says (another cluster, a scavenged
 * stream) stops the adapter with an error instead of numbering events differently.
 *
 * Cost: an instance that starts with an empty index numbers $all once from the start, on its
 * first need (the projections read it all anyway); afterwards only new events are read.
 */
export class PositionIndex {
  private readonly db: Database.Database;
  private readonly statements: {
    insert: Database.Statement<[number, string, string, string]>;
    byOrdinal: Database.Statement<[number], IndexRow>;
    byPosition: Database.Statement<[string, string], IndexRow>;
    last: Database.Statement<[], IndexRow>;
  };

  constructor(file: string) {
    this.db = new Database(file, { timeout: 5000 });
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS esdb_positions (
      position INTEGER PRIMARY KEY,
      commit_position TEXT NOT NULL,
      prepare_position TEXT NOT NULL,
      event_id TEXT NOT NULL,
      UNIQUE (commit_position, prepare_position)
    )`);
    this.statements = {
      insert: this.db.prepare('INSERT OR IGNORE INTO esdb_positions (position, commit_position, prepare_position, event_id) VALUES (?, ?, ?, ?)'),
      byOrdinal: this.db.prepare('SELECT * FROM esdb_positions WHERE position = ?'),
      byPosition: this.db.prepare('SELECT * FROM esdb_positions WHERE commit_position = ? AND prepare_position = ?'),
      last: this.db.prepare('SELECT * FROM esdb_positions ORDER BY position DESC LIMIT 1'),
    };
  }

  /** The EventStoreDB position of the journal event numbered `ordinal`, if known here. */
  esdbPositionOf(ordinal: number): Position | null {
    const row = this.statements.byOrdinal.get(ordinal);
    return row ? toPosition(row) : null;
  }

  /** The ordinal of the journal event at this EventStoreDB position, if known here. */
  ordinalOf(position: Position): number | null {
    return this.statements.byPosition.get(String(position.commit), String(position.prepare))?.position ?? null;
  }

  /** The highest ordinal known here, with its EventStoreDB position. */
  last(): { ordinal: number; position: Position } | null {
    const row = this.statements.last.get();
    return row ? { ordinal: row.position, position: toPosition(row) } : null;
  }

  /** Remembers an ordinal; refuses one that contradicts what is already known. */
  record(ordinal: number, position: Position, eventId: string): void {
    const commit = String(position.commit);
    const prepare = String(position.prepare);
    if (this.statements.insert.run(ordinal, commit, prepare, eventId).changes === 1) return;
    const known = this.statements.byOrdinal.get(ordinal);
    if (!known || known.commit_position !== commit || known.prepare_position !== prepare || known.event_id !== eventId) {
      throw new Error(
        `The EventStoreDB position index (${this.db.name}) disagrees with the cluster at position ${ordinal} (event ${eventId}): ` +
          'it belongs to another cluster or events were removed; delete the file to rebuild it',
      );
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

interface IndexRow {
  position: number;
  commit_position: string;
  prepare_position: string;
  event_id: string;
}

function toPosition(row: IndexRow): Position {
  return { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) };
}
