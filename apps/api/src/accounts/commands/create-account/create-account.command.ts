import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, AccountView, Accounts, NewAccount } from '@mc/access';
import type { Actor } from '@mc/domain';

export class CreateAccountCommand extends Command<AccountView> {
  constructor(
    readonly input: NewAccount,
    /** The admin creating it; null when the operator does it from the command line or at bootstrap. */
    readonly actor: Actor | null,
    readonly correlationId: string,
  ) {
    super();
  }
}

/** Recorded as the actor of accounts created by the operator (CLI, MC_BOOTSTRAP_ADMIN). */
export const OPERATOR: Actor = { id: 'operator', username: 'operator', role: 'admin' };

@CommandHandler(CreateAccountCommand)
export class CreateAccountHandler implements ICommandHandler<CreateAccountCommand, AccountView> {
  constructor(
    private readonly accounts: Accounts,
    private readonly policy: AccessPolicy,
  ) {}

  async execute({ input, actor, correlationId }: CreateAccountCommand): Promise<AccountView> {
    if (actor) this.policy.assertAdmin(actor);
    return this.accounts.create(input, actor ?? OPERATOR, correlationId);
  }
}
