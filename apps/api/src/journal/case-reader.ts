import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AccessPolicy } from '@mc/access';
import { AUDIT_SCHEMA_VERSION, Actor, CaseState, ReadPurpose, auditStream, recordedActor } from '@mc/domain';
import { ANY_REVISION, EVENT_STORE, EventStore } from '@mc/event-store/event-store.port';
import { LoadedCase, loadReadableCase } from './case-stream';
import { newEventId } from '@mc/event-store/event-id';

/**
 * The way every query reads a case: it loads the case, asks the policy, and records the read in
 * the case's audit stream when the reader is not its owner, before anything is answered. If the
 * read cannot be recorded it is not served (an unrecorded read would break the owner's trail).
 */
@Injectable()
export class CaseReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly policy: AccessPolicy,
  ) {}

  async read(actor: Actor, caseId: string, what: ReadPurpose, detail?: string): Promise<LoadedCase> {
    const loaded = await loadReadableCase(this.store, this.policy, actor, caseId);
    await this.recordRead(actor, caseId, loaded.state, what, detail);
    return loaded;
  }

  /** Records a read of a case already loaded and checked (nothing when the reader owns it). */
  async recordRead(actor: Actor, caseId: string, state: CaseState, what: ReadPurpose, detail?: string, correlationId: string = randomUUID()): Promise<void> {
    if (!this.policy.accessTo(actor, state).owner) {
      await this.store.append(
        auditStream(caseId),
        [
          {
            eventId: newEventId(),
            type: 'CaseContentRead',
            data: { caseId, what, ...(detail ? { detail } : {}) },
            metadata: { schemaVersion: AUDIT_SCHEMA_VERSION, actor: recordedActor(actor), correlationId, causationId: randomUUID() },
          },
        ],
        ANY_REVISION,
      );
    }
  }

  /** For checks that reveal nothing to the caller (validating a correction before writing it). */
  check(actor: Actor, caseId: string): Promise<LoadedCase> {
    return loadReadableCase(this.store, this.policy, actor, caseId);
  }
}
