import { DomainError } from '../errors';
import {
  InstantInput,
  IsoWeekday,
  MINUTE_MS,
  ParisDate,
  addParisDays,
  compareParisDates,
  dayNumber,
  formatInstant,
  isPublicHoliday,
  isoWeekday,
  parisWallTimeToEpochMs,
  toEpochMs,
  toParisDate,
} from './calendar';

/**
 * Contract calendars for provider SLAs (DEADLINES.md): `24x7`, or opening hours per weekday
 * (with breaks), minus French public holidays and the contract's closing periods. Durations
 * are real minutes in Europe/Paris: an opening range on the day clocks change still lasts the
 * wall-clock difference of its bounds (08:00-18:00 is 10 hours on any day).
 */

/** One opening range of a day, "HH:MM" to "HH:MM" (end may be "24:00"), end after start. */
export interface OpeningRange {
  readonly from: string;
  readonly to: string;
}

/** Opening ranges per ISO weekday (1 = Monday ... 7 = Sunday); a missing day is closed. */
export type WeeklyHours = Partial<Record<IsoWeekday, readonly OpeningRange[]>>;

/** Inclusive range of Paris calendar dates (a closing period, e.g. 24 Dec - 1 Jan). */
export interface DateRange {
  readonly from: ParisDate;
  readonly to: ParisDate;
}

/** Which public holidays close the service: none, the national ones, or those of Alsace-Moselle too. */
export type HolidayCalendar = 'none' | 'fr' | 'fr-alsace-moselle';

export type ContractCalendar =
  | { readonly kind: '24x7' }
  | {
      readonly kind: 'business_hours';
      readonly weekly: WeeklyHours;
      readonly holidays: HolidayCalendar;
      readonly closures?: readonly DateRange[];
    };

export const CALENDAR_24X7: ContractCalendar = { kind: '24x7' };

const HHMM = /^(\d{2}):(\d{2})$/;

function minutesOfDay(text: string, field: string): number {
  const m = HHMM.exec(text);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || Number(m[2]) > 59 || minutes > 24 * 60) {
    throw DomainError.of(
      'INVALID_INPUT',
      field,
      `« ${text} » n'est pas une heure HH:MM entre 00:00 et 24:00.`,
      `"${text}" is not an HH:MM time between 00:00 and 24:00.`,
    );
  }
  return minutes;
}

/** Checks the ranges of every weekday: well formed, increasing, not overlapping. */
export function checkWeeklyHours(weekly: WeeklyHours): void {
  for (const [weekday, ranges] of Object.entries(weekly)) {
    let previousEnd = -1;
    for (const range of ranges ?? []) {
      const field = `weekly.${weekday}`;
      const from = minutesOfDay(range.from, field);
      const to = minutesOfDay(range.to, field);
      if (to <= from || from < previousEnd) {
        throw DomainError.of(
          'INVALID_INPUT',
          field,
          `Les plages horaires du jour ${weekday} doivent être croissantes et sans chevauchement (${range.from}-${range.to}).`,
          `The opening ranges of weekday ${weekday} must be increasing and not overlap (${range.from}-${range.to}).`,
        );
      }
      previousEnd = to;
    }
  }
}

/** A business-hours calendar, checked. Holidays default to the national French ones. */
export function businessHoursCalendar(weekly: WeeklyHours, options: { holidays?: HolidayCalendar; closures?: readonly DateRange[] } = {}): ContractCalendar {
  checkWeeklyHours(weekly);
  for (const closure of options.closures ?? []) {
    if (compareParisDates(closure.from, closure.to) > 0) {
      throw DomainError.of('INVALID_INPUT', 'closures', 'Une période de fermeture doit finir après son début.', 'A closing period must end after it starts.');
    }
  }
  return { kind: 'business_hours', weekly, holidays: options.holidays ?? 'fr', closures: options.closures ?? [] };
}

/** The same opening ranges Monday to Friday: mondayToFriday(['08:00', '12:00'], ['13:30', '17:30']). */
export function mondayToFriday(...ranges: ReadonlyArray<readonly [string, string]>): WeeklyHours {
  const day = ranges.map(([from, to]) => ({ from, to }));
  return { 1: day, 2: day, 3: day, 4: day, 5: day };
}

/**
 * The weekly support hours of the seed contract (contrat d'engagement, indicateur 3.2.1,
 * Blanquefort: "du lundi au vendredi de 9h à 12h puis de 13h30 à 17h30"): they apply to a
 * provider until its contract's own are defined.
 */
export const SEED_CONTRACT_WEEKLY_HOURS: WeeklyHours = mondayToFriday(['09:00', '12:00'], ['13:30', '17:30']);

/** The seed contract's support hours, national holidays. */
export const SEED_CONTRACT_SUPPORT_HOURS: ContractCalendar = businessHoursCalendar(SEED_CONTRACT_WEEKLY_HOURS);

/** The same support hours where the organisation is in Alsace-Moselle (Good Friday and 26 December closed too). */
export const SEED_CONTRACT_SUPPORT_HOURS_ALSACE_MOSELLE: ContractCalendar = businessHoursCalendar(SEED_CONTRACT_WEEKLY_HOURS, {
  holidays: 'fr-alsace-moselle',
});

