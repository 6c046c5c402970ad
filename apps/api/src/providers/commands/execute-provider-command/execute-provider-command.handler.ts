import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '@mc/access';
import { DomainError } from '@mc/domain';
import { PROVIDER_SCHEMA_VERSION, decideProvider, providerStream } from '@mc/domain/provider/provider';
import { EVENT_STORE, EventStore, NO_STREAM, WrongExpectedRevisionError } from '@mc/event-store/event-store.port';
import { isUuid } from '../../../journal/case-stream';
import { loadProvider, providerNotFound } from '../../provider-stream';
import { ExecuteProviderCommand, ProviderWriteResult } from './execute-provider-command.command';

/** Two admins editing one provider: retry on a revision conflict this many times, then answer 409. */
export const MAX_PROVIDER_APPEND_ATTEMPTS = 8;

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
    const causationId = randomUUID();

    for (let attempt = 1; ; attempt++) {
      const { state, revision } = await loadProvider(this.store, providerId);
      if (expectedRevision !== undefined && expectedRevision !== revision) {
        if (!state.exists) throw providerNotFound();
        throw revisionConflict();
      }
      const events = decideProvider(command, state);
      try {
        const result = await this.store.append(
          providerStream(providerId),
          events.map((e) => ({
            eventId: randomUUID(),
            type: e.type,
            data: e.data as unknown as Record<string, unknown>,
            metadata: { schemaVersion: PROVIDER_SCHEMA_VERSION, actor, correlationId: message.correlationId, causationId },
          })),
          revision ?? NO_STREAM,
        );
        const last = result.records[result.records.length - 1];
        return {
          id: providerId,
          streamId: last.streamId,
          revision: last.revision,
          recordedAt: last.metadata.recordedAt,
          hash: last.hash,
          position: result.position,
        };
      } catch (e) {
        if (!(e instanceof WrongExpectedRevisionError)) throw e;
        if (expectedRevision !== undefined || attempt >= MAX_PROVIDER_APPEND_ATTEMPTS) throw revisionConflict();
        await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
      }
    }
  }
}
