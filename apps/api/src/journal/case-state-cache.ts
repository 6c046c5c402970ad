import { CaseState, RecordedCaseEvent, evolveCase, initialCaseState } from '@mc/domain';
import { EventStore, StoredEvent, StreamNotFoundError } from '@mc/event-store/event-store.port';
import { caseStream } from './case-stream';

interface Folded {
  state: CaseState;
  revision: number;
}

/**
 * The folded state of recently written cases, so that a write reads only the events recorded
 * since the last one instead of the whole stream. The store is still asked every time, so a
 * write by another process (the CLI) is never missed; the expected revision of the append
 * catches anything that lands in between.
 */
export class CaseStateCache {
  private readonly folded = new Map<string, Folded>();

  constructor(
    private readonly store: EventStore,
    private readonly capacity = 1000,
  ) {}

  async load(caseId: string): Promise<{ state: CaseState; revision: number | null }> {
    const known = this.folded.get(caseId);
    let records: StoredEvent[];
    try {
      records = await this.store.readStream(caseStream(caseId), { fromRevision: known ? known.revision + 1 : 0 });
    } catch (e) {
      if (!(e instanceof StreamNotFoundError)) throw e;
      return { state: initialCaseState(), revision: null };
    }
    // Another load may have folded some of these while we awaited: apply each revision once.
    const current = this.folded.get(caseId) ?? { state: initialCaseState(), revision: -1 };
    for (const record of records) {
      if (record.revision === current.revision + 1) {
        evolveCase(current.state, record as unknown as RecordedCaseEvent);
        current.revision = record.revision;
      }
    }
    this.remember(caseId, current);
    return current.revision < 0 ? { state: current.state, revision: null } : { state: current.state, revision: current.revision };
  }

  private remember(caseId: string, folded: Folded): void {
    this.folded.delete(caseId);
    this.folded.set(caseId, folded);
    if (this.folded.size > this.capacity) this.folded.delete(this.folded.keys().next().value as string);
  }
}