function isClosedDay(date: ParisDate, calendar: Extract<ContractCalendar, { kind: 'business_hours' }>): boolean {
  if (calendar.holidays !== 'none' && isPublicHoliday(date, { alsaceMoselle: calendar.holidays === 'fr-alsace-moselle' })) return true;
  return (calendar.closures ?? []).some((c) => compareParisDates(c.from, date) <= 0 && compareParisDates(date, c.to) <= 0);
}

/**
 * Open intervals already computed, per calendar object and Paris day number: measuring a
 * thousand outages of a year each walks the same days, and a day's intervals never change.
 */
const intervalsByCalendar = new WeakMap<ContractCalendar, Map<number, ReadonlyArray<readonly [number, number]>>>();
const MAX_CACHED_DAYS = 40_000;

/** The open intervals of one Paris day, as [start, end) epoch milliseconds, in order. */
export function openIntervalsOn(date: ParisDate, calendar: ContractCalendar): ReadonlyArray<readonly [number, number]> {
  let days = intervalsByCalendar.get(calendar);
  if (!days) intervalsByCalendar.set(calendar, (days = new Map()));
  const key = dayNumber(date);
  let intervals = days.get(key);
  if (!intervals) {
    intervals = computeOpenIntervals(date, calendar);
    if (days.size >= MAX_CACHED_DAYS) days.clear();
    days.set(key, intervals);
  }
  return intervals;
}

function computeOpenIntervals(date: ParisDate, calendar: ContractCalendar): Array<readonly [number, number]> {
  if (calendar.kind === '24x7') return [[parisWallTimeToEpochMs(date, 0, 0), parisWallTimeToEpochMs(date, 24, 0)]];
  if (isClosedDay(date, calendar)) return [];
  return (calendar.weekly[isoWeekday(date)] ?? []).map((range) => {
    const from = minutesOfDay(range.from, 'from');
    const to = minutesOfDay(range.to, 'to');
    return [parisWallTimeToEpochMs(date, Math.floor(from / 60), from % 60), parisWallTimeToEpochMs(date, Math.floor(to / 60), to % 60)] as const;
  });
}

/** How many days forward we look for open hours before concluding that a calendar is never open (10 years). */
const MAX_DAYS_SCANNED = 3660;

function checkMinutes(minutes: number): void {
  if (!Number.isInteger(minutes) || minutes < 0) {
    throw DomainError.of(
      'INVALID_INPUT',
      'minutes',
      `Un nombre entier de minutes positif ou nul est attendu (reçu : ${minutes}).`,
      `A non-negative whole number of minutes is expected (got ${minutes}).`,
    );
  }
}

/**
 * The instant when `minutes` of open time have elapsed since `start`. A 4-hour SLA on
 * 08:00-18:00 opened at 16:00 is due at 10:00 the next working day; an amount that ends
 * exactly at a closing time ends there (12:00, not 13:30 after the lunch break). Zero minutes
 * is `start` itself.
 */
export function addBusinessMinutes(start: InstantInput, minutes: number, calendar: ContractCalendar): string {
  checkMinutes(minutes);
  const startMs = toEpochMs(start, 'start');
  if (calendar.kind === '24x7' || minutes === 0) return formatInstant(startMs + minutes * MINUTE_MS);
  let remaining = minutes * MINUTE_MS;
  let day = toParisDate(startMs);
  for (let i = 0; i < MAX_DAYS_SCANNED; i++, day = addParisDays(day, 1)) {
    for (const [open, close] of openIntervalsOn(day, calendar)) {
      const from = Math.max(open, startMs);
      if (from >= close) continue;
      if (close - from >= remaining) return formatInstant(from + remaining);
      remaining -= close - from;
    }
  }
  throw DomainError.of('INVALID_INPUT', 'calendar', "Le calendrier du contrat n'a pas d'heures ouvertes.", 'The contract calendar has no open hours.');
}

/**
 * Whole minutes of open time between two instants (rounded down). Negative when `end` is
 * before `start`. On `24x7` it is the real elapsed time.
 */
export function businessMinutesBetween(start: InstantInput, end: InstantInput, calendar: ContractCalendar): number {
  const startMs = toEpochMs(start, 'start');
  const endMs = toEpochMs(end, 'end');
  if (endMs < startMs) return -businessMinutesBetween(endMs, startMs, calendar);
  if (calendar.kind === '24x7') return Math.floor((endMs - startMs) / MINUTE_MS);
  let total = 0;
  const lastDay = toParisDate(endMs);
  for (let day = toParisDate(startMs); compareParisDates(day, lastDay) <= 0; day = addParisDays(day, 1)) {
    for (const [open, close] of openIntervalsOn(day, calendar)) {
      const from = Math.max(open, startMs);
      const to = Math.min(close, endMs);
      if (to > from) total += to - from;
    }
  }
  return Math.floor(total / MINUTE_MS);
}
