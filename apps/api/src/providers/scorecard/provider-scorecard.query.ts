import { Inject, Injectable } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '@mc/access';
import { Actor, Clock, DomainError } from '@mc/domain';
import { EVENT_STORE, EventStore } from '@mc/event-store/event-store.port';
import { ProjectionRunner, ProviderScorecard, ScorecardCase, providerScorecard, type SqliteDatabase } from '@mc/projections';
import { CaseReader } from '../../journal/case-reader';
import { CLOCK, READ_MODEL_DB } from '../../journal/journal.tokens';
import { visibleCaseRows } from '../../journal/visible-cases';
import { loadExistingProvider } from '../provider-stream';

/**
 * Builds a provider's scorecard over the cases the actor may see that name this provider. Each
 * case counted is a read of its content, recorded for its owner like any other.
 */
@Injectable()
export class ScorecardBuilder {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: SqliteDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly runner: ProjectionRunner,
    private readonly policy: AccessPolicy,
    private readonly reader: CaseReader,
  ) {}

  async build(actor: Actor, providerId: string, from: string | undefined, to: string | undefined): Promise<ProviderScorecard> {
    const now = this.clock.now().toISOString();
    const until = to ?? now;
    if (from !== undefined && Date.parse(from) > Date.parse(until)) {
      throw DomainError.of('INVALID_INPUT', 'from', 'Le paramètre « from » doit précéder « to ».', 'from must come before to.');
    }
    const provider = await loadExistingProvider(this.store, providerId);
    await this.runner.waitFor(await this.store.headPosition());
    const cases: ScorecardCase[] = [];
    for (const row of visibleCaseRows(this.db, this.policy, actor)) {
      const { records, state } = await this.reader.check(actor, row.id);
      if (state.providerId !== providerId) continue;
      await this.reader.recordRead(actor, row.id, state, 'scorecard', `${providerId} ${from ?? ''}/${until}`);
      cases.push({ caseId: row.id, title: state.title, records, alsaceMoselle: state.alsaceMoselle });
    }
    return providerScorecard({
      providerId,
      providerName: provider.state.name,
      // Over time: each fact is measured against the commitment and support hours in force when it began.
      commitments: provider.state.commitmentHistory,
      businessHours: provider.state.businessHoursHistory,
      cases,
      from: from ?? null,
      to: until,
      asOf: now,
    });
  }
}

export class GetProviderScorecardQuery extends Query<ProviderScorecard> {
  constructor(
    readonly actor: Actor,
    readonly providerId: string,
    readonly from?: string,
    readonly to?: string,
  ) {
    super();
  }
}

@QueryHandler(GetProviderScorecardQuery)
export class GetProviderScorecardHandler implements IQueryHandler<GetProviderScorecardQuery, ProviderScorecard> {
  constructor(private readonly scorecards: ScorecardBuilder) {}

  execute({ actor, providerId, from, to }: GetProviderScorecardQuery): Promise<ProviderScorecard> {
    return this.scorecards.build(actor, providerId, from, to);
  }
}
