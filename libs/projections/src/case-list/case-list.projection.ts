import { isEntryType } from '@mc/domain';
import type BetterSqlite3 from 'better-sqlite3';
import type { PositionedEvent } from '@mc/event-store/event-store.port';
import { caseIdOf, instantOf, isCaseStream } from '../case-view/case-stream';
import type { CaseStatus } from '../case-view/case-summary';
import type { SqlProjection, SqliteDatabase } from '../runner/sql-projection';

/** One case in the list. Sharing will add who may see it (a grants table joined on `id`). */
export interface CaseListRow {
  id: string;
  streamId: string;
  title: string;
  status: CaseStatus;
  ownerId: string;
  openedAt: string;
  openedBy: { id: string; username: string };
  lastRecordedAt: string;
  revision: number;
  counts: { entries: number; corrections: number; retractions: number; evidence: number };
}

const TABLE = 'case_list';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS ${TABLE} (
  id TEXT PRIMARY KEY,
  stream_id TEXT NOT NULL,
  title TEXT NOT NULL,
  status TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  opened_by_id TEXT NOT NULL,
  opened_by_username TEXT NOT NULL,
  last_recorded_at TEXT NOT NULL,
  last_recorded_ms INTEGER NOT NULL,
  revision INTEGER NOT NULL,
  entries INTEGER NOT NULL DEFAULT 0,
  corrections INTEGER NOT NULL DEFAULT 0,
  retractions INTEGER NOT NULL DEFAULT 0,
  evidence INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS ${TABLE}_owner ON ${TABLE} (owner_id);
`;

interface SqlRow {
  id: string;
  stream_id: string;
  title: string;
  status: CaseStatus;
  owner_id: string;
  opened_at: string;
  opened_by_id: string;
  opened_by_username: string;
  last_recorded_at: string;
  revision: number;
  entries: number;
  corrections: number;
  retractions: number;
  evidence: number;
}

/** The single place where a SQL row becomes a CaseListRow. */
function toRow(row: SqlRow): CaseListRow {
  return {
    id: row.id,
    streamId: row.stream_id,
    title: row.title,
    status: row.status,
    ownerId: row.owner_id,
    openedAt: row.opened_at,
    openedBy: { id: row.opened_by_id, username: row.opened_by_username },
    lastRecordedAt: row.last_recorded_at,
    revision: row.revision,
    counts: { entries: row.entries, corrections: row.corrections, retractions: row.retractions, evidence: row.evidence },
  };
}

interface Statements {
  open: BetterSqlite3.Statement<unknown[]>;
  touch: BetterSqlite3.Statement<unknown[]>;
}

/** Prepared once per database: the catch-up of a large journal runs them for every event. */
const statements = new WeakMap<SqliteDatabase, Statements>();

function statementsFor(db: SqliteDatabase): Statements {
  let prepared = statements.get(db);
  if (!prepared) {
    prepared = {
      open: db.prepare(
        `INSERT INTO ${TABLE} (id, stream_id, title, status, owner_id, opened_at, opened_by_id, opened_by_username,
           last_recorded_at, last_recorded_ms, revision)
         VALUES (?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO NOTHING`,
      ),
      touch: db.prepare(
        `UPDATE ${TABLE} SET last_recorded_at = ?, last_recorded_ms = ?, revision = ?,
           entries = entries + ?, corrections = corrections + ?, retractions = retractions + ?,
           evidence = evidence + ?, status = COALESCE(?, status)
         WHERE id = ?`,
      ),
    };
    statements.set(db, prepared);
  }
  return prepared;
}

function apply(db: SqliteDatabase, { record }: PositionedEvent): void {
  if (!isCaseStream(record.streamId)) return;
  const id = caseIdOf(record.streamId);
  const { recordedAt, actor } = record.metadata;
  const recordedMs = instantOf(recordedAt);
  const sql = statementsFor(db);
  if (record.type === 'CaseOpened') {
    const title = typeof record.data.title === 'string' ? record.data.title : '';
    sql.open.run(id, record.streamId, title, actor.id, recordedAt, actor.id, actor.username, recordedAt, recordedMs, record.revision);
    return;
  }
  const status = record.type === 'CaseClosed' ? 'closed' : record.type === 'CaseReopened' ? 'open' : null;
  sql.touch.run(
    recordedAt,
    recordedMs,
    record.revision,
    isEntryType(record.type) ? 1 : 0,
    record.type === 'EntryCorrected' ? 1 : 0,
    record.type === 'EntryRetracted' ? 1 : 0,
    record.type === 'EvidenceAttached' ? 1 : 0,
    status,
    id,
  );
}

/** The case list: one row per case stream, fed from every `case-*` event. */
export const caseListProjection: SqlProjection = {
  name: 'case_list',
  version: 1,
  setup(db) {
    db.exec(SCHEMA);
  },
  reset(db) {
    statements.delete(db);
    db.exec(`DROP TABLE IF EXISTS ${TABLE}`);
  },
  apply,
};

/** Cases opened by `ownerId`, most recently active first. */
export function listCasesOwnedBy(db: SqliteDatabase, ownerId: string): CaseListRow[] {
  return db.prepare<[string], SqlRow>(`SELECT * FROM ${TABLE} WHERE owner_id = ? ORDER BY last_recorded_ms DESC, id`).all(ownerId).map(toRow);
}

/** One case's row, or null when the list does not hold it (yet). */
export function getCaseRow(db: SqliteDatabase, caseId: string): CaseListRow | null {
  const row = db.prepare<[string], SqlRow>(`SELECT * FROM ${TABLE} WHERE id = ?`).get(caseId);
  return row ? toRow(row) : null;
}
