import { Command, CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, Accounts, accountIdFor, caseNotFound } from '@mc/access';
import { Actor, DomainError, Grantee, Permission } from '@mc/domain';
import { isUuid } from '../journal/case-stream';
import { CaseStateCache } from '../journal/case-state-cache';
import { CaseWriteResult, ExecuteCaseCommand } from '../cases/commands/execute-case-command/execute-case-command.command';
import type { GranteeInput } from './share-case.dto';

export class ShareCaseCommand extends Command<CaseWriteResult> {
  constructor(
    readonly caseId: string,
    readonly grantee: GranteeInput,
    readonly permission: Permission,
    readonly actor: Actor,
    readonly correlationId: string,
    readonly expectedRevision?: number,
  ) {
    super();
  }
}

/**
 * Turns a username into the account it names, then records the grant through the one case write
 * path. The owner's right is checked before the name is looked up, so nobody else can learn from
 * the answer whether an account exists.
 */
@CommandHandler(ShareCaseCommand)
export class ShareCaseHandler implements ICommandHandler<ShareCaseCommand, CaseWriteResult> {
  constructor(
    private readonly cases: CaseStateCache,
    private readonly policy: AccessPolicy,
    private readonly accounts: Accounts,
    private readonly commands: CommandBus,
  ) {}

  async execute({ caseId, grantee, permission, actor, correlationId, expectedRevision }: ShareCaseCommand): Promise<CaseWriteResult> {
    if (!isUuid(caseId)) throw caseNotFound();
    this.policy.assertCanWriteCase(actor, (await this.cases.load(caseId)).state, 'ShareCase');
    const resolved = await this.resolve(grantee);
    return this.commands.execute(
      new ExecuteCaseCommand(caseId, { type: 'ShareCase', data: { grantee: resolved, permission } }, actor, correlationId, expectedRevision),
    );
  }

  private async resolve(grantee: GranteeInput): Promise<Grantee> {
    if (grantee.kind === 'group') return { kind: 'group', id: grantee.id };
    const id = 'username' in grantee ? accountIdFor(grantee.username) : grantee.id;
    const account = isUuid(id) ? await this.accounts.findById(id) : null;
    if (!account) {
      throw DomainError.of('RULE_VIOLATED', 'grantee', 'Aucun compte ne porte ce nom d’utilisateur.', 'No account has this username.');
    }
    return { kind: 'user', id };
  }
}
