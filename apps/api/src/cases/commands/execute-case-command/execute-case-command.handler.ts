import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, caseNotFound } from '@mc/access';
import { CASE_SCHEMA_VERSION, CaseCommand, CaseCommandType, Clock, DomainError, decideCase } from '@mc/domain';
import { EVENT_STORE, EventStore, NO_STREAM, WrongExpectedRevisionError } from '@mc/event-store/event-store.port';
import { caseStream, isUuid } from '../../../journal/case-stream';
import { CaseStateCache } from '../../../journal/case-state-cache';
import { CLOCK } from '../../../journal/journal.tokens';
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

/** Concurrent writers to one case: retry on a revision conflict this many times, then answer 409. */
export const MAX_APPEND_ATTEMPTS = 8;

const revisionConflict = () =>
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
    const command = { type: draft.type, data: assignedId ? { ...draft.data, [assignedId.field]: assignedId.value } : draft.data } as unknown as CaseCommand;
    const causationId = randomUUID();

    for (let attempt = 1; ; attempt++) {
      const { state, revision } = await this.cases.load(caseId);
      this.policy.assertCanWriteCase(actor, state, command.type);
      if (expectedRevision !== undefined && expectedRevision !== revision) throw revisionConflict();
      const events = decideCase(command, state, { now: this.clock.now() });
      try {
        const result = await this.store.append(
          caseStream(caseId),
          events.map((e) => ({
            eventId: randomUUID(),
            type: e.type,
            data: e.data as unknown as Record<string, unknown>,
            metadata: { schemaVersion: CASE_SCHEMA_VERSION, actor, correlationId: message.correlationId, causationId },
          })),
          revision ?? NO_STREAM,
        );
        const last = result.records[result.records.length - 1];
        return {
          caseId,
          streamId: last.streamId,
          revision: last.revision,
          recordedAt: last.metadata.recordedAt,
          hash: last.hash,
          assignedId,
          position: result.position,
        };
      } catch (e) {
        if (!(e instanceof WrongExpectedRevisionError)) throw e;
        // A client that named its revision wants to know; otherwise another writer got in first: decide again.
        if (expectedRevision !== undefined || attempt >= MAX_APPEND_ATTEMPTS) throw revisionConflict();
        await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
      }
    }
  }
}
