import { AccessPolicy, CaseAccess, groupsOf } from '@mc/access';
import type { Actor } from '@mc/domain';
import { CaseListRow, listCasesVisibleTo, type SqliteDatabase } from '@mc/projections';

export type VisibleCaseRow = Omit<CaseListRow, 'ownerId'> & { access: CaseAccess };

/**
 * The case list rows an actor may see, most recently active first. The SQL narrows the rows to
 * those owned or granted; the policy has the last word on each, as on every read.
 */
export function visibleCaseRows(db: SqliteDatabase, policy: AccessPolicy, actor: Actor): VisibleCaseRow[] {
  return listCasesVisibleTo(db, { userId: actor.id, groups: groupsOf(actor) })
    .map(({ ownerId, grants, ...row }) => ({ ...row, access: policy.accessToRow(actor, { ownerId, grants }) }))
    .filter((row) => row.access.permissions.includes('read'));
}
