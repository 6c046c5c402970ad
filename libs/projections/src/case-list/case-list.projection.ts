import { isEntryType } from '@mc/domain';
import type BetterSqlite3 from 'better-sqlite3';
import type { PositionedEvent } from '@mc/event-store/event-store.port';
import { caseIdOf, instantOf, isCaseStream } from '../case-view/case-stream';
import type { CaseStatus } from '../case-view/case-summary';
import type { SqlProjection, SqliteDatabase } from '../runner/sql-projection';

/** One case in the list; who else may see it is in the grants table joined on `id`. */
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
const GRANTS = 'case_list_grants';

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
CREATE TABLE IF NOT EXISTS ${GRANTS} (
  grant_id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL,
  grantee_kind TEXT NOT NULL,
  grantee_id TEXT NOT NULL,
  permission TEXT NOT NULL,
  active INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS ${GRANTS}_grantee ON ${GRANTS} (grantee_id, active);
CREATE INDEX IF NOT EXISTS ${GRANTS}_case ON ${GRANTS} (case_id);
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
  grant: BetterSqlite3.Statement<unknown[]>;
  revoke: BetterSqlite3.Statement<unknown[]>;
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
      grant: db.prepare(
        `INSERT INTO ${GRANTS} (grant_id, case_id, grantee_kind, grantee_id, permission, active) VALUES (?, ?, ?, ?, ?, 1)
         ON CONFLICT(grant_id) DO NOTHING`,
      ),
      revoke: db.prepare(`UPDATE ${GRANTS} SET active = 0 WHERE grant_id = ? AND case_id = ?`),
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
  if (record.type === 'CaseShared') {
    const { grantId, grantee, permission } = record.data as { grantId: string; grantee: { kind: string; id: string }; permission: string };
    sql.grant.run(grantId, id, grantee.kind, grantee.id, permission);
  } else if (record.type === 'CaseAccessRevoked') {
    sql.revoke.run(String(record.data.grantId), id);
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
  version: 2,
  setup(db) {
    db.exec(SCHEMA);
  },
  reset(db) {
    statements.delete(db);
    db.exec(`DROP TABLE IF EXISTS ${TABLE}; DROP TABLE IF EXISTS ${GRANTS}`);
  },
  apply,
};

/** Cases opened by `ownerId`, most recently active first. */
export function listCasesOwnedBy(db: SqliteDatabase, ownerId: string): CaseListRow[] {
  return db.prepare<[string], SqlRow>(`SELECT * FROM ${TABLE} WHERE owner_id = ? ORDER BY last_recorded_ms DESC, id`).all(ownerId).map(toRow);
}

/** Who is asking for the list: their own id, and the groups (`union:<name>`, `management`) they belong to. */
export interface CaseListReader {
  userId: string;
  groups: string[];
}

export interface ActiveGrantRow {
  grantee: { kind: 'user' | 'group'; id: string };
  permission: 'read' | 'contribute' | 'export';
  active: true;
}

/**
 * Cases the reader owns or holds an active grant on (to them or to one of their groups), most
 * recently active first, each with the active grants that reach them.
 */
export function listCasesVisibleTo(db: SqliteDatabase, reader: CaseListReader): (CaseListRow & { grants: ActiveGrantRow[] })[] {
  const groups = reader.groups.length > 0 ? reader.groups : [''];
  const marks = groups.map(() => '?').join(', ');
  const grantsOf = db.prepare<unknown[], { case_id: string; grantee_kind: 'user' | 'group'; grantee_id: string; permission: ActiveGrantRow['permission'] }>(
    `SELECT case_id, grantee_kind, grantee_id, permission FROM ${GRANTS}
     WHERE active = 1 AND ((grantee_kind = 'user' AND grantee_id = ?) OR (grantee_kind = 'group' AND grantee_id IN (${marks})))`,
  );
  const byCase = new Map<string, ActiveGrantRow[]>();
  for (const g of grantsOf.all(reader.userId, ...groups)) {
    const list = byCase.get(g.case_id) ?? [];
    list.push({ grantee: { kind: g.grantee_kind, id: g.grantee_id }, permission: g.permission, active: true });
    byCase.set(g.case_id, list);
  }
  const ids = [...byCase.keys()];
  const rows = db
    .prepare<unknown[], SqlRow>(
      `SELECT * FROM ${TABLE} WHERE owner_id = ? ${ids.length > 0 ? `OR id IN (SELECT value FROM json_each(?))` : ''} ORDER BY last_recorded_ms DESC, id`,
    )
    .all(reader.userId, ...(ids.length > 0 ? [JSON.stringify(ids)] : []));
  return rows.map((row) => ({ ...toRow(row), grants: byCase.get(row.id) ?? [] }));
}

/** One case's row, or null when the list does not hold it (yet). */
export function getCaseRow(db: SqliteDatabase, caseId: string): CaseListRow | null {
  const row = db.prepare<[string], SqlRow>(`SELECT * FROM ${TABLE} WHERE id = ?`).get(caseId);
  return row ? toRow(row) : null;
}
