import {
  CALENDAR_24X7,
  MINUTE_MS,
  SEED_CONTRACT_SUPPORT_HOURS,
  SEED_CONTRACT_SUPPORT_HOURS_ALSACE_MOSELLE,
  assessSla,
  businessHoursApplying,
  businessMinutesBetween,
  commitmentApplying,
  deadlineRule,
  everythingRestored,
  formatInstant,
  providerBusinessCalendar,
  resourceList,
  toEpochMs,
} from '@mc/domain';
import type { BusinessHoursDefinedData, ContractCalendar, DeadlineText, DecidedBy, PriorNotice, Resource, SlaRuleMetric } from '@mc/domain';
import type { StoredEvent } from '@mc/event-store/event-store.port';
import { instantOf } from './case-stream';
import { TimelineEntry, buildTimeline } from './timeline';

/**
 * Access cut-offs of a case (DEADLINES.md, rules `provider-sla-service_restoration` and
 * `provider-prior-notice`): when access went, when it came back (in parts), how long it lasted in
 * wall-clock and in business minutes, and which of the provider's commitments it breached.
 * Pure: computed from the events of the case stream, the provider's commitments (with their
 * history, to know which applied when) and asOf.
 */

// ---------------------------------------------------------------------------------------------
// Spans: the cut-off, its restorations, its end and its wall-clock length (shared with the dossier)
// ---------------------------------------------------------------------------------------------

/** One access cut-off of a timeline and what became of it by asOf. */
export interface OutageSpan {
  cutOff: TimelineEntry;
  /** Every restoration filed against it, retracted ones included (they are shown, not counted). */
  restorations: TimelineEntry[];
  /** Fact date of the restoration that gave everything back; null while some access is still cut. */
  endedAt: string | null;
  /** Whole minutes from the cut-off to endedAt, or to asOf while ongoing (never negative). */
  minutes: number;
  ongoing: boolean;
}

/** Whole wall-clock minutes between two instants; 0 when the end is not after the start or a date does not parse. */
export function wallClockMinutes(from: string, to: string): number {
  const ms = instantOf(to) - instantOf(from);
  return Number.isFinite(ms) && ms > 0 ? Math.floor(ms / MINUTE_MS) : 0;
}

/** Whether a restoration counts at asOf: not retracted, and happened by then. */
function counts(restoration: TimelineEntry, asOfMs: number): boolean {
  return restoration.retracted === null && !(instantOf(restoration.occurredAt) > asOfMs);
}

/**
 * The end of a cut-off: the first counted restoration after which nothing the cut-off took is
 * still cut, by the rule the decider applies (@mc/domain `everythingRestored`).
 */
export function cutOffEndOf(cutOff: TimelineEntry, restorations: readonly TimelineEntry[], asOf: string): string | null {
  const asOfMs = instantOf(asOf);
  const cut = resourceList(cutOff.data.resources);
  const counted: Resource[][] = [];
  for (const restoration of restorations) {
    if (!counts(restoration, asOfMs)) continue;
    counted.push(resourceList(restoration.data.resources));
    if (everythingRestored(cut, counted)) return restoration.occurredAt;
  }
  return null;
}

/**
 * Every cut-off of a timeline (retracted ones included, marked by `cutOff.retracted`) in timeline
 * order, with its restorations (from `related.restorations`), its end and its duration.
 */
export function outageSpansOf(entries: readonly TimelineEntry[], byId: ReadonlyMap<string, TimelineEntry>, asOf: string): OutageSpan[] {
  return entries
    .filter((entry) => entry.type === 'AccessCutOff')
    .map((cutOff) => {
      const restorations = cutOff.related.restorations.map((id) => byId.get(id)).filter((e): e is TimelineEntry => e !== undefined);
      const endedAt = cutOffEndOf(cutOff, restorations, asOf);
      return { cutOff, restorations, endedAt, minutes: wallClockMinutes(cutOff.occurredAt, endedAt ?? asOf), ongoing: endedAt === null };
    });
}

// ---------------------------------------------------------------------------------------------
// The projection
// ---------------------------------------------------------------------------------------------

/**
 * One commitment of the provider (from `SlaCommitmentDefined`, as the caller folded the provider
 * stream: @mc/domain's ProviderCommitmentPeriod fits, and `state.commitmentHistory` is the whole
 * history). `target` is in minutes on the contract's calendar; for `prior_notice`, the notice
 * period owed (0: none). Named apart from @mc/domain's `SlaCommitment` (which carries a ContractCalendar).
 */
export interface ProviderSlaCommitment {
  metric: SlaRuleMetric;
  target: number;
  calendar: '24x7' | 'business_hours';
  /** The contract clause, e.g. "Contrat d'engagement, annexe 4, indicateur 4.1.2". */
  source?: string;
  /** When the journal recorded it; absent: known since always. */
  definedAt?: string;
  /** When a redefinition or withdrawal of its metric was recorded; absent: still in force. */
  endedAt?: string;
}

