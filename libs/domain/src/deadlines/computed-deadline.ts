import { InstantInput, NonWorkingDay, ParisDate, compareParisDates, formatInstant, parseParisDate, toEpochMs, toParisDate } from './calendar';
import { DeadlineText, RULE_SET_ID, RuleId, RuleSetId, deadlineRule } from './rule-set';

/** What started the period of a computed date. */
export type TriggerBasis = 'receipt' | 'sent_at' | 'implicit_decision' | 'explicit_refusal' | 'occurred_at';

/** What starts a period: the basis, the instant when there is one, and its Paris date. */
export interface DeadlineTrigger {
  readonly basis: TriggerBasis;
  readonly at: string | null;
  readonly date: ParisDate;
}

export function triggerAt(basis: TriggerBasis, instant: InstantInput): DeadlineTrigger {
  const ms = toEpochMs(instant, basis);
  return { basis, at: formatInstant(ms), date: toParisDate(ms) };
}

/** The other reading of a date the law leaves in doubt; the computed date itself is the earlier one. */
export interface DateAmbiguity {
  readonly laterDate: ParisDate;
  readonly laterAt: string;
  readonly reason: DeadlineText;
}

/**
 * One computed date, with everything a view or a dossier must print beside it: the rule, its
 * source, what the date means, what started the period, and any doubt.
 */
export interface ComputedDeadline {
  readonly ruleSet: RuleSetId;
  readonly ruleId: RuleId;
  readonly source: string;
  readonly consequence: DeadlineText;
  readonly trigger: DeadlineTrigger;
  /** The Paris calendar date to show (the earlier reading when in doubt). */
  readonly date: ParisDate;
  /**
   * The instant from which the consequence holds, ISO UTC: 00:00 Paris of the day an implicit
   * decision is born; 24:00 Paris of the last day of a period; the end of a clock period.
   */
  readonly at: string;
  /** The date before any Saturday/Sunday/holiday extension (equal to `date` when none). */
  readonly nominalDate: ParisDate;
  readonly extendedOver: readonly NonWorkingDay[];
  readonly ambiguity: DateAmbiguity | null;
  /** Whether `at` is reached at the `now` given; null when no `now` was given. */
  readonly passed: boolean | null;
}

export interface DeadlineFlag {
  readonly code: DeadlineFlagCode;
  readonly fr: string;
  readonly en: string;
}

export type DeadlineFlagCode =
  | 'receipt_date_unknown'
  | 'several_receipt_dates'
  | 'ambiguous_date'
  | 'oral_response'
  | 'partial_answer'
  | 'appeal_restarted_by_refusal'
  | 'confirmative_refusal'
  | 'refusal_after_implicit_refusal'
  | 'late_depends_on_reading'
  | 'covid_2020_protected_period'
  | 'awareness_may_be_later';

export function computedDeadline(
  ruleId: RuleId,
  fields: Omit<ComputedDeadline, 'ruleSet' | 'ruleId' | 'source' | 'consequence' | 'passed'>,
  nowMs: number | null,
): ComputedDeadline {
  const rule = deadlineRule(ruleId);
  return {
    ruleSet: RULE_SET_ID,
    ruleId,
    source: rule.source,
    consequence: rule.consequence,
    ...fields,
    passed: nowMs === null ? null : nowMs >= toEpochMs(fields.at),
  };
}

const COVID_FROM = parseParisDate('2020-03-12');
const COVID_TO = parseParisDate('2020-06-23');

/**
 * Periods running during the "période juridiquement protégée" (12 March - 23 June 2020) may
 * have been extended (ordonnance n° 2020-306 art. 2, applied to administrative courts by
 * ordonnance n° 2020-305 art. 15) or suspended (art. 7 for decisions born of silence). The
 * rule set does not compute those extensions: the dates shown stay the earlier ones.
 */
export function covidFlag(deadlines: ReadonlyArray<ComputedDeadline | null>): DeadlineFlag | null {
  const touched = deadlines.some(
    (d) => d !== null && compareParisDates(d.trigger.date, COVID_TO) <= 0 && compareParisDates(d.ambiguity?.laterDate ?? d.date, COVID_FROM) >= 0,
  );
  if (!touched) return null;
  return {
    code: 'covid_2020_protected_period',
    fr: 'Délai en cours pendant la période juridiquement protégée (du 12 mars au 23 juin 2020) : il a pu être prorogé ou suspendu (ordonnances n° 2020-305 et 2020-306). La date affichée ne tient pas compte de ces prorogations.',
    en: 'Period running during the legally protected period (12 March to 23 June 2020): it may have been extended or suspended (ordonnances 2020-305 and 2020-306). The date shown ignores those extensions.',
  };
}
