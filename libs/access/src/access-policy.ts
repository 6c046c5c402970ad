import { Actor, CaseCommand, CaseCommandType, CaseState, DomainError, GrantState, Grantee, Permission } from '@mc/domain';

/** What one actor may do on one case: everything as its owner, or the permissions granted to them. */
export interface CaseAccess {
  owner: boolean;
  permissions: Permission[];
}

const NO_ACCESS: CaseAccess = { owner: false, permissions: [] };

/** Commands only the owner may give: they change who holds the case and whether it is open. */
const OWNER_ONLY: readonly CaseCommandType[] = ['CloseCase', 'ReopenCase', 'ShareCase', 'RevokeCaseAccess'];

/** Whether a grant reaches this actor: to them by id, to their union, or to management. */
export function grantReaches(grantee: Grantee, actor: Actor): boolean {
  if (grantee.kind === 'user') return grantee.id === actor.id;
  return groupsOf(actor).includes(grantee.id);
}

/** The groups an actor belongs to, as grants name them. */
export function groupsOf(actor: Actor): string[] {
  if (actor.role === 'manager') return ['management'];
  if (actor.role === 'union_rep' && actor.union) return [`union:${actor.union}`];
  return [];
}

/** The access that a set of grants gives an actor on a case owned by `ownerId`. */
export function accessFrom(actor: Actor, ownerId: string | null, grants: Iterable<Pick<GrantState, 'grantee' | 'permission' | 'active'>>): CaseAccess {
  if (ownerId !== null && ownerId === actor.id) return { owner: true, permissions: ['read', 'contribute', 'export'] };
  const permissions = new Set<Permission>();
  for (const grant of grants) if (grant.active && grantReaches(grant.grantee, actor)) permissions.add(grant.permission);
  // Contributing to or exporting a case needs reading it.
  if (permissions.size > 0) permissions.add('read');
  return permissions.size === 0 ? NO_ACCESS : { owner: false, permissions: (['read', 'contribute', 'export'] as const).filter((p) => permissions.has(p)) };
}

/**
 * The one authorization policy: every command handler, query handler and export asks it.
 * A case the actor may not see is "not found", never "forbidden": its existence does not leak.
 * A case they may see but not change answers "forbidden". Admins are no exception: they read a
 * case only if it was shared with them like with anyone else.
 */
export class AccessPolicy {
  accessTo(actor: Actor, state: CaseState): CaseAccess {
    if (state.status === 'none') return NO_ACCESS;
    return accessFrom(actor, state.ownerId, state.grants.values());
  }

  /** A case list row, with the active grants that reach the actor. */
  accessToRow(actor: Actor, row: { ownerId: string; grants: Pick<GrantState, 'grantee' | 'permission' | 'active'>[] }): CaseAccess {
    return accessFrom(actor, row.ownerId, row.grants);
  }

  canReadCase(actor: Actor, state: CaseState): boolean {
    return this.accessTo(actor, state).permissions.includes('read');
  }

  assertCanReadCase(actor: Actor, state: CaseState): void {
    if (!this.canReadCase(actor, state)) throw caseNotFound();
  }

  /** Only the owner sees who was given access and who read the case. */
  assertOwner(actor: Actor, state: CaseState): void {
    const access = this.accessTo(actor, state);
    if (!access.permissions.includes('read')) throw caseNotFound();
    if (!access.owner) throw forbidden('Réservé au propriétaire du dossier.', 'Only the owner of the case may do this.');
  }

  assertCanWriteCase(actor: Actor, state: CaseState, command: CaseCommandType | CaseCommand): void {
    const type = typeof command === 'string' ? command : command.type;
    if (type === 'OpenCase') {
      // Agents keep cases, and so may union representatives; managers answer and admins administer.
      if (actor.role !== 'agent' && actor.role !== 'union_rep') {
        throw forbidden('Seuls les agents et les représentants syndicaux ouvrent des dossiers.', 'Only agents and union representatives open cases.');
      }
      return;
    }
    const access = this.accessTo(actor, state);
    if (!access.permissions.includes('read')) throw caseNotFound();
    if (access.owner && type !== 'CorrectEntry' && type !== 'RetractEntry') return;
    if (OWNER_ONLY.includes(type)) {
      throw forbidden('Seul le propriétaire du dossier peut faire cela.', 'Only the owner of the case may do this.');
    }
    if (type === 'RecordDossierExport') {
      if (!access.permissions.includes('export')) throw forbidden('Vous n’avez pas le droit d’exporter ce dossier.', 'You may not export this case.');
      return;
    }
    if (!access.owner && !access.permissions.includes('contribute')) {
      throw forbidden('Vous pouvez lire ce dossier, pas y écrire.', 'You may read this case, not write to it.');
    }
    if ((type === 'CorrectEntry' || type === 'RetractEntry') && typeof command !== 'string') {
      // A person mends their own words: the target's author only (an unknown target is the decider's to refuse).
      const target = state.entries.get(String((command.data as { targetEntryId?: unknown }).targetEntryId));
      if (target && target.authorId !== actor.id) {
        throw forbidden('Seul l’auteur d’une entrée peut la corriger ou la retirer.', 'Only the author of an entry may correct or retract it.');
      }
    }
  }

  assertAdmin(actor: Actor): void {
    if (actor.role !== 'admin') throw forbidden('Réservé aux administrateurs.', 'Administrators only.');
  }
}

export function caseNotFound(): DomainError {
  return DomainError.of('NOT_FOUND', 'caseId', 'Dossier introuvable.', 'Case not found.');
}

function forbidden(fr: string, en: string): DomainError {
  return DomainError.of('FORBIDDEN', 'role', fr, en);
}
