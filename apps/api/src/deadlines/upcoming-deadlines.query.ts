import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '@mc/access';
import { Actor, Clock, ComputedDeadline } from '@mc/domain';
import { EVENT_STORE, EventStore } from '@mc/event-store/event-store.port';
import { DEADLINES_DISCLAIMER, ProjectionRunner, requestRegister, type SqliteDatabase } from '@mc/projections';
import { CaseReader } from '../journal/case-reader';
import { visibleCaseRows } from '../journal/visible-cases';
import { CLOCK, READ_MODEL_DB } from '../journal/journal.tokens';

export interface UpcomingDeadline {
  caseId: string;
  caseTitle: string;
  requestEntryId: string;
  subject: string;
  to: string;
  /** What falls due: the answer to the request, or the last day of the next step (tribunal, CADA). */
  what: 'answer' | 'next_step';
  ruleId: string;
  source: string;
  consequence: { fr: string; en: string };
  at: string;
  date: ComputedDeadline['date'];
  ambiguous: boolean;
}

export class UpcomingDeadlinesQuery extends Query<{ from: string; to: string; deadlines: UpcomingDeadline[]; disclaimer: typeof DEADLINES_DISCLAIMER }> {
  constructor(
    readonly actor: Actor,
    readonly withinDays: number,
  ) {
    super();
  }
}

/** Every deadline of the caller's cases that falls between now and now + N days, soonest first. */
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
      for (const request of requestRegister(records, now.toISOString(), { alsaceMoselle: state.alsaceMoselle }).requests) {
        const candidates: [UpcomingDeadline['what'], ComputedDeadline | null][] = [
          ['answer', request.deadlines.due],
          ['next_step', request.deadlines.appeal],
        ];
        for (const [what, deadline] of candidates) {
          if (!deadline) continue;
          const at = Date.parse(deadline.at);
          if (at < now.getTime() || at > until.getTime()) continue;
          deadlines.push({
            caseId: row.id,
            caseTitle: row.title,
            requestEntryId: request.entryId,
            subject: request.subject,
            to: request.to,
            what,
            ruleId: deadline.ruleId,
            source: deadline.source,
            consequence: deadline.consequence,
            at: deadline.at,
            date: deadline.date,
            ambiguous: deadline.ambiguity !== null,
          });
        }
      }
    }
    deadlines.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    return { from: now.toISOString(), to: until.toISOString(), deadlines, disclaimer: DEADLINES_DISCLAIMER };
  }
}
