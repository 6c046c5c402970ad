import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '@mc/access';
import { Actor, DomainError, EvidenceAttachedData } from '@mc/domain';
import { EVENT_STORE, EventStore } from '@mc/event-store/event-store.port';
import { ContentStore } from '@mc/evidence';
import { loadReadableCase } from '../journal/case-stream';
import { CONTENT_STORE } from '../journal/journal.tokens';

export interface EvidenceFile {
  evidence: EvidenceAttachedData;
  open: () => NodeJS.ReadableStream;
}

export class GetEvidenceQuery extends Query<EvidenceFile> {
  constructor(
    readonly actor: Actor,
    readonly caseId: string,
    readonly evidenceId: string,
  ) {
    super();
  }
}

@QueryHandler(GetEvidenceQuery)
export class GetEvidenceHandler implements IQueryHandler<GetEvidenceQuery, EvidenceFile> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CONTENT_STORE) private readonly contents: ContentStore,
    private readonly policy: AccessPolicy,
  ) {}

  async execute({ actor, caseId, evidenceId }: GetEvidenceQuery): Promise<EvidenceFile> {
    const { state } = await loadReadableCase(this.store, this.policy, actor, caseId);
    const evidence = state.evidence.get(evidenceId);
    if (!evidence)
      throw DomainError.of('NOT_FOUND', 'evidenceId', 'Aucune pièce de ce dossier ne porte cet identifiant.', 'No evidence of this case has this id.');
    return { evidence, open: () => this.contents.openRead(evidence.sha256) };
  }
}
