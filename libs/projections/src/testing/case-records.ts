import type { Actor } from '@mc/domain';
import type { StoredEvent } from '@mc/event-store/event-store.port';

/**
 * Test helper: hand-built records of one case stream. Hashes are dummy strings (projections do
 * not check the chain); revisions and prevHash follow the store's numbering.
 */
export class CaseRecords {
  readonly records: StoredEvent[] = [];

  constructor(
    readonly caseId: string,
    private readonly defaultActor: Actor,
  ) {}

  get streamId(): string {
    return `case-${this.caseId}`;
  }

  add(type: string, data: Record<string, unknown>, recordedAt: string, actor: Actor = this.defaultActor): StoredEvent {
    const revision = this.records.length;
    const record: StoredEvent = {
      streamId: this.streamId,
      revision,
      eventId: `${this.caseId.slice(0, 8)}-event-${revision}`,
      type,
      data,
      metadata: { schemaVersion: 1, recordedAt, actor, correlationId: `corr-${revision}`, causationId: `cause-${revision}` },
      prevHash: revision === 0 ? '0'.repeat(64) : `hash-${revision - 1}`,
      hash: `hash-${revision}`,
    };
    this.records.push(record);
    return record;
  }
}
