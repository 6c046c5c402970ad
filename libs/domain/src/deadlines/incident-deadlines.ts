import type { IncidentReportedData } from '../case/case.events';
import { DomainError } from '../errors';
import { InstantInput, formatInstant, toEpochMs, toParisDate } from './calendar';
import { ContractCalendar, addBusinessMinutes, businessMinutesBetween } from './business-calendar';
import { ComputedDeadline, DeadlineFlag, computedDeadline, triggerAt } from './computed-deadline';
import { clockHours } from './periods';
import { DeadlineText, ProviderSlaRuleId, SlaRuleMetric, deadlineRule } from './rule-set';

/** GDPR art. 33 notification deadline of a data-protection incident, with its caveat. */
export interface GdprBreachDeadline extends ComputedDeadline {
  readonly flags: readonly DeadlineFlag[];
}

const AWARENESS_FLAG: DeadlineFlag = {
  code: 'awareness_may_be_later',
  fr: "Les 72 heures courent de la prise de connaissance de la violation par le responsable de traitement ; la date de l'incident est retenue (date la plus tôt).",
  en: "The 72 hours run from the controller's awareness of the breach; the incident's date is used (earlier date).",
};

/**
 * `gdpr-breach-notification`: 72 clock hours from the incident (never extended, DST-proof).
 * Null for incidents of another category.
 */
export function gdprBreachDeadline(
  incident: Pick<IncidentReportedData, 'occurredAt' | 'category'>,
  now: InstantInput | null = null,
): GdprBreachDeadline | null {
  if (incident.category !== 'data_protection') return null;
  const rule = deadlineRule('gdpr-breach-notification');
  const hours = rule.computation.kind === 'clock_hours' ? rule.computation.hours : 72;
  const period = clockHours(incident.occurredAt, hours);
  const end = toParisDate(period.end);
  const computed = computedDeadline(
    'gdpr-breach-notification',
    { trigger: triggerAt('occurred_at', incident.occurredAt), date: end, at: period.end, nominalDate: end, extendedOver: [], ambiguity: null },
    now === null ? null : toEpochMs(now, 'now'),
  );
  return { ...computed, flags: [AWARENESS_FLAG] };
}

/** When a contract target (minutes on the contract's calendar) is reached, from `start`. */
export function slaDueDate(start: InstantInput, targetMinutes: number, calendar: ContractCalendar): string {
  return addBusinessMinutes(start, targetMinutes, calendar);
}

/** By how many minutes (on the contract's calendar) the time from `start` to `end` exceeds the target; 0 when within it. */
export function slaBreachMinutes(start: InstantInput, end: InstantInput, targetMinutes: number, calendar: ContractCalendar): number {
  if (!Number.isInteger(targetMinutes) || targetMinutes < 0) {
    throw DomainError.of(
      'INVALID_INPUT',
      'target',
      `La cible doit être un nombre entier de minutes (reçu : ${targetMinutes}).`,
      `The target must be a whole number of minutes (got ${targetMinutes}).`,
    );
  }
  return Math.max(0, businessMinutesBetween(start, end, calendar) - targetMinutes);
}

/** A provider commitment as the SLA arithmetic needs it (from SlaCommitmentDefined). */
export interface SlaCommitment {
  readonly metric: Exclude<SlaRuleMetric, 'prior_notice'>;
  readonly targetMinutes: number;
  readonly calendar: ContractCalendar;
  /** The contract clause, e.g. "Contrat d'engagement, annexe 4, indicateur 4.1.2". */
  readonly source?: string;
}

export interface SlaAssessment {
  readonly ruleId: ProviderSlaRuleId;
  /** The contract clause when given, else the rule's generic source. */
  readonly source: string;
  readonly consequence: DeadlineText;
  readonly start: string;
  /** When the target was (or will be) reached on the contract's calendar. */
  readonly dueAt: string;
  /** The end used: the given end, or `now` while the incident is still open. */
  readonly measuredUntil: string;
  readonly ongoing: boolean;
  readonly elapsedMinutes: number;
  readonly breachMinutes: number;
  readonly breached: boolean;
}

/**
 * One incident or cut-off against one commitment: open time elapsed until `end` (or until
 * `now` while it lasts), and the breach in minutes. The seed story: a cut-off of 48 hours
 * (2,880 minutes) against "remise en service : 1 journée" (24x7, 1,440 minutes) is breached
 * by 1,440 minutes.
 */
export function assessSla(commitment: SlaCommitment, start: InstantInput, end: InstantInput | null, now: InstantInput): SlaAssessment {
  const ruleId: ProviderSlaRuleId = `provider-sla-${commitment.metric}`;
  const rule = deadlineRule(ruleId);
  const until = end ?? now;
  const elapsedMinutes = businessMinutesBetween(start, until, commitment.calendar);
  const breachMinutes = slaBreachMinutes(start, until, commitment.targetMinutes, commitment.calendar);
  return {
    ruleId,
    source: commitment.source ?? rule.source,
    consequence: rule.consequence,
    start: formatInstant(toEpochMs(start, 'start')),
    dueAt: slaDueDate(start, commitment.targetMinutes, commitment.calendar),
    measuredUntil: formatInstant(toEpochMs(until, 'end')),
    ongoing: end === null,
    elapsedMinutes,
    breachMinutes,
    breached: breachMinutes > 0,
  };
}
