import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy, Accounts } from '@mc/access';
import { Actor, Clock, auditStream, viewInstant } from '@mc/domain';
import { EVENT_STORE, EventStore, StoredEvent, StreamNotFoundError } from '@mc/event-store/event-store.port';
import { AccessOnDate, AuditEntry, GrantView, accessOnDate, auditTrail, grantsOf } from '@mc/projections';
import { LoadedCase, loadReadableCase } from '../journal/case-stream';
import { CLOCK } from '../journal/journal.tokens';

/** Loads a case for its owner only: others who may read it get 403, the rest 404. */
async function loadForOwner(store: EventStore, policy: AccessPolicy, actor: Actor, caseId: string): Promise<LoadedCase> {
  const loaded = await loadReadableCase(store, policy, actor, caseId);
  policy.assertOwner(actor, loaded.state);
  return loaded;
}

export type GrantWithLabel = GrantView & { grantee: GrantView['grantee'] & { label: string } };

export class ListSharesQuery extends Query<GrantWithLabel[]> {
  constructor(
    readonly actor: Actor,
    readonly caseId: string,
  ) {
    super();
  }
}

@QueryHandler(ListSharesQuery)
export class ListSharesHandler implements IQueryHandler<ListSharesQuery, GrantWithLabel[]> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly policy: AccessPolicy,
    private readonly accounts: Accounts,
  ) {}

  async execute({ actor, caseId }: ListSharesQuery): Promise<GrantWithLabel[]> {
    const { records } = await loadForOwner(this.store, this.policy, actor, caseId);
    return Promise.all(
      grantsOf(records).map(async (g) => {
        // A user is shown by username; a group by its own name (union:CGT, management).
        const label = g.grantee.kind === 'user' ? ((await this.accounts.findById(g.grantee.id))?.view.username ?? g.grantee.id) : g.grantee.id;
        return { ...g, grantee: { ...g.grantee, label } };
      }),
    );
  }
}

export class GetAuditTrailQuery extends Query<{ caseId: string; entries: AuditEntry[] }> {
  constructor(
    readonly actor: Actor,
    readonly caseId: string,
  ) {
    super();
  }
}

@QueryHandler(GetAuditTrailQuery)
export class GetAuditTrailHandler implements IQueryHandler<GetAuditTrailQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly policy: AccessPolicy,
  ) {}

  async execute({ actor, caseId }: GetAuditTrailQuery) {
    const { records } = await loadForOwner(this.store, this.policy, actor, caseId);
    let reads: StoredEvent[] = [];
    try {
      reads = await this.store.readStream(auditStream(caseId));
    } catch (e) {
      if (!(e instanceof StreamNotFoundError)) throw e;
    }
    return { caseId, entries: auditTrail(records, reads) };
  }
}

export class GetAccessOnDateQuery extends Query<AccessOnDate> {
  constructor(
    readonly actor: Actor,
    readonly caseId: string,
    readonly asOf?: string,
  ) {
    super();
  }
}

/** Who could see the case on a date, answered from the events alone. */
@QueryHandler(GetAccessOnDateQuery)
export class GetAccessOnDateHandler implements IQueryHandler<GetAccessOnDateQuery, AccessOnDate> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly policy: AccessPolicy,
  ) {}

  async execute({ actor, caseId, asOf }: GetAccessOnDateQuery): Promise<AccessOnDate> {
    const { records } = await loadForOwner(this.store, this.policy, actor, caseId);
    // The instant used, echoed as the other views echo it: now when none is given, never later than now.
    return accessOnDate(caseId, records, viewInstant(asOf, this.clock.now()));
  }
}

export const SharingQueryHandlers = [ListSharesHandler, GetAuditTrailHandler, GetAccessOnDateHandler];
