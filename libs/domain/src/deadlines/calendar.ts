import { DomainError } from '../errors';
import { HolidayOptions, publicHolidaysOfYear } from './holidays';

/**
 * Calendar dates and wall-clock times in Europe/Paris, the time of every French legal and
 * contractual deadline. Pure: instants come in as ISO-8601 strings with an offset (or epoch
 * milliseconds) and go out as ISO-8601 UTC strings; nothing here reads the current time.
 */

export type { HolidayOptions } from './holidays';

/** A calendar date in Europe/Paris (month 1-12). */
export interface ParisDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A wall-clock time in Europe/Paris. */
export interface ParisDateTime extends ParisDate {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** An instant: ISO-8601 with an explicit offset ("2019-11-13T09:00:00+01:00", "...Z") or epoch milliseconds. */
export type InstantInput = string | number;

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Epoch milliseconds of an instant. A string without its offset is refused: its meaning would depend on the machine. */
export function toEpochMs(instant: InstantInput, field = 'instant'): number {
  if (typeof instant === 'number') {
    if (Number.isFinite(instant)) return instant;
  } else if (ISO_WITH_OFFSET.test(instant)) {
    const ms = Date.parse(instant);
    if (!Number.isNaN(ms)) return ms;
  }
  throw DomainError.of(
    'INVALID_INPUT',
    field,
    `Le champ « ${field} » doit être une date ISO-8601 avec fuseau (reçu : ${String(instant)}).`,
    `${field} must be an ISO-8601 date with an offset (got ${String(instant)}).`,
  );
}

// --- Proleptic Gregorian day numbers (days since 1970-01-01), integer arithmetic only. ---

/** Days since 1970-01-01 of a calendar date. */
export function dayNumber(date: ParisDate): number {
  const y = date.year - (date.month <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5) + date.day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The calendar date of a day number. */
export function fromDayNumber(days: number): ParisDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** A checked calendar date. */
export function parisDate(year: number, month: number, day: number): ParisDate {
  const ok = [year, month, day].every(Number.isInteger) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
  if (!ok) {
    const shown = `${year}-${month}-${day}`;
    throw DomainError.of('INVALID_INPUT', 'date', `La date ${shown} n'existe pas.`, `${shown} is not a calendar date.`);
  }
  return { year, month, day };
}

/** 'YYYY-MM-DD' -> ParisDate. */
export function parseParisDate(text: string): ParisDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw DomainError.of('INVALID_INPUT', 'date', `« ${text} » n'est pas une date AAAA-MM-JJ.`, `"${text}" is not a YYYY-MM-DD date.`);
  return parisDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** ParisDate -> 'YYYY-MM-DD'. */
export function formatParisDate(date: ParisDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

export function addParisDays(date: ParisDate, days: number): ParisDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Negative, zero or positive as a is before, the same day as, or after b. */
export function compareParisDates(a: ParisDate, b: ParisDate): number {
  return dayNumber(a) - dayNumber(b);
}

export function sameParisDate(a: ParisDate, b: ParisDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

export function isoWeekday(date: ParisDate): IsoWeekday {
  // 1970-01-01 was a Thursday (4).
  return (((((dayNumber(date) + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

/**
 * "Date to same date" (de quantième à quantième): the same day number n months later; when
 * that month is shorter, its last day. 12 Nov + 2 months = 12 Jan; 31 Dec + 2 months = 28 or
 * 29 Feb; 31 Jan + 1 month = 28 or 29 Feb.
 */
export function addMonthsSameDate(date: ParisDate, months: number): ParisDate {
  if (!Number.isInteger(months)) {
    throw DomainError.of(
      'INVALID_INPUT',
      'months',
      `Un nombre entier de mois est attendu (reçu : ${months}).`,
      `A whole number of months is expected (got ${months}).`,
    );
  }
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

// --- Instants <-> Europe/Paris wall time. ---
//
// The runtime's IANA database, read through Intl, is the one source of truth; but formatToParts
// costs microseconds, and walking a contract calendar day by day asks for it millions of times.
// So Intl is only asked to build, one UTC year at a time and about a hundred calls a year, the
// stretches of time that keep one offset; wall times and offsets are then plain arithmetic on them.

const PARIS_FORMAT = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/**
 * The Europe/Paris wall time of an instant as Intl prints it (seconds truncated; before year 1,
 * the year of the era): the reference the offset table is built from, and checked against in
 * paris-offset-table.spec.ts. Costs a few microseconds: use toParisDateTime.
 */
export function intlParisWallTime(ms: number): ParisDateTime {
  const values: Record<string, number> = {};
  for (const part of PARIS_FORMAT.formatToParts(ms)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return { year: values.year, month: values.month, day: values.day, hour: values.hour % 24, minute: values.minute, second: values.second };
}

/** The wall time as if it were UTC, in milliseconds: used to compare wall times and find offsets. */
function wallMs(t: ParisDateTime | (ParisDate & { hour: number; minute: number; second?: number })): number {
  return dayNumber(t) * DAY_MS + t.hour * HOUR_MS + t.minute * MINUTE_MS + (t.second ?? 0) * 1000;
}

/** The start of the second of an instant, toward the past (before 1970 too). */
const startOfSecond = (ms: number) => ms - (((ms % 1000) + 1000) % 1000);

/** The exact offset Intl applies at a whole-millisecond instant, in milliseconds (561,000 for the +00:09:21 of Paris before 1911). */
function intlOffsetMs(ms: number): number {
  return wallMs(intlParisWallTime(ms)) - startOfSecond(ms);
}

/** A stretch of time [from, to) in epoch milliseconds during which Paris keeps one offset, in milliseconds. */
interface OffsetSpan {
  readonly from: number;
  readonly to: number;
  readonly offsetMs: number;
}

/**
 * The UTC years the table covers: facts are dated from 1900 on and deadlines run a few years
 * ahead. An instant outside (a query as of 0001 or 9999) is asked of Intl as it always was, so
 * the table never holds more than 700 years of a few spans each.
 */
const TABLE_FIRST_YEAR = 1800;
const TABLE_END_YEAR = 2500;
const TABLE_FROM_MS = dayNumber({ year: TABLE_FIRST_YEAR, month: 1, day: 1 }) * DAY_MS;
const TABLE_TO_MS = dayNumber({ year: TABLE_END_YEAR, month: 1, day: 1 }) * DAY_MS;

/**
 * How far apart Intl is sampled before the exact instant of a change is searched. Paris has
 * never kept an offset for less than 98 days (the winter of 1939-1940 in tzdata 2025c); a change
 * and its reversal inside one week would go unseen.
 */
const SAMPLE_STEP_MS = 7 * DAY_MS;

const spansByYear = new Map<number, readonly OffsetSpan[]>();
let lastSpan: OffsetSpan = { from: 0, to: 0, offsetMs: 0 };

/** The offset spans of a UTC year, from Intl sampled every week and searched to the millisecond where it changes. */
function computeOffsetSpans(year: number): OffsetSpan[] {
  const start = dayNumber({ year, month: 1, day: 1 }) * DAY_MS;
  const end = dayNumber({ year: year + 1, month: 1, day: 1 }) * DAY_MS;
  const spans: OffsetSpan[] = [];
  let from = start;
  let offsetMs = intlOffsetMs(start);
  let sample = start;
  while (sample < end - 1) {
    const next = Math.min(sample + SAMPLE_STEP_MS, end - 1);
    if (intlOffsetMs(next) === offsetMs) {
      sample = next;
      continue;
    }
    // The offset changes in (sample, next]: find the first instant with another one.
    let lo = sample;
    let hi = next;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (intlOffsetMs(mid) === offsetMs) lo = mid;
      else hi = mid;
    }
    spans.push({ from, to: hi, offsetMs });
    from = sample = hi;
    offsetMs = intlOffsetMs(hi);
  }
  spans.push({ from, to: end, offsetMs });
  return spans;
}

/** The exact offset at a whole-millisecond instant from the table, or undefined outside its years. */
function tableOffsetMs(ms: number): number | undefined {
  if (ms >= lastSpan.from && ms < lastSpan.to) return lastSpan.offsetMs;
  if (!(ms >= TABLE_FROM_MS && ms < TABLE_TO_MS)) return undefined;
  const year = fromDayNumber(Math.floor(ms / DAY_MS)).year;
  let spans = spansByYear.get(year);
  if (!spans) spansByYear.set(year, (spans = computeOffsetSpans(year)));
  lastSpan = spans.find((span) => ms < span.to)!;
  return lastSpan.offsetMs;
}

/** `wallMs` of the wall time of an instant: what Intl would print, read as UTC. */
function parisWallMs(instantMs: number): number {
  // Intl reads an instant to the whole millisecond toward zero (TimeClip), then prints whole seconds.
  const ms = Math.trunc(instantMs);
  const offsetMs = tableOffsetMs(ms);
  return offsetMs === undefined ? wallMs(intlParisWallTime(ms)) : startOfSecond(ms) + offsetMs;
}

/** The Europe/Paris wall time of an instant, the same as Intl prints it. */
function parisWallParts(instantMs: number): ParisDateTime {
  const ms = Math.trunc(instantMs);
  const offsetMs = tableOffsetMs(ms);
  if (offsetMs === undefined) return intlParisWallTime(ms);
  const wall = startOfSecond(ms) + offsetMs;
  const days = Math.floor(wall / DAY_MS);
  const rest = wall - days * DAY_MS;
  const { year, month, day } = fromDayNumber(days);
  return {
    year,
    month,
    day,
    hour: Math.floor(rest / HOUR_MS),
    minute: Math.floor((rest % HOUR_MS) / MINUTE_MS),
    second: Math.floor((rest % MINUTE_MS) / 1000),
  };
}

/** Offset of Europe/Paris from UTC at an instant, in minutes (+60 in winter, +120 in summer). */
export function parisOffsetMinutes(instant: InstantInput): number {
  const ms = toEpochMs(instant);
  const wholeSecond = startOfSecond(ms);
  return Math.round((parisWallMs(wholeSecond) - wholeSecond) / MINUTE_MS);
}

/** The Europe/Paris wall time of an instant (seconds truncated). */
export function toParisDateTime(instant: InstantInput): ParisDateTime {
  return parisWallParts(toEpochMs(instant));
}

/** The Europe/Paris calendar date of an instant: 2019-11-12T23:30:00Z is 13 November in Paris. */
export function toParisDate(instant: InstantInput): ParisDate {
  const { year, month, day } = toParisDateTime(instant);
  return { year, month, day };
}

/**
 * The instant of a Paris wall time, in epoch milliseconds. 24:00 is the next day's 00:00.
 * A time that does not exist (the hour skipped on the last Sunday of March) moves forward by
 * the jump (02:30 -> 03:30 CEST); a time that happens twice (last Sunday of October) is its
 * first occurrence (summer time). French legal deadlines end at 24:00, which never falls in a
 * transition (they happen at 02:00/03:00).
 */
export function parisWallTimeToEpochMs(date: ParisDate, hour = 0, minute = 0): number {
  if (hour === 24 && minute === 0) return parisWallTimeToEpochMs(addParisDays(date, 1), 0, 0);
  if (!Number.isInteger(hour) || !Number.isInteger(minute) || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
    throw DomainError.of('INVALID_INPUT', 'time', `Heure invalide : ${hour}:${minute}.`, `Invalid time of day: ${hour}:${minute}.`);
  }
  // Field by field: a spread of `date` cost more than all the rest. A ParisDateTime given as `date` keeps its seconds, as it always did.
  const { second } = date as Partial<ParisDateTime>;
  const wall = wallMs({ year: date.year, month: date.month, day: date.day, hour, minute, second });
  const before = parisOffsetMinutes(wall - DAY_MS) * MINUTE_MS;
  const after = parisOffsetMinutes(wall + DAY_MS) * MINUTE_MS;
  const matches = [wall - before, wall - after].filter((t) => parisWallMs(t) === wall).sort((a, b) => a - b);
  return matches.length > 0 ? matches[0] : wall - before;
}

/** ISO-8601 UTC form of an instant, the same text as Date.prototype.toISOString ("2026-05-26T22:00:00.000Z"). */
export function formatInstant(instant: InstantInput): string {
  const ms = toEpochMs(instant);
  const days = Math.floor(ms / DAY_MS);
  const rest = ms - days * DAY_MS;
  const d = fromDayNumber(days);
  const h = Math.floor(rest / HOUR_MS);
  const mi = Math.floor((rest % HOUR_MS) / MINUTE_MS);
  const s = Math.floor((rest % MINUTE_MS) / 1000);
  return `${formatParisDate(d)}T${pad(h)}:${pad(mi)}:${pad(s)}.${pad(rest % 1000, 3)}Z`;
}

/** ISO-8601 form with the Paris offset, for people: "2026-05-27T00:00:00+02:00". */
export function formatParisInstant(instant: InstantInput): string {
  const ms = toEpochMs(instant);
  const t = parisWallParts(ms);
  const offset = parisOffsetMinutes(ms);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${formatParisDate(t)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** 00:00 Paris time of a date, as an ISO UTC instant. */
export function startOfParisDay(date: ParisDate): string {
  return formatInstant(parisWallTimeToEpochMs(date, 0, 0));
}

/** 24:00 Paris time of a date (the next day's 00:00), as an ISO UTC instant: 23:00Z in winter, 22:00Z in summer. */
export function endOfParisDay(date: ParisDate): string {
  return formatInstant(parisWallTimeToEpochMs(date, 24, 0));
}

// --- Working days. ---

export function isWeekend(date: ParisDate): boolean {
  return isoWeekday(date) >= 6;
}

/** The French name of the public holiday on that date, or null. */
export function publicHolidayName(date: ParisDate, options: HolidayOptions = {}): string | null {
  return publicHolidaysOfYear(date.year, options).get(formatParisDate(date)) ?? null;
}

export function isPublicHoliday(date: ParisDate, options: HolidayOptions = {}): boolean {
  return publicHolidayName(date, options) !== null;
}

/** Neither a Saturday, a Sunday nor a public holiday (jour ouvrable au sens de CPC art. 642). */
export function isWorkingDay(date: ParisDate, options: HolidayOptions = {}): boolean {
  return !isWeekend(date) && !isPublicHoliday(date, options);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: ParisDate, options: HolidayOptions = {}): ParisDate {
  return workingDayOnOrAfter(addParisDays(date, 1), options);
}

/** `date` itself when it is a working day, else the next one. */
export function workingDayOnOrAfter(date: ParisDate, options: HolidayOptions = {}): ParisDate {
  let day = date;
  // France never has more than a handful of non-working days in a row; 31 is a safe bound.
  for (let i = 0; i < 31 && !isWorkingDay(day, options); i++) day = addParisDays(day, 1);
  return day;
}

export type NonWorkingReason = 'saturday' | 'sunday' | 'public_holiday';

/** A day a deadline was carried over, and why (for the dossier: "dimanche", "Lundi de Pentecôte"). */
export interface NonWorkingDay {
  readonly date: ParisDate;
  readonly reason: NonWorkingReason;
  readonly holidayName?: string;
}

/** Why `date` is not a working day, or null when it is one. A holiday on a weekend is reported as the holiday. */
export function nonWorkingReason(date: ParisDate, options: HolidayOptions = {}): NonWorkingDay | null {
  const holidayName = publicHolidayName(date, options);
  if (holidayName !== null) return { date, reason: 'public_holiday', holidayName };
  const weekday = isoWeekday(date);
  if (weekday === 6) return { date, reason: 'saturday' };
  if (weekday === 7) return { date, reason: 'sunday' };
  return null;
}

const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS_FR = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const WEEKDAYS_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "lundi 16 mars 2020" / "Monday 16 March 2020", for sentences in views and dossiers. */
export function formatParisDateLong(date: ParisDate, language: 'fr' | 'en'): string {
  const weekday = isoWeekday(date) - 1;
  if (language === 'fr') return `${WEEKDAYS_FR[weekday]} ${date.day === 1 ? '1er' : date.day} ${MONTHS_FR[date.month - 1]} ${date.year}`;
  return `${WEEKDAYS_EN[weekday]} ${date.day} ${MONTHS_EN[date.month - 1]} ${date.year}`;
}
