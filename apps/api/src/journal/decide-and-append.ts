import { randomUUID } from 'node:crypto';
import { Actor, recordedActor } from '@mc/domain';
import { EventStore, NO_STREAM, StoredEvent, WrongExpectedRevisionError } from '@mc/event-store/event-store.port';

/** Concurrent writers to one stream: decide again this many times on a conflict, then give up. */
export const MAX_APPEND_ATTEMPTS = 8;

export interface DecideAndAppend<S> {
  streamId: string;
  /** The stream's current state and revision (null when it does not exist). */
  load: () => Promise<{ state: S; revision: number | null }>;
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
 * The shell every write shares: load, decide, append at the revision decided on. If another
 * writer got in first the store refuses the append (never a fork) and we decide again.
 */
export async function decideAndAppend<S>(store: EventStore, w: DecideAndAppend<S>): Promise<{ last: StoredEvent; position: number }> {
  const causationId = randomUUID();
  for (let attempt = 1; ; attempt++) {
    const { state, revision } = await w.load();
    const events = w.decide(state, revision);
    try {
      const result = await store.append(
        w.streamId,
        events.map((e) => ({
          eventId: randomUUID(),
          type: e.type,
          data: e.data as Record<string, unknown>,
          metadata: { schemaVersion: w.schemaVersion, actor: recordedActor(w.actor), correlationId: w.correlationId, causationId },
        })),
        revision ?? NO_STREAM,
      );
      return { last: result.records[result.records.length - 1], position: result.position };
    } catch (e) {
      if (!(e instanceof WrongExpectedRevisionError)) throw e;
      if (!w.retry || attempt >= MAX_APPEND_ATTEMPTS) throw w.conflict();
      await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
    }
  }
}
