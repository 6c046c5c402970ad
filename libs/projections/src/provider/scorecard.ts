import { CALENDAR_24X7, deadlineRule, providerBusinessCalendar } from '@mc/domain';
import type { BusinessHoursDefinedData, ContractCalendar, SlaRuleMetric } from '@mc/domain';
import type { StoredEvent } from '@mc/event-store/event-store.port';
import { instantOf } from '../case-view/case-stream';
import { ProviderSlaCommitment, defaultBusinessCalendar, outagesOf, wallClockMinutes } from '../case-view/outages';
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

export interface MetricBreaches {
  metric: SlaRuleMetric;
  ruleId: string;
  target: number;
  calendar: '24x7' | 'business_hours';
  source: string;
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
  commitments: readonly ProviderSlaCommitment[];
  cases: readonly ScorecardCase[];
  /** Facts dated from (inclusive; null: from the start) up to `to` (inclusive). */
  from: string | null;
  to: string;
  /** The journal as it stood then, and time as it stood then (durations of what is still open run to it). */
  asOf: string;
  /** The contract's own support hours, if defined (the seed contract's otherwise). */
  businessHours?: BusinessHoursDefinedData | null;
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
  const commitments = new Map<SlaRuleMetric, ProviderSlaCommitment>();
  for (const c of input.commitments) commitments.set(c.metric, c);
  const breaches = new Map<SlaRuleMetric, MetricBreaches>();
  const addBreach = (metric: SlaRuleMetric, ruleId: string, source: string, breach: ScorecardBreach) => {
    const c = commitments.get(metric)!;
    const entry = breaches.get(metric) ?? { metric, ruleId, target: c.target, calendar: c.calendar, source, count: 0, totalBreachMinutes: 0, breaches: [] };
    entry.count++;
    entry.totalBreachMinutes += breach.breachMinutes;
    entry.breaches.push(breach);
    breaches.set(metric, entry);
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
    const calendar = providerBusinessCalendar(input.businessHours ?? null, c.alsaceMoselle === true) ?? defaultBusinessCalendar(c.alsaceMoselle === true);

    for (const outage of outagesOf(c.records, input.asOf, input.commitments, { businessCalendar: calendar }).outages) {
      const share = period.wallClockShare(outage.occurredAt, outage.restoredAt);
      if (share === null) continue;
      interruptions++;
      row.interruptions++;
      totalMinutes += share.minutes;
      row.interruptionMinutes += share.minutes;
      if (share.beganBefore) startedBefore++;
      if (share.ongoingAtEnd) ongoing++;
      else restoreMinutes.push(outage.durationMinutes);
      for (const b of outage.slaBreaches) {
        if (b.metric !== 'service_restoration') continue;
        const overrun = period.overrunShare(outage.occurredAt, outage.restoredAt, b.target, b.calendar === '24x7' ? CALENDAR_24X7 : calendar);
        if (overrun === null) continue;
        addBreach(b.metric, b.ruleId, b.source, { caseId: c.caseId, entryId: outage.cutOffEntryId, occurredAt: outage.occurredAt, ...breachShare(overrun) });
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
        addBreach(b.metric, b.ruleId, b.source, {
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
        const breach = incidentBreach(entry, commitments, calendar, period);
        if (breach) {
          addBreach(breach.metric, breach.ruleId, breach.source, {
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
        const notice = commitments.get('prior_notice');
        if (notice && notice.target > 0) {
          addBreach('prior_notice', 'provider-prior-notice', notice.source ?? deadlineRule('provider-prior-notice').source, {
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
    slaBreaches: [...breaches.values()].sort((a, b) => a.metric.localeCompare(b.metric)),
    withoutPriorNotice: withoutNotice.sort((a, b) => instantOf(a.occurredAt) - instantOf(b.occurredAt)),
    requests: { count: requests, answered, unanswered: requests - answered, answerTime: spreadOf(answerMinutes) },
    cases: rows,
    disclaimer: DEADLINES_DISCLAIMER,
  };
}

/** The breach figures of an overrun's share of the period. */
function breachShare(overrun: SpanShare): Pick<ScorecardBreach, 'breachMinutes' | 'beganBeforePeriod' | 'ongoingAtEnd'> {
  return { breachMinutes: overrun.minutes, beganBeforePeriod: overrun.beganBefore, ongoingAtEnd: overrun.ongoingAtEnd };
}

/** A provider incident (outage, provider action) whose resolution overran the commitment for its severity within the period. */
function incidentBreach(
  entry: TimelineEntry,
  commitments: ReadonlyMap<SlaRuleMetric, ProviderSlaCommitment>,
  businessCalendar: ContractCalendar,
  period: ScorecardPeriod,
): { metric: SlaRuleMetric; ruleId: string; source: string; overrun: SpanShare } | null {
  if (!PROVIDER_INCIDENT_CATEGORIES.has(String(entry.data.category))) return null;
  const metric: SlaRuleMetric = entry.data.severity === 'blocking' ? 'resolution_blocking' : 'resolution_non_blocking';
  const commitment = commitments.get(metric);
  if (!commitment) return null;
  const endedAt = typeof entry.data.endedAt === 'string' ? entry.data.endedAt : null;
  const calendar = commitment.calendar === '24x7' ? CALENDAR_24X7 : businessCalendar;
  const overrun = period.overrunShare(entry.occurredAt, endedAt, commitment.target, calendar);
  if (overrun === null) return null;
  const ruleId = `provider-sla-${metric}` as const;
  return { metric, ruleId, source: commitment.source ?? deadlineRule(ruleId).source, overrun };
}

/** When the first real answer (not a mere acknowledgement) to a request arrived, if any. */
function firstAnswer(request: TimelineEntry, live: readonly TimelineEntry[]): string | null {
  const times = live
    .filter((e) => e.type === 'ResponseReceived' && e.data.requestEntryId === request.entryId && e.data.outcome !== 'acknowledged')
    .map((e) => e.occurredAt)
    .sort((a, b) => instantOf(a) - instantOf(b));
  return times[0] ?? null;
}
