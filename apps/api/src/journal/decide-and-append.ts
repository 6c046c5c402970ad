import { randomUUID } from 'node:crypto';
import { Actor, recordedActor } from '@mc/domain';
import { AppendResult, EventStore, EventToAppend, NO_STREAM, StoredEvent, WrongExpectedRevisionError } from '@mc/event-store/event-store.port';
import { newEventId } from '@mc/event-store/event-id';

/** Concurrent writers to one stream: decide again this many times on a conflict, then give up. */
export const MAX_APPEND_ATTEMPTS = 8;

/** Decides on a stream's current state and appends the events decided, at the revision decided on. */
export type StreamWrite<S> = (decide: (state: S, revision: number | null) => EventToAppend[]) => Promise<AppendResult>;

/** The plain way: read the stream's state, decide, append with the revision read. */
export function loadThenAppend<S>(store: EventStore, streamId: string, load: () => Promise<{ state: S; revision: number | null }>): StreamWrite<S> {
  return async (decide) => {
    const { state, revision } = await load();
    return store.append(streamId, decide(state, revision), revision ?? NO_STREAM);
  };
}

export interface DecideAndAppend<S> {
  /** How the stream is read and written (loadThenAppend, or a case's write pipeline). */
  write: StreamWrite<S>;
  /** Checks rights and the client's expected revision, then decides; throws to refuse. */
  decide: (state: S, revision: number | null) => { type: string; data: unknown }[];
  schemaVersion: number;
  actor: Actor;
  correlationId: string;
  /** False when the client named the revision it expected: a conflict is then its answer. */
  retry: boolean;
  /** The error a lost race becomes (409 with a sentence fitting the stream). */
  conflict: () => Error;
}

/**
 * The shell every write shares: decide on the current state, append at the revision decided on.
 * If another writer got in first the store refuses the append (never a fork) and we decide again.
 */
export async function decideAndAppend<S>(w: DecideAndAppend<S>): Promise<{ last: StoredEvent; position: number }> {
  const causationId = randomUUID();
  const metadata = { schemaVersion: w.schemaVersion, actor: recordedActor(w.actor), correlationId: w.correlationId, causationId };
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await w.write((state, revision) =>
        w.decide(state, revision).map((e) => ({ eventId: newEventId(), type: e.type, data: e.data as Record<string, unknown>, metadata })),
      );
      return { last: result.records[result.records.length - 1], position: result.position };
    } catch (e) {
      if (!(e instanceof WrongExpectedRevisionError)) throw e;
      if (!w.retry || attempt >= MAX_APPEND_ATTEMPTS) throw w.conflict();
      await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
    }
  }
}
