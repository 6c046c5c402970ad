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
  const [, y, mo, d, h, mi, s] = m;
  const month = Number(mo);
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return 'invalid';
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return 'invalid';
  if (m[9] !== undefined && (Number(m[9]) > 18 || Number(m[10]) > 59)) return 'invalid';
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return 'invalid';
  if (ms - now.getTime() > MAX_FUTURE_SKEW_MS) return 'future';
  if (ms < EARLIEST_FACT_MS) return 'too_old';
  return null;
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
