import { Inject } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, Accounts, accountIdFor, caseNotFound } from '@mc/access';
import { Actor, DomainError, Grantee, Permission } from '@mc/domain';
import { EVENT_STORE, EventStore } from '@mc/event-store/event-store.port';
import { ProjectionRunner, listUnions, type SqliteDatabase } from '@mc/projections';
import { READ_MODEL_DB } from '../journal/journal.tokens';
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
 * Turns a username into the account it names, or a union's name into the union as its
 * representatives' accounts spell it, then records the grant through the one case write path.
 * The owner's right is checked before the name is looked up, so nobody else can learn from the
 * answer whether an account exists.
 */
@CommandHandler(ShareCaseCommand)
export class ShareCaseHandler implements ICommandHandler<ShareCaseCommand, CaseWriteResult> {
  constructor(
    private readonly cases: CaseStateCache,
    private readonly policy: AccessPolicy,
    private readonly accounts: Accounts,
    private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: SqliteDatabase,
    private readonly runner: ProjectionRunner,
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
    if (grantee.kind === 'group')
      return grantee.id.startsWith(UNION) ? { kind: 'group', id: UNION + (await this.union(grantee.id.slice(UNION.length))) } : grantee;
    const id = 'username' in grantee ? accountIdFor(grantee.username) : grantee.id;
    const account = isUuid(id) ? await this.accounts.findById(id) : null;
    if (!account) {
      throw DomainError.of('RULE_VIOLATED', 'grantee', 'Aucun compte ne porte ce nom d’utilisateur.', 'No account has this username.');
    }
    return { kind: 'user', id };
  }

  /**
   * A grant reaches a union's representatives by the exact name on their accounts: "cgt" typed
   * for "CGT" would be recorded, and reach nobody. The name is matched whatever its case, accents
   * or spaces, and refused when no enabled representative belongs to it.
   */
  private async union(typed: string): Promise<string> {
    await this.runner.waitFor(await this.store.headPosition());
    const known = listUnions(this.db);
    const found = known.find((name) => unionKey(name) === unionKey(typed));
    if (found !== undefined) return found;
    const list = known.map((name) => `« ${name} »`).join(', ');
    throw DomainError.of(
      'RULE_VIOLATED',
      'grantee',
      known.length > 0
        ? `Aucun représentant syndical n’est rattaché au syndicat « ${typed} » : le partage n’atteindrait personne. Syndicats connus : ${list}.`
        : `Aucun représentant syndical n’est rattaché au syndicat « ${typed} » : le partage n’atteindrait personne. Demandez à l’administrateur de créer son compte.`,
      known.length > 0
        ? `No union representative belongs to the union "${typed}": the share would reach nobody. Known unions: ${known.join(', ')}.`
        : `No union representative belongs to the union "${typed}": the share would reach nobody. Ask the administrator to create their account.`,
    );
  }
}

const UNION = 'union:';

/** A union's name as people may type it: case, accents, and spaces aside. */
const unionKey = (name: string): string => name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLocaleLowerCase('fr');
