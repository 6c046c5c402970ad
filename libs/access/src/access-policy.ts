import { Actor, CaseCommandType, CaseState, DomainError } from '@mc/domain';

/**
 * The one authorization policy: every command handler, query handler and export asks it.
 * For now a case is visible to its owner only; grants (CaseShared) come with sharing.
 * A case the actor may not see is "not found", never "forbidden": its existence does not leak.
 */
export class AccessPolicy {
  canReadCase(actor: Actor, state: CaseState): boolean {
    return state.status !== 'none' && state.ownerId === actor.id;
  }

  assertCanReadCase(actor: Actor, state: CaseState): void {
    if (!this.canReadCase(actor, state)) throw caseNotFound();
  }

  assertCanWriteCase(actor: Actor, state: CaseState, command: CaseCommandType): void {
    if (command === 'OpenCase') {
      // Agents keep cases, and so may union representatives; managers answer and admins administer.
      if (actor.role !== 'agent' && actor.role !== 'union_rep') {
        throw DomainError.of(
          'FORBIDDEN',
          'role',
          'Seuls les agents et les représentants syndicaux ouvrent des dossiers.',
          'Only agents and union representatives open cases.',
        );
      }
      return;
    }
    this.assertCanReadCase(actor, state);
  }

  /** Case list rows: the same rule as reading the case. */
  canSeeCaseRow(actor: Actor, row: { ownerId: string }): boolean {
    return row.ownerId === actor.id;
  }

  assertAdmin(actor: Actor): void {
    if (actor.role !== 'admin') {
      throw DomainError.of('FORBIDDEN', 'role', 'Réservé aux administrateurs.', 'Administrators only.');
    }
  }
}

export function caseNotFound(): DomainError {
  return DomainError.of('NOT_FOUND', 'caseId', 'Dossier introuvable.', 'Case not found.');
}
