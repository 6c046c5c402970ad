import { DomainError } from '../errors';
import {
  HOUR_MS,
  HolidayOptions,
  InstantInput,
  NonWorkingDay,
  ParisDate,
  addMonthsSameDate,
  addParisDays,
  endOfParisDay,
  formatInstant,
  nonWorkingReason,
  sameParisDate,
  toEpochMs,
  toParisDate,
} from './calendar';

/**
 * The four ways French law and contracts count a period (DEADLINES.md, "Calendar arithmetic").
 * Each function states the Paris calendar dates it used, so that a dossier can show its work.
 */

/** What starts a period: an instant (converted to its Paris date) or a Paris calendar date. */
export type PeriodTrigger = InstantInput | ParisDate;

export function triggerDate(trigger: PeriodTrigger): ParisDate {
  return typeof trigger === 'object' ? trigger : toParisDate(trigger);
}

function checkCount(value: number, field: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw DomainError.of(
      'INVALID_INPUT',
      field,
      `« ${field} » doit être un entier positif ou nul (reçu : ${value}).`,
      `${field} must be a non-negative integer (got ${value}).`,
    );
  }
}

/** A period counted in months, date to same date, without any extension. */
export interface MonthsPeriod {
  readonly trigger: ParisDate;
  readonly months: number;
  /** The same date `months` later (the last day of a shorter month): the earlier reading, the one to use. */
  readonly date: ParisDate;
  /** True when the law leaves a doubt of one day and `laterDate` is the other reading. */
  readonly ambiguous: boolean;
  /** The day after `date` (the period read as running until 24:00 of `date`), when `ambiguous`. */
  readonly laterDate: ParisDate | null;
}

/**
 * Months, date to same date (the silence rules: CRPA L231-4, R311-12). The texts say the
 * silence kept "pendant deux mois" is worth a decision without saying whether the decision is
 * born on the same date or the day after; with `oneDayAmbiguity` (the default) the result
 * carries both and the earlier is the one to show (DEADLINES.md, "use the earlier date and flag it").
 */
export function monthsPeriod(trigger: PeriodTrigger, months: number, options: { oneDayAmbiguity?: boolean } = {}): MonthsPeriod {
  checkCount(months, 'months');
  const start = triggerDate(trigger);
  const date = addMonthsSameDate(start, months);
  const ambiguous = options.oneDayAmbiguity !== false;
  return { trigger: start, months, date, ambiguous, laterDate: ambiguous ? addParisDays(date, 1) : null };
}

/** A period whose last day is carried over Saturdays, Sundays and public holidays, ending at 24:00 Paris time. */
export interface ExtendedPeriod {
  readonly trigger: ParisDate;
  readonly months: number;
  /** The last day before any extension. */
  readonly nominalLastDay: ParisDate;
  /** The last day, on a working day. */
  readonly lastDay: ParisDate;
  /** 24:00 Paris time of `lastDay`, as an ISO UTC instant. */
  readonly endsAt: string;
  /** The non-working days the end was carried over, in order (empty when none). */
  readonly extendedOver: readonly NonWorkingDay[];
}

function extendFrom(trigger: ParisDate, months: number, nominalLastDay: ParisDate, options: HolidayOptions): ExtendedPeriod {
  const extendedOver: NonWorkingDay[] = [];
  let lastDay = nominalLastDay;
  for (let reason = nonWorkingReason(lastDay, options); reason !== null && extendedOver.length < 31; reason = nonWorkingReason(lastDay, options)) {
    extendedOver.push(reason);
    lastDay = addParisDays(lastDay, 1);
  }
  return { trigger, months, nominalLastDay, lastDay, endsAt: endOfParisDay(lastDay), extendedOver };
}

/**
 * Months, date to same date, ending at 24:00 of the last day, which is carried over to the
 * next working day when it is a Saturday, a Sunday or a public holiday (CADA referral,
 * GDPR rights: Règlement 1182/71 art. 3(2)(c) and 3(4)).
 */
export function sameDateWithWeekendExtension(trigger: PeriodTrigger, months: number, options: HolidayOptions = {}): ExtendedPeriod {
  checkCount(months, 'months');
  const start = triggerDate(trigger);
  return extendFrom(start, months, addMonthsSameDate(start, months), options);
}

/** A délai franc, with the reading to use (the earlier) and the other one. */
export interface DelaiFranc extends ExtendedPeriod {
  /** True when the later reading gives another last day. */
  readonly ambiguous: boolean;
  /**
   * The reading where the day of expiry does not count either ("ni le dies a quo ni le dies ad
   * quem"), common in administrative-court practice: the period is counted from the day after
   * the trigger, so a decision notified on 12 November can be challenged until 13 January.
   */
  readonly later: ExtendedPeriod;
}

/**
 * Délai franc (appeals before the administrative judge, CJA R421-1): the day of the trigger
 * does not count, the period ends at 24:00 of the last day, and a last day that is a Saturday,
 * a Sunday or a public holiday is carried over to the next working day (CPC art. 642, applied
 * by the Conseil d'État).
 *
 * The period runs from the day after the trigger (00:00) and ends, date to same date, at
 * 24:00 of the day bearing the trigger's date: 13 January + 2 months -> 13 March at 24:00.
 * Practice and authors also read "franc" as leaving out the day of expiry too, which gives
 * one more day (14 March); that reading is returned as `later` and flagged, the earlier is the
 * one to show (DEADLINES.md, ambiguity rule).
 */
export function delaiFranc(trigger: PeriodTrigger, months: number, options: HolidayOptions = {}): DelaiFranc {
  checkCount(months, 'months');
  const start = triggerDate(trigger);
  const earlier = extendFrom(start, months, addMonthsSameDate(start, months), options);
  const later = extendFrom(start, months, addMonthsSameDate(addParisDays(start, 1), months), options);
  return { ...earlier, ambiguous: !sameParisDate(earlier.lastDay, later.lastDay), later };
}

/** A period in clock hours. */
export interface ClockPeriod {
  readonly start: string;
  readonly hours: number;
  /** start + hours of real time: never extended, and 72 h across a DST change are 72 real hours. */
  readonly end: string;
}

/** Hours counted on the clock from the trigger instant, never extended (GDPR art. 33: 72 hours). */
export function clockHours(trigger: InstantInput, hours: number): ClockPeriod {
  checkCount(hours, 'hours');
  const start = toEpochMs(trigger, 'trigger');
  return { start: formatInstant(start), hours, end: formatInstant(start + hours * HOUR_MS) };
}
