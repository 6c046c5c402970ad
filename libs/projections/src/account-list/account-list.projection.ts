import type { Role } from '@mc/domain';
import type { PositionedEvent } from '@mc/event-store/event-store.port';
import type { SqlProjection, SqliteDatabase } from '../runner/sql-projection';

/** One account as administrators see it: never a password hash. */
export interface AccountListRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  union: string | null;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

const TABLE = 'account_list';
const PREFIX = 'account-';

function apply(db: SqliteDatabase, { record }: PositionedEvent): void {
  if (!record.streamId.startsWith(PREFIX)) return;
  const id = record.streamId.slice(PREFIX.length);
  const at = record.metadata.recordedAt;
  const d = record.data as { username?: string; displayName?: string; role?: Role; union?: string };
  switch (record.type) {
    case 'AccountCreated':
      db.prepare(
        `INSERT INTO ${TABLE} (id, username, display_name, role, union_name, disabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)
         ON CONFLICT(id) DO NOTHING`,
      ).run(id, d.username, d.displayName, d.role, d.union ?? null, at, at);
      return;
    case 'RoleChanged':
      db.prepare(`UPDATE ${TABLE} SET role = ?, union_name = ?, updated_at = ? WHERE id = ?`).run(d.role, d.union ?? null, at, id);
      return;
    case 'AccountDisabled':
    case 'AccountEnabled':
      db.prepare(`UPDATE ${TABLE} SET disabled = ?, updated_at = ? WHERE id = ?`).run(record.type === 'AccountDisabled' ? 1 : 0, at, id);
      return;
    case 'PasswordChanged':
      db.prepare(`UPDATE ${TABLE} SET updated_at = ? WHERE id = ?`).run(at, id);
      return;
  }
}

/** The accounts, for administrators; fed from every `account-*` event. */
export const accountListProjection: SqlProjection = {
  name: 'account_list',
  version: 1,
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (
      id TEXT PRIMARY KEY, username TEXT NOT NULL, display_name TEXT NOT NULL, role TEXT NOT NULL, union_name TEXT,
      disabled INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)`);
  },
  reset(db) {
    db.exec(`DROP TABLE IF EXISTS ${TABLE}`);
  },
  apply,
};

export function listAccounts(db: SqliteDatabase): AccountListRow[] {
  return db
    .prepare<
      [],
      { id: string; username: string; display_name: string; role: Role; union_name: string | null; disabled: number; created_at: string; updated_at: string }
    >(`SELECT * FROM ${TABLE} ORDER BY username`)
    .all()
    .map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      role: r.role,
      union: r.union_name,
      disabled: r.disabled === 1,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
}

/** The unions that have at least one enabled representative, as their accounts spell them. */
export function listUnions(db: SqliteDatabase): string[] {
  return db
    .prepare<[], { union_name: string }>(
      `SELECT DISTINCT union_name FROM ${TABLE} WHERE role = 'union_rep' AND disabled = 0 AND union_name IS NOT NULL ORDER BY union_name`,
    )
    .all()
    .map((r) => r.union_name);
}
