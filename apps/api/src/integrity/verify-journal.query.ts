import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '@mc/access';
import type { Actor } from '@mc/domain';
import { ChainFailure, ChainVerifier } from '@mc/event-store/hash-chain';
import { EVENT_STORE, EventStore } from '@mc/event-store/event-store.port';

export interface JournalVerification {
  ok: boolean;
  streams: number;
  events: number;
  firstFailure?: ChainFailure;
}

export class VerifyJournalQuery extends Query<JournalVerification> {
  constructor(readonly actor: Actor) {
    super();
  }
}

const PAGE = 5000;

/** Walks every stream of the journal in commit order and reports the first broken link. */
@QueryHandler(VerifyJournalQuery)
export class VerifyJournalHandler implements IQueryHandler<VerifyJournalQuery, JournalVerification> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly policy: AccessPolicy,
  ) {}

  async execute({ actor }: VerifyJournalQuery): Promise<JournalVerification> {
    this.policy.assertAdmin(actor);
    return verifyJournal(this.store);
  }
}

export async function verifyJournal(store: EventStore): Promise<JournalVerification> {
  if (store.verifyChain) {
    const { events, streams, failure } = await store.verifyChain();
    return failure ? { ok: false, streams, events, firstFailure: failure } : { ok: true, streams, events };
  }
  const verifier = new ChainVerifier();
  let streams = 0;
  let events = 0;
  for (let after = 0; ;) {
    const page = await store.readAll({ after, maxCount: PAGE });
    if (page.length === 0) return { ok: true, streams, events };
    for (const { record } of page) {
      if (!verifier.head(record.streamId)) streams++;
      events++;
      const failure = verifier.check(record);
      if (failure) return { ok: false, streams, events, firstFailure: failure };
    }
    after = page[page.length - 1].position;
  }
}
