import { AccessPolicy, caseNotFound } from '@mc/access';
import { Actor, CaseState, RecordedCaseEvent, foldCase, isUuid } from '@mc/domain';
import { EventStore, StoredEvent, StreamNotFoundError } from '@mc/event-store/event-store.port';

export const caseStream = (caseId: string): string => `case-${caseId}`;

export interface LoadedCase {
  records: StoredEvent[];
  state: CaseState;
  /** Revision of the last event, null when the case does not exist. */
  revision: number | null;
}

/** Reads a case stream and folds it; an unknown case is an empty state, not an error. */
export async function loadCase(store: EventStore, caseId: string): Promise<LoadedCase> {
  let records: StoredEvent[] = [];
  try {
    records = await store.readStream(caseStream(caseId));
  } catch (e) {
    if (!(e instanceof StreamNotFoundError)) throw e;
  }
  const state = foldCase(records as unknown as RecordedCaseEvent[]);
  return { records, state, revision: records.length > 0 ? records[records.length - 1].revision : null };
}

export { isUuid };

/** Loads a case the actor may read, or answers "not found" exactly as for a case that does not exist. */
export async function loadReadableCase(store: EventStore, policy: AccessPolicy, actor: Actor, caseId: string): Promise<LoadedCase> {
  if (!isUuid(caseId)) throw caseNotFound();
  const loaded = await loadCase(store, caseId);
  policy.assertCanReadCase(actor, loaded.state);
  return loaded;
}