/** The seed contract's support hours, with Alsace-Moselle's holidays when the organisation is there (one object each: calendars memoize per object). */
export function defaultBusinessCalendar(alsaceMoselle: boolean): ContractCalendar {
  return alsaceMoselle ? SEED_CONTRACT_SUPPORT_HOURS_ALSACE_MOSELLE : SEED_CONTRACT_SUPPORT_HOURS;
}

/** One definition of the contract's support hours (@mc/domain's BusinessHoursPeriod fits: `state.businessHoursHistory`). */
export type ProviderBusinessHours = BusinessHoursDefinedData & { definedAt?: string; endedAt?: string };

export interface OutagesOptions {
  /**
   * The provider's support hours over time (`state.businessHoursHistory`), for `business_hours`
   * commitments and businessMinutes: a fact is measured on the hours in force when it began, as
   * held at asOf (businessCalendarAt).
   */
  businessHours?: readonly ProviderBusinessHours[];
  /** A fixed business calendar, when no support hours apply. Default: the seed contract's support hours. */
  businessCalendar?: ContractCalendar;
  /** The organisation is in Alsace-Moselle: its two extra public holidays close the business calendars too. */
  alsaceMoselle?: boolean;
}

/**
 * The business calendar of a fact that began at `at`: the support hours in force then, as the
 * journal held them at asOf (@mc/domain `businessHoursApplying`, the rule of the commitments),
 * so redefining the hours later does not rewrite the business minutes of earlier facts; else
 * `options.businessCalendar`, else the seed contract's.
 */
export function businessCalendarAt(options: OutagesOptions, at: string, asOf: string): ContractCalendar {
  const alsaceMoselle = options.alsaceMoselle === true;
  const hours = businessHoursApplying(options.businessHours ?? [], at, asOf);
  return providerBusinessCalendar(hours, alsaceMoselle) ?? options.businessCalendar ?? defaultBusinessCalendar(alsaceMoselle);
}

/** The metrics a cut-off is measured against (rule scopes of `fr-2026`). */
export type OutageSlaMetric = Extract<SlaRuleMetric, 'service_restoration' | 'prior_notice'>;
const OUTAGE_METRICS: readonly OutageSlaMetric[] = ['service_restoration', 'prior_notice'];

export interface OutageSlaBreach {
  metric: OutageSlaMetric;
  ruleId: 'provider-sla-service_restoration' | 'provider-prior-notice';
  /** The commitment's target in minutes (for prior_notice, the notice period). */
  target: number;
  calendar: '24x7' | 'business_hours';
  /** The contract clause of the commitment, else the rule's generic source. */
  source: string;
  /**
   * service_restoration: when access was due back. prior_notice: the latest instant the notice
   * should have been given (the cut-off minus the notice period on the contract's calendar).
   */
  dueAt: string;
  /**
   * service_restoration: minutes beyond the target on the contract's calendar (up to asOf while
   * the cut-off lasts). prior_notice: the notice period that was not given (the target).
   */
  breachMinutes: number;
  /** What the breach means, N replaced by breachMinutes for service_restoration. */
  consequence: DeadlineText;
}

export interface OutageRestoration {
  entryId: string;
  occurredAt: string;
  /** 'all': the restoration named no resource, so everything the cut-off took came back. */
  resources: Resource[] | 'all';
}

export interface Outage {
  cutOffEntryId: string;
  occurredAt: string;
  resources: Resource[];
  decidedBy: DecidedBy;
  priorNotice: PriorNotice;
  reasonGiven?: string;
  /** Counted restorations (not retracted, happened by asOf), in order. */
  restorations: OutageRestoration[];
  /** When everything was back; null while some access is still cut. */
  restoredAt: string | null;
  /** Not fully restored by asOf: the durations run to asOf. */
  ongoing: boolean;
  /** Whole wall-clock minutes from the cut-off to restoredAt (or asOf). */
  durationMinutes: number;
  /** Whole minutes of the same period within the contract's business calendar. */
  businessMinutes: number;
  /** The cut-off came without any notice (priorNotice 'none'). */
  priorNoticeMissing: boolean;
  slaBreaches: OutageSlaBreach[];
  /**
   * Breaches the journal does not establish, shown apart and never counted: a cut-off without
   * notice whose author is unknown (`provider-prior-notice` is about the provider's acts only).
   */
  slaDoubts: OutageSlaBreach[];
}

export interface OutagesView {
  caseId: string;
  asOf: string;
  outages: Outage[];
  totals: {
    count: number;
    /** Sum of durationMinutes. */
    minutes: number;
    /** Sum of businessMinutes. */
    businessMinutes: number;
    /** How many are ongoing at asOf. */
    ongoing: number;
  };
}

