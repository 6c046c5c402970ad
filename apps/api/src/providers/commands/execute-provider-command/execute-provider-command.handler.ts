import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '@mc/access';
import { DomainError } from '@mc/domain';
import { PROVIDER_SCHEMA_VERSION, ProviderState, decideProvider, providerStream } from '@mc/domain/provider/provider';
import { EVENT_STORE, EventStore } from '@mc/event-store/event-store.port';
import { decideAndAppend, loadThenAppend } from '../../../journal/decide-and-append';
import { isUuid } from '../../../journal/case-stream';
import { loadProvider, providerNotFound } from '../../provider-stream';
import { ExecuteProviderCommand, ProviderWriteResult } from './execute-provider-command.command';

const revisionConflict = () =>
  DomainError.of(
    'REVISION_CONFLICT',
    'expectedRevision',
    'Le prestataire a été modifié entre-temps : rechargez-le puis recommencez.',
    'The provider changed in the meantime: reload it and try again.',
  );

/** Loads the provider stream, decides, appends at the revision it decided on (as for cases). */
@CommandHandler(ExecuteProviderCommand)
export class ExecuteProviderCommandHandler implements ICommandHandler<ExecuteProviderCommand, ProviderWriteResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly policy: AccessPolicy,
  ) {}

  async execute(message: ExecuteProviderCommand): Promise<ProviderWriteResult> {
    const { actor, command, expectedRevision } = message;
    // Only administrators keep the provider register; everyone else is refused before anything is read.
    this.policy.assertAdmin(actor);
    if (message.providerId !== null && !isUuid(message.providerId)) throw providerNotFound();
    const providerId = message.providerId ?? randomUUID();
    const { last, position } = await decideAndAppend<ProviderState>({
      write: loadThenAppend(this.store, providerStream(providerId), () => loadProvider(this.store, providerId)),
      decide: (state, revision) => {
        if (expectedRevision !== undefined && expectedRevision !== revision) {
          if (!state.exists) throw providerNotFound();
          throw revisionConflict();
        }
        return decideProvider(command, state);
      },
      schemaVersion: PROVIDER_SCHEMA_VERSION,
      actor,
      correlationId: message.correlationId,
      retry: expectedRevision === undefined,
      conflict: revisionConflict,
    });
    return { id: providerId, streamId: last.streamId, revision: last.revision, recordedAt: last.metadata.recordedAt, hash: last.hash, position };
  }
}
