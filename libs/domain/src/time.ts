/** Injected wherever "now" matters, so the domain stays pure and tests stay deterministic. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let current = new Date(iso);
  return {
    now: () => new Date(current.getTime()),
    set: (next: string) => {
      current = new Date(next);
    },
    advance: (ms: number) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

/** How far ahead of the server clock a declared fact date may be (clock skew of the user's device). */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;

// Calendar date, 'T', time with optional seconds and fraction, then 'Z' or ±hh:mm.
const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):(\d{2}))$/;

export type FactDateProblem = 'format' | 'offset' | 'invalid' | 'future' | 'too_old';

/**
 * The earliest date a declared fact may carry. An earlier year is a typo (0019 for 2019), and an
 * outage measured from it on a contract's business hours would walk centuries of calendar days.
 */
export const EARLIEST_FACT_DATE = '1900-01-01T00:00:00Z';
const EARLIEST_FACT_MS = Date.parse(EARLIEST_FACT_DATE);

/**
 * Checks a date declared by a person (occurredAt, sentAt...): ISO-8601 with an explicit offset,
 * a real calendar date, and not more than five minutes ahead of `now`.
 */
export function checkFactDate(value: unknown, now: Date): FactDateProblem | null {
  if (typeof value !== 'string') return 'format';
  const m = ISO_WITH_OFFSET.exec(value);
  if (!m) {
    // Distinguish "a date, but without its offset" which is the common mistake.
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value) ? 'offset' : 'format';
  }
  const [, y, mo, d, h, mi, s, fraction, zone, offsetHours, offsetMinutes] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'invalid';
  if (hour > 23 || minute > 59 || second > 59) return 'invalid';
  let offsetMs = 0;
  if (zone !== 'Z') {
    if (Number(offsetHours) > 18 || Number(offsetMinutes) > 59) return 'invalid';
    offsetMs = (zone[0] === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  }
  // Read from the fields already matched (Date.parse would match them again): milliseconds, finer digits dropped.
  const millis = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  const ms = utcMs(year, month, day, hour, minute, second, millis) - offsetMs;
  if (ms - now.getTime() > MAX_FUTURE_SKEW_MS) return 'future';
  if (ms < EARLIEST_FACT_MS) return 'too_old';
  return null;
}

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (year: number, month: number): number => (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]);

/** 400 Gregorian years, in ms: the calendar repeats itself exactly after them. */
const FOUR_CENTURIES_MS = 146_097 * 86_400_000;

/** Date.UTC for any year from 0: Date.UTC reads years 0 to 99 as 1900 to 1999. */
function utcMs(year: number, month: number, day: number, hour: number, minute: number, second: number, millis: number): number {
  return year < 100
    ? Date.UTC(year + 400, month - 1, day, hour, minute, second, millis) - FOUR_CENTURIES_MS
    : Date.UTC(year, month - 1, day, hour, minute, second, millis);
}

export function factDateMessage(field: string, problem: FactDateProblem): { fr: string; en: string } {
  switch (problem) {
    case 'format':
      return {
        fr: `Le champ « ${field} » doit être une date ISO-8601 avec fuseau, par exemple 2019-11-12T08:30:00+01:00.`,
        en: `${field} must be an ISO-8601 date with an offset, e.g. 2019-11-12T08:30:00+01:00.`,
      };
    case 'offset':
      return {
        fr: `Le champ « ${field} » doit indiquer son fuseau horaire (par exemple +01:00 ou Z).`,
        en: `${field} must state its UTC offset (e.g. +01:00 or Z).`,
      };
    case 'invalid':
      return {
        fr: `Le champ « ${field} » n'est pas une date du calendrier valide.`,
        en: `${field} is not a valid calendar date.`,
      };
    case 'future':
      return {
        fr: `Le champ « ${field} » est dans le futur (plus de 5 minutes après l'heure du serveur).`,
        en: `${field} is in the future (more than 5 minutes after the server's clock).`,
      };
    case 'too_old':
      return {
        fr: `Le champ « ${field} » est antérieur à 1900 : vérifiez l'année.`,
        en: `${field} is before 1900: check the year.`,
      };
    default: {
      const never: never = problem;
      return never;
    }
  }
}

/** Milliseconds since epoch of an ISO date already checked by checkFactDate. */
export function instant(iso: string): number {
  return Date.parse(iso);
}

/**
 * The instant a view or an export is taken at: asOf, but never later than now. The journal holds
 * nothing from the future, and an ongoing outage measured to a future asOf would count minutes
 * that have not happened (and walk every calendar day up to it).
 */
export function viewInstant(asOf: string | undefined, now: Date): string {
  return new Date(asOf === undefined ? now.getTime() : Math.min(Date.parse(asOf), now.getTime())).toISOString();
}
