import type Database from 'better-sqlite3';

/** The last record of a stream: what the next append continues from. */
export interface HeadRow {
  revision: number;
  hash: string;
  recordedAt: string;
}

/** Beyond this many streams the cache starts again empty (a journal of that many live cases is rare; memory stays bounded). */
const MAX_STREAMS = 50_000;

/**
 * The head of each stream this connection wrote or looked up, so that an append does not read
 * its stream's last row again. Valid only while no other connection writes the file: `sync`,
 * called once the write lock is held, compares PRAGMA data_version (it changes when another
 * connection commits, never for this one's own commits) and starts again empty when it moved.
 * After a transaction that did not commit, `forget` drops everything.
 */
export class StreamHeads {
  private readonly heads = new Map<string, HeadRow | null>();
  private readonly dataVersion: Database.Statement<unknown[], unknown>;
  private readonly lastRow: Database.Statement<unknown[], unknown>;
  private seenVersion: unknown = undefined;

  constructor(db: Database.Database) {
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
    this.lastRow = db.prepare(`SELECT revision, hash, json_extract(metadata, '$.recordedAt') AS recordedAt
                               FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1`);
  }

  /** At the start of a write transaction, with the write lock held. */
  sync(): void {
    const version = this.dataVersion.get();
    if (version !== this.seenVersion) this.forget();
    this.seenVersion = version;
  }

  /** The stream's head, null for a stream with no record yet. */
  get(streamId: string): HeadRow | null {
    let head = this.heads.get(streamId);
    if (head === undefined) {
      head = (this.lastRow.get(streamId) as HeadRow | undefined) ?? null;
      this.remember(streamId, head);
    }
    return head;
  }

  /** After records were written to the stream in the current transaction. */
  remember(streamId: string, head: HeadRow | null): void {
    if (this.heads.size >= MAX_STREAMS && !this.heads.has(streamId)) this.heads.clear();
    this.heads.set(streamId, head);
  }

  forget(): void {
    this.heads.clear();
  }
}