function calendarOf(kind: ProviderSlaCommitment['calendar'], businessCalendar: ContractCalendar): ContractCalendar {
  return kind === '24x7' ? CALENDAR_24X7 : businessCalendar;
}

/** The latest instant at or before `end` from which `minutes` of open time remain until `end`. */
function subtractBusinessMinutes(end: string, minutes: number, calendar: ContractCalendar): string {
  const endMs = toEpochMs(end, 'occurredAt');
  if (minutes <= 0) return formatInstant(endMs);
  if (calendar.kind === '24x7') return formatInstant(endMs - minutes * MINUTE_MS);
  const enough = (ms: number): boolean => businessMinutesBetween(ms, endMs, calendar) >= minutes;
  // Search whole minutes back: first a window that holds enough open time (at most ~10 years), then its latest start.
  let span = minutes;
  while (!enough(endMs - span * MINUTE_MS)) {
    span *= 2;
    if (span > 10 * 366 * 24 * 60) return formatInstant(endMs - span * MINUTE_MS);
  }
  let lo = 0; // not enough (0 minutes back holds no open time, minutes > 0)
  let hi = span; // enough
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (enough(endMs - mid * MINUTE_MS)) hi = mid;
    else lo = mid;
  }
  return formatInstant(endMs - hi * MINUTE_MS);
}

/** The commitments that apply to a cut-off at `occurredAt`, as the journal held them at asOf (@mc/domain `commitmentApplying`). */
function commitmentsFor(history: readonly ProviderSlaCommitment[], occurredAt: string, asOf: string): Map<SlaRuleMetric, ProviderSlaCommitment> {
  const byMetric = new Map<SlaRuleMetric, ProviderSlaCommitment>();
  for (const metric of OUTAGE_METRICS) {
    const commitment = commitmentApplying(history, metric, occurredAt, asOf);
    if (commitment) byMetric.set(metric, commitment);
  }
  return byMetric;
}

/** "N minutes" of a rule's consequence, with the singular for 1 (0 and 1 in French). */
function withMinutes(text: DeadlineText, minutes: number): DeadlineText {
  const fr = minutes <= 1 ? `${minutes} minute` : `${minutes} minutes`;
  const en = minutes === 1 ? '1 minute' : `${minutes} minutes`;
  return { fr: text.fr.replace(/\bN minutes\b/, fr), en: text.en.replace(/\bN minutes\b/, en) };
}

/** Why a missing notice is a doubt, not a breach, when the journal does not say who cut access. */
const UNKNOWN_AUTHOR_NOTICE: DeadlineText = {
  fr: 'Auteur de la coupure non établi\u00a0: si le prestataire l’a décidée, opération sans information préalable (non comptée comme manquement)',
  en: 'Who decided the cut-off is not established: if the provider did, operation without prior notice (not counted as a breach)',
};

function breachesOf(
  cutOff: { occurredAt: string; decidedBy: DecidedBy; priorNotice: PriorNotice },
  restoredAt: string | null,
  asOf: string,
  commitments: ReadonlyMap<SlaRuleMetric, ProviderSlaCommitment>,
  businessCalendar: ContractCalendar,
): { breaches: OutageSlaBreach[]; doubts: OutageSlaBreach[] } {
  const breaches: OutageSlaBreach[] = [];
  const doubts: OutageSlaBreach[] = [];

  // provider-sla-service_restoration: every cut-off of the case, whoever decided it (DEADLINES.md).
  const restoration = commitments.get('service_restoration');
  if (restoration) {
    const calendar = calendarOf(restoration.calendar, businessCalendar);
    const assessment = assessSla(
      { metric: 'service_restoration', targetMinutes: restoration.target, calendar, source: restoration.source },
      cutOff.occurredAt,
      restoredAt,
      asOf,
    );
    if (assessment.breached) {
      breaches.push({
        metric: 'service_restoration',
        ruleId: 'provider-sla-service_restoration',
        target: restoration.target,
        calendar: restoration.calendar,
        source: assessment.source,
        dueAt: assessment.dueAt,
        breachMinutes: assessment.breachMinutes,
        consequence: withMinutes(assessment.consequence, assessment.breachMinutes),
      });
    }
  }

  // provider-prior-notice: only a cut-off by the provider; one whose author is unknown is a doubt, said as such.
  const notice = commitments.get('prior_notice');
  // A notice period of 0 minutes means no notice is owed (SlaCommitmentDefined, provider.ts).
  if (notice && notice.target > 0 && cutOff.priorNotice === 'none' && cutOff.decidedBy !== 'hierarchy') {
    const rule = deadlineRule('provider-prior-notice');
    const missing: OutageSlaBreach = {
      metric: 'prior_notice',
      ruleId: 'provider-prior-notice',
      target: notice.target,
      calendar: notice.calendar,
      source: notice.source ?? rule.source,
      dueAt: subtractBusinessMinutes(cutOff.occurredAt, notice.target, calendarOf(notice.calendar, businessCalendar)),
      breachMinutes: notice.target,
      consequence: rule.consequence,
    };
    if (cutOff.decidedBy === 'provider') breaches.push(missing);
    else doubts.push({ ...missing, consequence: UNKNOWN_AUTHOR_NOTICE });
  }
  return { breaches, doubts };
}

