import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '@mc/access';
import { Actor, Clock, ComputedDeadline, DateAmbiguity } from '@mc/domain';
import { EVENT_STORE, EventStore } from '@mc/event-store/event-store.port';
import { DEADLINES_DISCLAIMER, ProjectionRunner, RunningDeadline, requestRegister, runningDeadlines, type SqliteDatabase } from '@mc/projections';
import { CaseReader } from '../journal/case-reader';
import { visibleCaseRows } from '../journal/visible-cases';
import { CLOCK, READ_MODEL_DB } from '../journal/journal.tokens';

export interface UpcomingDeadline {
  caseId: string;
  caseTitle: string;
  /** The request, or the data-protection incident of a breach notification. */
  entryId: string;
  /** The request's entry id; null for a breach notification. */
  requestEntryId: string | null;
  /** The request's subject, or the incident's title. */
  subject: string;
  to: string;
  /**
   * What falls due: the answer to a request (while no response has stopped its clock), the last
   * day of the next step (tribunal, CADA), or the notification of a data breach to the CNIL.
   */
  what: RunningDeadline['what'];
  ruleId: string;
  source: string;
  consequence: { fr: string; en: string };
  at: string;
  date: ComputedDeadline['date'];
  ambiguous: boolean;
  /** The other reading when the law leaves a doubt (the date shown is the earlier one). */
  ambiguity: DateAmbiguity | null;
}

export class UpcomingDeadlinesQuery extends Query<{ from: string; to: string; deadlines: UpcomingDeadline[]; disclaimer: typeof DEADLINES_DISCLAIMER }> {
  constructor(
    readonly actor: Actor,
    readonly withinDays: number,
  ) {
    super();
  }
}

/** Every deadline of the caller's cases that still runs and falls between now and now + N days, soonest first. */
@QueryHandler(UpcomingDeadlinesQuery)
export class UpcomingDeadlinesHandler implements IQueryHandler<UpcomingDeadlinesQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: SqliteDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly runner: ProjectionRunner,
    private readonly policy: AccessPolicy,
    private readonly reader: CaseReader,
  ) {}

  async execute({ actor, withinDays }: UpcomingDeadlinesQuery) {
    await this.runner.waitFor(await this.store.headPosition());
    const now = this.clock.now();
    const until = new Date(now.getTime() + withinDays * 24 * 60 * 60 * 1000);
    const deadlines: UpcomingDeadline[] = [];
    for (const row of visibleCaseRows(this.db, this.policy, actor)) {
      const { records, state } = await this.reader.read(actor, row.id, 'deadlines');
      const register = requestRegister(records, now.toISOString(), { alsaceMoselle: state.alsaceMoselle });
      for (const { entryId, what, subject, to, deadline } of runningDeadlines(register)) {
        const at = Date.parse(deadline.at);
        if (at < now.getTime() || at > until.getTime()) continue;
        deadlines.push({
          caseId: row.id,
          caseTitle: row.title,
          entryId,
          requestEntryId: what === 'breach_notification' ? null : entryId,
          subject,
          to,
          what,
          ruleId: deadline.ruleId,
          source: deadline.source,
          consequence: deadline.consequence,
          at: deadline.at,
          date: deadline.date,
          ambiguous: deadline.ambiguity !== null,
          ambiguity: deadline.ambiguity,
        });
      }
    }
    deadlines.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    return { from: now.toISOString(), to: until.toISOString(), deadlines, disclaimer: DEADLINES_DISCLAIMER };
  }
}
