import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '@mc/access';
import type { Actor } from '@mc/domain';
import { EVENT_STORE, EventStore } from '@mc/event-store/event-store.port';
import { AccountListRow, ProjectionRunner, listAccounts, type SqliteDatabase } from '@mc/projections';
import { READ_MODEL_DB } from '../../journal/journal.tokens';

export class ListAccountsQuery extends Query<AccountListRow[]> {
  constructor(readonly actor: Actor) {
    super();
  }
}

@QueryHandler(ListAccountsQuery)
export class ListAccountsHandler implements IQueryHandler<ListAccountsQuery, AccountListRow[]> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: SqliteDatabase,
    private readonly runner: ProjectionRunner,
    private readonly policy: AccessPolicy,
  ) {}

  async execute({ actor }: ListAccountsQuery): Promise<AccountListRow[]> {
    this.policy.assertAdmin(actor);
    await this.runner.waitFor(await this.store.headPosition());
    return listAccounts(this.db);
  }
}
