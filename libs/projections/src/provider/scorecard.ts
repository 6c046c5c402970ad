import { CALENDAR_24X7, commitmentApplying, commitmentWindow, deadlineRule } from '@mc/domain';
import type { ContractCalendar, SlaRuleMetric } from '@mc/domain';
import type { StoredEvent } from '@mc/event-store/event-store.port';
import { instantOf } from '../case-view/case-stream';
import { ProviderBusinessHours, ProviderSlaCommitment, businessCalendarAt, outagesOf, wallClockMinutes } from '../case-view/outages';
import { DEADLINES_DISCLAIMER } from '../case-view/request-register';
import { TimelineEntry, buildTimeline } from '../case-view/timeline';
import { ScorecardPeriod, SpanShare } from './scorecard-period';

/**
 * The periodic written evaluation of a provider (DEADLINES.md "Provider scorecard"; seed checklist
 * fiche-relations-prestataires-it, point 4): interruptions and time to restore, incidents by
 * severity, SLA breaches per metric, operations without prior notice, requests to the provider
 * and how long answers took — over the cases given (those the reader may see), for facts dated
 * within [from, to]. Pure.
 *
 * Durations are about the period only (ScorecardPeriod): an outage, or an overrun of a
 * restoration or resolution commitment, that crosses a limit of the period counts for its minutes
 * inside it, in every period it touches; one still running is measured up to the end of the
 * period (or asOf). Times to restore are those of the outages that ended in the period, whole.
 *
 * Each outage, incident and provider action is measured against the commitment in force when it
 * began, on the support hours in force then, as the journal held them at asOf (@mc/domain
 * `commitmentApplying`, `businessHoursApplying`: the rule of the outages view and the dossier).
 * A contract amended during the period therefore gives one list of breaches per clause applied.
 */

export interface ScorecardCase {
  caseId: string;
  title: string;
  records: readonly StoredEvent[];
  alsaceMoselle?: boolean;
}

export interface MinutesSpread {
  count: number;
  median: number;
  max: number;
}

export interface ScorecardBreach {
  caseId: string;
  entryId: string;
  occurredAt: string;
  /** Restoration and resolution: the overrun's minutes within the period. Prior notice: the notice period not given. */
  breachMinutes: number;
  /** Restoration and resolution: the overrun began before the period. */
  beganBeforePeriod?: boolean;
  /** Restoration and resolution: the overrun was still running at the end of the period. */
  ongoingAtEnd?: boolean;
}

/** The breaches of one metric measured against one clause (a metric amended during the period has one per clause applied). */
export interface MetricBreaches {
  metric: SlaRuleMetric;
  ruleId: string;
  target: number;
  calendar: '24x7' | 'business_hours';
  source: string;
  /**
   * The facts this clause applies to, by the dates the journal recorded it and what replaced or
   * withdrew it (@mc/domain `commitmentWindow`): from `appliesFrom` (null: from the start, the
   * earliest clause known) until `appliesUntil` (exclusive; null: still in force).
   */
  appliesFrom: string | null;
  appliesUntil: string | null;
  /** The clause applies to the whole period: false when the period spans an amendment (or a withdrawal) of it. */
  wholePeriod: boolean;
  count: number;
  totalBreachMinutes: number;
  breaches: ScorecardBreach[];
}

export interface OperationWithoutNotice {
  caseId: string;
  entryId: string;
  occurredAt: string;
  kind: 'cut_off' | 'provider_action';
  /** The cut-off's resources or the provider action, for the reader. */
  what: string;
  description?: string;
}

export interface ScorecardCaseRow {
  caseId: string;
  title: string;
  interruptions: number;
  interruptionMinutes: number;
  incidents: number;
  breaches: number;
  withoutNotice: number;
  requests: number;
}

