import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, AccountView, Accounts } from '@mc/access';
import { Actor, DomainError, Role } from '@mc/domain';

export type AccountChange =
  | { type: 'DisableAccount'; reason?: string }
  | { type: 'EnableAccount'; reason?: string }
  | { type: 'ChangeRole'; role: Role; union?: string }
  | { type: 'ResetPassword'; password: string };

export class ChangeAccountCommand extends Command<AccountView> {
  constructor(
    readonly accountId: string,
    readonly change: AccountChange,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}

/** Administrators change accounts; every change is an event on the account's stream. */
@CommandHandler(ChangeAccountCommand)
export class ChangeAccountHandler implements ICommandHandler<ChangeAccountCommand, AccountView> {
  constructor(
    private readonly accounts: Accounts,
    private readonly policy: AccessPolicy,
  ) {}

  async execute({ accountId, change, actor, correlationId }: ChangeAccountCommand): Promise<AccountView> {
    this.policy.assertAdmin(actor);
    if (accountId === actor.id && (change.type === 'DisableAccount' || change.type === 'ChangeRole')) {
      // An administrator locking themselves out would leave the journal without one.
      throw DomainError.of(
        'RULE_VIOLATED',
        'accountId',
        'Un administrateur ne peut ni désactiver son propre compte ni changer son propre rôle.',
        'Administrators may neither disable their own account nor change their own role.',
      );
    }
    switch (change.type) {
      case 'ResetPassword':
        return this.accounts.setPassword(accountId, change.password, actor, correlationId);
      case 'ChangeRole':
        return this.accounts.change(
          accountId,
          { type: 'ChangeRole', data: { role: change.role, ...(change.union !== undefined ? { union: change.union.trim() } : {}) } },
          actor,
          correlationId,
        );
      default:
        return this.accounts.change(accountId, { type: change.type, data: change.reason !== undefined ? { reason: change.reason } : {} }, actor, correlationId);
    }
  }
}