/**
 * The access cut-offs of ONE case stream as the journal held them at `asOf` (basis `recorded`:
 * an event recorded later does not count, so a restoration recorded after asOf leaves the cut-off
 * ongoing), measured against the provider's commitments.
 *
 * - Corrections apply (dates, resources, priorNotice, the cut-off a restoration refers to...).
 * - Retracted cut-offs are left out; retracted restorations do not count.
 * - A cut-off ends at the first restoration after which nothing it took is still cut (the rule
 *   of @mc/domain `access-restoration`, which the decider applies too); until then it is
 *   ongoing and its durations run to asOf.
 * - `service_restoration` is assessed on the commitment's calendar from the cut-off to its end
 *   (or asOf), whoever decided the cut-off (DEADLINES.md makes no exception); `prior_notice`
 *   (target > 0) is breached by a cut-off the provider decided with priorNotice 'none', and is a
 *   doubt (`slaDoubts`, not a breach) when who decided it is unknown. Other metrics concern incidents.
 * - The commitment that applies to a cut-off is the one in force when it began, as the journal
 *   held it at asOf (@mc/domain `commitmentApplying`): one recorded after asOf is unknown then,
 *   and an amendment does not rewrite the breaches of earlier cut-offs. With no commitment
 *   recorded before the cut-off, the earliest known applies. `commitments` is the provider's
 *   history (commitments without definedAt count as known since always, the last of a metric wins).
 * - `business_hours` commitments and businessMinutes use the support hours in force when the
 *   cut-off began, as held at asOf (`options.businessHours`, see businessCalendarAt), else
 *   `options.businessCalendar`, by default the seed contract's support hours (Mon-Fri
 *   09:00-12:00, 13:30-17:30, French holidays).
 */
export function outagesOf(
  records: readonly StoredEvent[],
  asOf: string,
  commitments: readonly ProviderSlaCommitment[] = [],
  options: OutagesOptions = {},
): OutagesView {
  const timeline = buildTimeline(records, { asOf, basis: 'recorded' });
  const byId = new Map(timeline.entries.map((e) => [e.entryId, e]));
  const asOfMs = instantOf(asOf);

  const outages = outageSpansOf(timeline.entries, byId, asOf)
    .filter((span) => span.cutOff.retracted === null)
    .map((span): Outage => {
      const d = span.cutOff.data;
      const decidedBy = String(d.decidedBy ?? 'unknown') as DecidedBy;
      const priorNotice = String(d.priorNotice ?? 'none') as PriorNotice;
      const occurredAt = span.cutOff.occurredAt;
      const until = span.endedAt ?? asOf;
      const businessCalendar = businessCalendarAt(options, occurredAt, asOf);
      const assessed = breachesOf({ occurredAt, decidedBy, priorNotice }, span.endedAt, asOf, commitmentsFor(commitments, occurredAt, asOf), businessCalendar);
      const outage: Outage = {
        cutOffEntryId: span.cutOff.entryId,
        occurredAt,
        resources: resourceList(d.resources),
        decidedBy,
        priorNotice,
        restorations: span.restorations
          .filter((r) => counts(r, asOfMs))
          .map((r) => {
            const resources = resourceList(r.data.resources);
            return { entryId: r.entryId, occurredAt: r.occurredAt, resources: resources.length > 0 ? resources : 'all' };
          }),
        restoredAt: span.endedAt,
        ongoing: span.ongoing,
        durationMinutes: span.minutes,
        businessMinutes: Math.max(0, businessMinutesBetween(occurredAt, until, businessCalendar)),
        priorNoticeMissing: priorNotice === 'none',
        slaBreaches: assessed.breaches,
        slaDoubts: assessed.doubts,
      };
      if (typeof d.reasonGiven === 'string') outage.reasonGiven = d.reasonGiven;
      return outage;
    });

  return {
    caseId: timeline.caseId,
    asOf,
    outages,
    totals: {
      count: outages.length,
      minutes: outages.reduce((sum, o) => sum + o.durationMinutes, 0),
      businessMinutes: outages.reduce((sum, o) => sum + o.businessMinutes, 0),
      ongoing: outages.filter((o) => o.ongoing).length,
    },
  };
}