export interface ProviderScorecard {
  providerId: string;
  providerName: string;
  from: string | null;
  to: string;
  asOf: string;
  /** Durations stop here: the end of the period, or asOf if earlier. */
  measuredUntil: string;
  casesCounted: number;
  /**
   * Outages that were on during the period: `startedBefore` of them began before it, `ongoing`
   * were still on at its end; `totalMinutes` only counts their minutes within the period;
   * `timeToRestore` spreads the whole durations of those that ended in the period.
   */
  interruptions: { count: number; startedBefore: number; ongoing: number; totalMinutes: number; timeToRestore: MinutesSpread | null };
  incidents: { count: number; bySeverity: Record<string, number>; byCategory: Record<string, number> };
  slaBreaches: MetricBreaches[];
  withoutPriorNotice: OperationWithoutNotice[];
  requests: { count: number; answered: number; unanswered: number; answerTime: MinutesSpread | null };
  cases: ScorecardCaseRow[];
  disclaimer: { fr: string; en: string };
}

export interface ScorecardInput {
  providerId: string;
  providerName: string;
  /** The provider's commitments over time (`state.commitmentHistory`; undated ones count as known since always). */
  commitments: readonly ProviderSlaCommitment[];
  cases: readonly ScorecardCase[];
  /** Facts dated from (inclusive; null: from the start) up to `to` (inclusive). */
  from: string | null;
  to: string;
  /** The journal as it stood then, and time as it stood then (durations of what is still open run to it). */
  asOf: string;
  /** The contract's own support hours over time (`state.businessHoursHistory`; the seed contract's when none apply). */
  businessHours?: readonly ProviderBusinessHours[];
}

/** Incidents the provider answers for under its resolution commitments. */
const PROVIDER_INCIDENT_CATEGORIES = new Set(['outage', 'provider_action']);

export function spreadOf(values: readonly number[]): MinutesSpread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : Math.floor((sorted[mid - 1]! + sorted[mid]!) / 2);
  return { count: sorted.length, median, max: sorted[sorted.length - 1]! };
}

