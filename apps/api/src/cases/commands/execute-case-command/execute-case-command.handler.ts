import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, caseNotFound } from '@mc/access';
import { CASE_SCHEMA_VERSION, CaseCommand, CaseCommandType, CaseState, Clock, DomainError, decideCase } from '@mc/domain';
import { EVENT_STORE, EventStore } from '@mc/event-store/event-store.port';
import { MAX_APPEND_ATTEMPTS, decideAndAppend } from '../../../journal/decide-and-append';
import { isUuid } from '../../../journal/case-stream';
import { CaseStateCache } from '../../../journal/case-state-cache';
import { CLOCK } from '../../../journal/journal.tokens';
import { loadProvider } from '../../../providers/provider-stream';
import { CaseWriteResult, ExecuteCaseCommand } from './execute-case-command.command';

/** Which field of each command's data holds the id the server assigns. */
const ASSIGNED_ID_FIELD: Partial<Record<CaseCommandType, string>> = {
  ReportIncident: 'entryId',
  RecordAccessCutOff: 'entryId',
  RecordAccessRestoration: 'entryId',
  RecordProviderAction: 'entryId',
  RecordWrittenRequest: 'entryId',
  ConfirmRequestReceipt: 'entryId',
  RecordResponse: 'entryId',
  RecordMeeting: 'entryId',
  RecordImpact: 'entryId',
  AddWitnessStatement: 'entryId',
  AddNote: 'entryId',
  CorrectEntry: 'entryId',
  RetractEntry: 'entryId',
  AttachEvidence: 'evidenceId',
  ShareCase: 'grantId',
  RecordDossierExport: 'exportId',
};

export { MAX_APPEND_ATTEMPTS };

/** The 409 of a write whose expectedRevision is not the case's revision (also the evidence upload's). */
export const revisionConflict = () =>
  DomainError.of(
    'REVISION_CONFLICT',
    'expectedRevision',
    'Le dossier a été modifié entre-temps : rechargez-le puis recommencez.',
    'The case changed in the meantime: reload it and try again.',
  );

@CommandHandler(ExecuteCaseCommand)
export class ExecuteCaseCommandHandler implements ICommandHandler<ExecuteCaseCommand, CaseWriteResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly policy: AccessPolicy,
    private readonly cases: CaseStateCache,
  ) {}

  async execute(message: ExecuteCaseCommand): Promise<CaseWriteResult> {
    const { actor, draft, expectedRevision } = message;
    if (message.caseId !== null && !isUuid(message.caseId)) throw caseNotFound();
    const caseId = message.caseId ?? randomUUID();
    const idField = ASSIGNED_ID_FIELD[draft.type];
    const assignedId = idField ? { field: idField, value: randomUUID() } : null;
    if (draft.type === 'OpenCase' && typeof draft.data.providerId === 'string' && !(await loadProvider(this.store, draft.data.providerId)).state.exists) {
      throw DomainError.of('RULE_VIOLATED', 'providerId', 'Aucun prestataire enregistré ne porte cet identifiant.', 'No registered provider has this id.');
    }
    const command = { type: draft.type, data: assignedId ? { ...draft.data, [assignedId.field]: assignedId.value } : draft.data } as unknown as CaseCommand;
    const { last, position } = await decideAndAppend<CaseState>({
      write: (decide) => this.cases.write(caseId, decide),
      decide: (state, revision) => {
        this.policy.assertCanWriteCase(actor, state, command);
        if (expectedRevision !== undefined && expectedRevision !== revision) throw revisionConflict();
        return decideCase(command, state, { now: this.clock.now() });
      },
      schemaVersion: CASE_SCHEMA_VERSION,
      actor,
      correlationId: message.correlationId,
      retry: expectedRevision === undefined,
      conflict: revisionConflict,
    });
    return { caseId, streamId: last.streamId, revision: last.revision, recordedAt: last.metadata.recordedAt, hash: last.hash, assignedId, position };
  }
}
