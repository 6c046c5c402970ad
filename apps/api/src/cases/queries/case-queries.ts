import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy, CaseAccess, caseNotFound } from '@mc/access';
import { Actor, Clock, viewInstant } from '@mc/domain';
import { loadProvider } from '../../providers/provider-stream';
import { EVENT_STORE, EventStore, StoredEvent } from '@mc/event-store/event-store.port';
import {
  CaseChanges,
  CaseSummary,
  ProjectionRunner,
  Timeline,
  TimelineBasis,
  buildTimeline,
  changesBetween,
  recordedBy,
  requestRegister,
  outagesOf,
  type OutagesView,
  summarizeCase,
  type RequestRegister,
  type SqliteDatabase,
} from '@mc/projections';
import { CaseReader } from '../../journal/case-reader';
import { visibleCaseRows } from '../../journal/visible-cases';
import { CLOCK, READ_MODEL_DB } from '../../journal/journal.tokens';

export class ListCasesQuery extends Query<CaseListItem[]> {
  constructor(readonly actor: Actor) {
    super();
  }
}

export interface CaseListItem {
  id: string;
  streamId: string;
  title: string;
  status: string;
  openedAt: string;
  openedBy: { id: string; username: string };
  lastRecordedAt: string;
  revision: number;
  counts: { entries: number; corrections: number; retractions: number; evidence: number };
  /** What the caller may do: owner of the case, or the permissions shared with them. */
  access: CaseAccess;
}

@QueryHandler(ListCasesQuery)
export class ListCasesHandler implements IQueryHandler<ListCasesQuery, CaseListItem[]> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: SqliteDatabase,
    private readonly runner: ProjectionRunner,
    private readonly policy: AccessPolicy,
  ) {}

  async execute({ actor }: ListCasesQuery): Promise<CaseListItem[]> {
    // Read your writes: the list answers once it has caught up with everything stored so far.
    await this.runner.waitFor(await this.store.headPosition());
    return visibleCaseRows(this.db, this.policy, actor);
  }
}

export class GetCaseQuery extends Query<CaseSummary> {
  constructor(
    readonly actor: Actor,
    readonly caseId: string,
    readonly asOf?: string,
  ) {
    super();
  }
}

@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery, CaseSummary> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reader: CaseReader,
  ) {}

  async execute({ actor, caseId, asOf }: GetCaseQuery): Promise<CaseSummary> {
    const summary = summarizeCase((await this.reader.read(actor, caseId, 'summary', asOf)).records, asOf);
    if (!summary) throw caseNotFound();
    return summary;
  }
}

export class GetTimelineQuery extends Query<Timeline> {
  constructor(
    readonly actor: Actor,
    readonly caseId: string,
    readonly asOf: string | undefined,
    readonly basis: TimelineBasis,
  ) {
    super();
  }
}

@QueryHandler(GetTimelineQuery)
export class GetTimelineHandler implements IQueryHandler<GetTimelineQuery, Timeline> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reader: CaseReader,
  ) {}

  async execute({ actor, caseId, asOf, basis }: GetTimelineQuery): Promise<Timeline> {
    const { records } = await this.reader.read(actor, caseId, 'timeline', asOf ? `${basis} ${asOf}` : undefined);
    return buildTimeline(records, { asOf, basis });
  }
}

export class GetCaseEventsQuery extends Query<StoredEvent[]> {
  constructor(
    readonly actor: Actor,
    readonly caseId: string,
    readonly asOf?: string,
  ) {
    super();
  }
}

@QueryHandler(GetCaseEventsQuery)
export class GetCaseEventsHandler implements IQueryHandler<GetCaseEventsQuery, StoredEvent[]> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reader: CaseReader,
  ) {}

  async execute({ actor, caseId, asOf }: GetCaseEventsQuery): Promise<StoredEvent[]> {
    const { records } = await this.reader.read(actor, caseId, 'events', asOf);
    return recordedBy(records, asOf === undefined ? undefined : Date.parse(asOf));
  }
}

export class GetCaseChangesQuery extends Query<CaseChanges> {
  constructor(
    readonly actor: Actor,
    readonly caseId: string,
    readonly from?: string,
    readonly to?: string,
  ) {
    super();
  }
}

@QueryHandler(GetCaseChangesQuery)
export class GetCaseChangesHandler implements IQueryHandler<GetCaseChangesQuery, CaseChanges> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reader: CaseReader,
  ) {}

  async execute({ actor, caseId, from, to }: GetCaseChangesQuery): Promise<CaseChanges> {
    const { records } = await this.reader.read(actor, caseId, 'changes', `${from ?? ''}/${to ?? ''}`);
    return changesBetween(records, from, to);
  }
}

export class GetRequestRegisterQuery extends Query<RequestRegister> {
  constructor(
    readonly actor: Actor,
    readonly caseId: string,
    readonly asOf?: string,
  ) {
    super();
  }
}

/** The written requests with their legal deadlines, as of a date (default and latest: now). */
@QueryHandler(GetRequestRegisterQuery)
export class GetRequestRegisterHandler implements IQueryHandler<GetRequestRegisterQuery, RequestRegister> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly reader: CaseReader,
  ) {}

  async execute({ actor, caseId, asOf }: GetRequestRegisterQuery): Promise<RequestRegister> {
    const { records, state } = await this.reader.read(actor, caseId, 'requests', asOf);
    // A future asOf is now, as in the outages view and the dossier: the future has not happened yet.
    return requestRegister(records, viewInstant(asOf, this.clock.now()), { alsaceMoselle: state.alsaceMoselle });
  }
}

export class GetOutagesQuery extends Query<OutagesView> {
  constructor(
    readonly actor: Actor,
    readonly caseId: string,
    readonly asOf?: string,
  ) {
    super();
  }
}

/** Cut-offs with restorations, durations and breaches of the case provider's commitments and support hours in force when each began, as held at asOf. */
@QueryHandler(GetOutagesQuery)
export class GetOutagesHandler implements IQueryHandler<GetOutagesQuery, OutagesView> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly reader: CaseReader,
  ) {}

  async execute({ actor, caseId, asOf }: GetOutagesQuery): Promise<OutagesView> {
    const { records, state } = await this.reader.read(actor, caseId, 'outages', asOf);
    const asOfIso = viewInstant(asOf, this.clock.now());
    const providerId = state.providerId;
    const provider = providerId ? (await loadProvider(this.store, providerId)).state : null;
    const commitments = provider ? provider.commitmentHistory : [];
    const businessHours = provider ? provider.businessHoursHistory : [];
    return outagesOf(records, asOfIso, commitments, { alsaceMoselle: state.alsaceMoselle, businessHours });
  }
}

export const CaseQueryHandlers = [
  ListCasesHandler,
  GetCaseHandler,
  GetTimelineHandler,
  GetCaseEventsHandler,
  GetCaseChangesHandler,
  GetRequestRegisterHandler,
  GetOutagesHandler,
];
