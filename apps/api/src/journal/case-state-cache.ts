import { CaseState, RecordedCaseEvent, evolveCase, initialCaseState } from '@mc/domain';
import { AppendResult, EventStore, EventToAppend, NO_STREAM, StoredEvent, StreamNotFoundError } from '@mc/event-store/event-store.port';
import { caseStream } from './case-stream';

interface Folded {
  state: CaseState;
  /** Revision of the last event folded in: stored, or queued and not yet committed. */
  revision: number;
}

/**
 * The folded state of recently written cases, and the way every write to a case goes.
 *
 * Writes to one case take turns to decide: each decides on the state that includes the events
 * queued before it (not yet committed), queues its own append at the next revision, and folds its
 * events in before the next writer decides. Concurrent writers to one case thus land in the same
 * group commit instead of losing the race to each other. The store's expected-revision check
 * stays the guard: if anything else got in (another process, an append that failed), the append
 * is refused, the folded state is dropped, and the next attempt reads the stream again.
 */
export class CaseStateCache {
  private readonly folded = new Map<string, Folded>();
  /** The turn of each case being written: resolves when the current writer has queued its append. */
  private readonly turns = new Map<string, Promise<void>>();
  /** The last append queued for each case, until it is stored or refused (appends to a case are stored in order). */
  private readonly lastAppend = new Map<string, Promise<void>>();

  constructor(
    private readonly store: EventStore,
    private readonly capacity = 1000,
  ) {}

  /** The case as last folded, after reading what the store holds beyond it. */
  async load(caseId: string): Promise<{ state: CaseState; revision: number | null }> {
    const current = await this.refresh(caseId, this.folded.get(caseId));
    return current.revision < 0 ? { state: current.state, revision: null } : { state: current.state, revision: current.revision };
  }

  /** Decides on the case's state in turn and appends; resolves once the events are durably stored. */
  async write(caseId: string, decide: (state: CaseState, revision: number | null) => EventToAppend[]): Promise<AppendResult> {
    const previous = this.turns.get(caseId) ?? Promise.resolve();
    let done!: () => void;
    const turn = new Promise<void>((resolve) => (done = resolve));
    const queued = previous.then(() => turn);
    this.turns.set(caseId, queued);
    let appended: Promise<AppendResult>;
    try {
      await previous;
      // A folded state is trusted as is (the append's revision check catches a stale one); only a
      // case not in memory is read.
      const current = this.folded.get(caseId) ?? (await this.refresh(caseId, undefined));
      const revision = current.revision < 0 ? null : current.revision;
      const events = decide(current.state, revision);
      appended = this.store.append(caseStream(caseId), events, revision ?? NO_STREAM);
      this.track(caseId, appended);
      // Fold the queued events now, so that the next writer decides after them. recordedAt is
      // provisional here: the state's dates are not used to decide, and the stored ones are read
      // back on any reload.
      const recordedAt = new Date().toISOString();
      for (const event of events)
        evolveCase(current.state, { type: event.type, data: event.data, metadata: { actor: event.metadata.actor, recordedAt } } as RecordedCaseEvent);
      current.revision += events.length;
      this.remember(caseId, current);
    } finally {
      done();
      if (this.turns.get(caseId) === queued) this.turns.delete(caseId);
    }
    try {
      return await appended;
    } catch (error) {
      // The folded state ran ahead of the store: forget it, the next write reads the stream.
      this.folded.delete(caseId);
      throw error;
    }
  }

  /**
   * Resolves once every append to the case queued so far is stored or refused. The store stamps
   * recordedAt when it seals a batch, a moment before the batch is committed and readable: a read
   * that must hold every event recorded up to an instant (a bundle as of now) waits for this first.
   */
  async settled(caseId: string): Promise<void> {
    await this.lastAppend.get(caseId);
  }

  private track(caseId: string, appended: Promise<AppendResult>): void {
    const stored = appended.then(
      () => undefined,
      () => undefined,
    );
    this.lastAppend.set(caseId, stored);
    void stored.then(() => {
      if (this.lastAppend.get(caseId) === stored) this.lastAppend.delete(caseId);
    });
  }

  private async refresh(caseId: string, known: Folded | undefined): Promise<Folded> {
    let records: StoredEvent[];
    try {
      records = await this.store.readStream(caseStream(caseId), { fromRevision: known ? known.revision + 1 : 0 });
    } catch (e) {
      if (!(e instanceof StreamNotFoundError)) throw e;
      records = [];
    }
    // Another load may have folded some of these while we awaited: apply each revision once.
    const current = this.folded.get(caseId) ?? { state: initialCaseState(), revision: -1 };
    for (const record of records) {
      if (record.revision === current.revision + 1) {
        evolveCase(current.state, record as unknown as RecordedCaseEvent);
        current.revision = record.revision;
      }
    }
    if (current.revision >= 0) this.remember(caseId, current);
    return current;
  }

  private remember(caseId: string, folded: Folded): void {
    this.folded.delete(caseId);
    this.folded.set(caseId, folded);
    if (this.folded.size > this.capacity) this.folded.delete(this.folded.keys().next().value as string);
  }
}
