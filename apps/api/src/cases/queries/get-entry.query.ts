import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '@mc/access';
import { Actor, DomainError, EntryState } from '@mc/domain';
import { EVENT_STORE, EventStore } from '@mc/event-store/event-store.port';
import { loadReadableCase } from '../../journal/case-stream';

/** One entry as it currently stands (corrections applied): what a correction is checked against. */
export class GetEntryQuery extends Query<EntryState> {
  constructor(
    readonly actor: Actor,
    readonly caseId: string,
    readonly entryId: string,
  ) {
    super();
  }
}

@QueryHandler(GetEntryQuery)
export class GetEntryHandler implements IQueryHandler<GetEntryQuery, EntryState> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly policy: AccessPolicy,
  ) {}

  async execute({ actor, caseId, entryId }: GetEntryQuery): Promise<EntryState> {
    const { state } = await loadReadableCase(this.store, this.policy, actor, caseId);
    const entry = state.entries.get(entryId);
    if (!entry) throw DomainError.of('NOT_FOUND', 'entryId', 'Aucune entrée de ce dossier ne porte cet identifiant.', 'No entry of this case has this id.');
    return entry;
  }
}
