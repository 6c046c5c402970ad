import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Actor, DomainError, EvidenceAttachedData } from '@mc/domain';
import { ContentStore } from '@mc/evidence';
import { CaseReader } from '../journal/case-reader';
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
    @Inject(CONTENT_STORE) private readonly contents: ContentStore,
    private readonly reader: CaseReader,
  ) {}

  async execute({ actor, caseId, evidenceId }: GetEvidenceQuery): Promise<EvidenceFile> {
    const { state } = await this.reader.check(actor, caseId);
    const evidence = state.evidence.get(evidenceId);
    if (!evidence)
      throw DomainError.of('NOT_FOUND', 'evidenceId', 'Aucune pièce de ce dossier ne porte cet identifiant.', 'No evidence of this case has this id.');
    await this.reader.read(actor, caseId, 'evidence', `${evidenceId} ${evidence.fileName}`);
    return { evidence, open: () => this.contents.openRead(evidence.sha256) };
  }
}