export function providerScorecard(input: ScorecardInput): ProviderScorecard {
  const period = new ScorecardPeriod(input.from, input.to, input.asOf);
  const inPeriod = (iso: string) => period.includes(iso);
  const applying = (metric: SlaRuleMetric, at: string) => commitmentApplying(input.commitments, metric, at, input.asOf);
  const breaches = new Map<ProviderSlaCommitment, MetricBreaches>();
  const addBreach = (commitment: ProviderSlaCommitment, ruleId: string, source: string, breach: ScorecardBreach) => {
    const entry = breaches.get(commitment) ?? clauseBreaches(commitment, ruleId, source, input.commitments, input.asOf, period);
    entry.count++;
    entry.totalBreachMinutes += breach.breachMinutes;
    entry.breaches.push(breach);
    breaches.set(commitment, entry);
  };

  const restoreMinutes: number[] = [];
  const answerMinutes: number[] = [];
  const withoutNotice: OperationWithoutNotice[] = [];
  const bySeverity: Record<string, number> = {};
  const byCategory: Record<string, number> = {};
  let interruptions = 0;
  let startedBefore = 0;
  let ongoing = 0;
  let totalMinutes = 0;
  let incidents = 0;
  let requests = 0;
  let answered = 0;
  const rows: ScorecardCaseRow[] = [];

  for (const c of input.cases) {
    const row: ScorecardCaseRow = {
      caseId: c.caseId,
      title: c.title,
      interruptions: 0,
      interruptionMinutes: 0,
      incidents: 0,
      breaches: 0,
      withoutNotice: 0,
      requests: 0,
    };
    const hours = { businessHours: input.businessHours, alsaceMoselle: c.alsaceMoselle === true };
    const calendarAt = (at: string) => businessCalendarAt(hours, at, input.asOf);

    for (const outage of outagesOf(c.records, input.asOf, input.commitments, hours).outages) {
      const share = period.wallClockShare(outage.occurredAt, outage.restoredAt);
      if (share === null) continue;
      interruptions++;
      row.interruptions++;
      totalMinutes += share.minutes;
      row.interruptionMinutes += share.minutes;
      if (share.beganBefore) startedBefore++;
      if (share.ongoingAtEnd) ongoing++;
      else restoreMinutes.push(outage.durationMinutes);
      // Each breach of the outages view is of the commitment applying to the cut-off (the same rule, the same inputs).
      for (const b of outage.slaBreaches) {
        if (b.metric !== 'service_restoration') continue;
        const commitment = applying(b.metric, outage.occurredAt)!;
        const overrun = period.overrunShare(
          outage.occurredAt,
          outage.restoredAt,
          b.target,
          b.calendar === '24x7' ? CALENDAR_24X7 : calendarAt(outage.occurredAt),
        );
        if (overrun === null) continue;
        addBreach(commitment, b.ruleId, b.source, { caseId: c.caseId, entryId: outage.cutOffEntryId, occurredAt: outage.occurredAt, ...breachShare(overrun) });
        row.breaches++;
      }
      // What follows is about the cut-off itself (its notice), a fact of the period it is dated in.
      if (!inPeriod(outage.occurredAt)) continue;
      if (outage.decidedBy === 'provider' && outage.priorNotice === 'none') {
        withoutNotice.push({
          caseId: c.caseId,
          entryId: outage.cutOffEntryId,
          occurredAt: outage.occurredAt,
          kind: 'cut_off',
          what: outage.resources.map((r) => r.label ?? r.kind).join(', '),
        });
        row.withoutNotice++;
      }
      for (const b of outage.slaBreaches) {
        if (b.metric === 'service_restoration') continue;
        addBreach(applying(b.metric, outage.occurredAt)!, b.ruleId, b.source, {
          caseId: c.caseId,
          entryId: outage.cutOffEntryId,
          occurredAt: outage.occurredAt,
          breachMinutes: b.breachMinutes,
        });
        row.breaches++;
      }
    }

    const timeline = buildTimeline(c.records, { asOf: input.asOf, basis: 'recorded' });
    const live = timeline.entries.filter((e) => e.retracted === null);
    for (const entry of live) {
      if (entry.type === 'IncidentReported' && inPeriod(entry.occurredAt)) {
        incidents++;
        row.incidents++;
        const severity = String(entry.data.severity);
        const category = String(entry.data.category);
        bySeverity[severity] = (bySeverity[severity] ?? 0) + 1;
        byCategory[category] = (byCategory[category] ?? 0) + 1;
      }
      // An incident reported earlier whose resolution overran into the period is a breach of this period too.
      if (entry.type === 'IncidentReported' && instantOf(entry.occurredAt) <= period.toMs) {
        const breach = incidentBreach(entry, applying, calendarAt(entry.occurredAt), period);
        if (breach) {
          addBreach(breach.commitment, breach.ruleId, breach.source, {
            caseId: c.caseId,
            entryId: entry.entryId,
            occurredAt: entry.occurredAt,
            ...breachShare(breach.overrun),
          });
          row.breaches++;
        }
      }
      if (entry.type === 'ProviderActionRecorded' && inPeriod(entry.occurredAt) && entry.data.notifiedBeforehand === false) {
        withoutNotice.push({
          caseId: c.caseId,
          entryId: entry.entryId,
          occurredAt: entry.occurredAt,
          kind: 'provider_action',
          what: String(entry.data.action),
          ...(typeof entry.data.description === 'string' ? { description: entry.data.description } : {}),
        });
        row.withoutNotice++;
        const notice = applying('prior_notice', entry.occurredAt);
        if (notice && notice.target > 0) {
          addBreach(notice, 'provider-prior-notice', notice.source ?? deadlineRule('provider-prior-notice').source, {
            caseId: c.caseId,
            entryId: entry.entryId,
            occurredAt: entry.occurredAt,
            breachMinutes: notice.target,
          });
          row.breaches++;
        }
      }
      if (entry.type === 'WrittenRequestSent' && entry.data.kind === 'provider_ticket' && inPeriod(entry.occurredAt)) {
        requests++;
        row.requests++;
        const first = firstAnswer(entry, live);
        if (first) {
          answered++;
          answerMinutes.push(wallClockMinutes(entry.occurredAt, first));
        }
      }
    }
    if (row.interruptions + row.incidents + row.breaches + row.withoutNotice + row.requests > 0) rows.push(row);
  }

  return {
    providerId: input.providerId,
    providerName: input.providerName,
    from: input.from,
    to: input.to,
    asOf: input.asOf,
    measuredUntil: period.measuredUntil,
    casesCounted: rows.length,
    interruptions: { count: interruptions, startedBefore, ongoing, totalMinutes, timeToRestore: spreadOf(restoreMinutes) },
    incidents: { count: incidents, bySeverity, byCategory },
    slaBreaches: [...breaches.values()].sort((a, b) => a.metric.localeCompare(b.metric) || startOf(a) - startOf(b)),
    withoutPriorNotice: withoutNotice.sort((a, b) => instantOf(a.occurredAt) - instantOf(b.occurredAt)),
    requests: { count: requests, answered, unanswered: requests - answered, answerTime: spreadOf(answerMinutes) },
    cases: rows,
    disclaimer: DEADLINES_DISCLAIMER,
  };
}

/** The breaches of one clause, none counted yet, with the facts it applies to. */
function clauseBreaches(
  commitment: ProviderSlaCommitment,
  ruleId: string,
  source: string,
  history: readonly ProviderSlaCommitment[],
  asOf: string,
  period: ScorecardPeriod,
): MetricBreaches {
  const { from, until } = commitmentWindow(history, commitment, asOf);
  const wholePeriod = (from === null || instantOf(from) <= period.fromMs) && (until === null || instantOf(until) > period.toMs);
  const { metric, target, calendar } = commitment;
  return { metric, ruleId, target, calendar, source, appliesFrom: from, appliesUntil: until, wholePeriod, count: 0, totalBreachMinutes: 0, breaches: [] };
}

/** Clauses of one metric in the order they applied. */
function startOf(clause: MetricBreaches): number {
  return clause.appliesFrom === null ? Number.NEGATIVE_INFINITY : instantOf(clause.appliesFrom);
}

/** The breach figures of an overrun's share of the period. */
function breachShare(overrun: SpanShare): Pick<ScorecardBreach, 'breachMinutes' | 'beganBeforePeriod' | 'ongoingAtEnd'> {
  return { breachMinutes: overrun.minutes, beganBeforePeriod: overrun.beganBefore, ongoingAtEnd: overrun.ongoingAtEnd };
}

/**
 * A provider incident (outage, provider action) whose resolution overran, within the period, the
 * commitment for its severity in force when it began (`applying`), on the business calendar of then.
 */
function incidentBreach(
  entry: TimelineEntry,
  applying: (metric: SlaRuleMetric, at: string) => ProviderSlaCommitment | null,
  businessCalendar: ContractCalendar,
  period: ScorecardPeriod,
): { commitment: ProviderSlaCommitment; ruleId: string; source: string; overrun: SpanShare } | null {
  if (!PROVIDER_INCIDENT_CATEGORIES.has(String(entry.data.category))) return null;
  const metric: SlaRuleMetric = entry.data.severity === 'blocking' ? 'resolution_blocking' : 'resolution_non_blocking';
  const commitment = applying(metric, entry.occurredAt);
  if (!commitment) return null;
  const endedAt = typeof entry.data.endedAt === 'string' ? entry.data.endedAt : null;
  const calendar = commitment.calendar === '24x7' ? CALENDAR_24X7 : businessCalendar;
  const overrun = period.overrunShare(entry.occurredAt, endedAt, commitment.target, calendar);
  if (overrun === null) return null;
  const ruleId = `provider-sla-${metric}` as const;
  return { commitment, ruleId, source: commitment.source ?? deadlineRule(ruleId).source, overrun };
}

/** When the first real answer (not a mere acknowledgement) to a request arrived, if any. */
function firstAnswer(request: TimelineEntry, live: readonly TimelineEntry[]): string | null {
  const times = live
    .filter((e) => e.type === 'ResponseReceived' && e.data.requestEntryId === request.entryId && e.data.outcome !== 'acknowledged')
    .map((e) => e.occurredAt)
    .sort((a, b) => instantOf(a) - instantOf(b));
  return times[0] ?? null;
}
