import type { Actor, ParisDate } from '@mc/domain';
import type { Messages } from '../i18n';

const MINUTES_PER_DAY = 24 * 60;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** Offsets change on a quarter hour at the finest: one is looked up per quarter hour, then remembered. */
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const MAX_REMEMBERED_OFFSETS = 50_000;

/** « UTC+1 », « UTC+5:30 », « UTC-3 », « UTC »: as LISEZMOI.txt writes offsets. */
export function offsetLabel(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const hours = Math.floor(Math.abs(offsetMinutes) / 60);
  const minutes = Math.abs(offsetMinutes) % 60;
  return `UTC${sign}${hours}${minutes === 0 ? '' : `:${String(minutes).padStart(2, '0')}`}`;
}

/** Dates, numbers, durations and people as the reader expects them, in one language and display time zone. */
export class Formatter {
  private readonly dateParts: Intl.DateTimeFormat;
  private readonly shortDate: Intl.DateTimeFormat;
  private readonly shortDateSeconds: Intl.DateTimeFormat;
  private readonly numbers: Intl.NumberFormat;
  private readonly months: Intl.DateTimeFormat;
  private readonly calendarDays: Intl.DateTimeFormat;
  private readonly wallClock: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();

  constructor(
    readonly m: Messages,
    readonly timeZone: string,
  ) {
    // Throws a RangeError for an unknown zone, before any page is drawn.
    this.dateParts = new Intl.DateTimeFormat(m.locale, {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    const short: Intl.DateTimeFormatOptions = {
      timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    };
    this.shortDate = new Intl.DateTimeFormat(m.locale, short);
    this.shortDateSeconds = new Intl.DateTimeFormat(m.locale, { ...short, second: '2-digit' });
    this.wallClock = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
      era: 'short',
    });
    this.numbers = new Intl.NumberFormat(m.locale);
    this.months = new Intl.DateTimeFormat(m.locale, { timeZone, month: 'long', year: 'numeric' });
    this.calendarDays = new Intl.DateTimeFormat(m.locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  }

  /** « Novembre 2019 », the month of a date in the display time zone. */
  month(value: string): string {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return value;
    const label = this.months.format(date);
    return label.charAt(0).toLocaleUpperCase(this.m.locale) + label.slice(1);
  }

  /**
   * « mardi 12 novembre 2019 à 08:30 », and its offset, « à 02:30 UTC+2 », when the clock showed that
   * time twice (the night summer time ends); a string that is not a date is shown as it is.
   */
  dateTime(value: string | Date): string {
    const date = typeof value === 'string' ? new Date(value) : value;
    if (Number.isNaN(date.getTime())) return String(value);
    const part = this.parts(date);
    const time = `${part.weekday} ${part.day} ${part.month} ${part.year} ${this.m.dateAt} ${part.hour}:${part.minute}`;
    return this.ambiguous(date.getTime()) ? `${time} ${offsetLabel(this.offsetMinutes(date.getTime()))}` : time;
  }

  /**
   * « lundi 23 novembre 2026 à 09:36:46 UTC+1 »: the instant a dossier is as of, to the second and
   * with its offset, so that dossiers as of different instants never read alike.
   */
  instant(value: string | Date): string {
    const date = typeof value === 'string' ? new Date(value) : value;
    if (Number.isNaN(date.getTime())) return String(value);
    const part = this.parts(date);
    const offset = offsetLabel(this.offsetMinutes(date.getTime()));
    return `${part.weekday} ${part.day} ${part.month} ${part.year} ${this.m.dateAt} ${part.hour}:${part.minute}:${part.second} ${offset}`;
  }

  /** Assembled from parts so the wording does not depend on the ICU version's pattern. */
  private parts(date: Date): Partial<Record<Intl.DateTimeFormatPartTypes, string>> {
    const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
    for (const { type, value: text } of this.dateParts.formatToParts(date)) part[type] = text;
    return part;
  }

  /**
   * Whether the wall time of `ms` is also that of another instant: `ms` lies within an offset's fall
   * (by Δ) before or after the instant the clock went back.
   */
  private ambiguous(ms: number): boolean {
    // Most days have no change: the offsets at the ends of the days around are enough to know it.
    const firstDay = Math.floor((ms - HOUR_MS) / DAY_MS) * DAY_MS;
    const lastDay = Math.floor((ms + HOUR_MS) / DAY_MS) * DAY_MS + DAY_MS;
    if (this.offsetMinutes(firstDay) === this.offsetMinutes(lastDay)) return false;
    const before = this.offsetMinutes(ms - HOUR_MS);
    const after = this.offsetMinutes(ms + HOUR_MS);
    // Same offset: no change within the hour; a larger one: the clock went forward, no time shows twice.
    if (before <= after) return false;
    const fall = (before - after) * 60_000;
    const here = this.offsetMinutes(ms);
    return here > this.offsetMinutes(ms + fall) || this.offsetMinutes(ms - fall) > here;
  }

  /** The display zone's offset from UTC at `ms`, in minutes (whole minutes since 1972 in every zone). */
  private offsetMinutes(ms: number): number {
    const quarter = Math.floor(ms / QUARTER_HOUR_MS);
    let offset = this.offsets.get(quarter);
    if (offset === undefined) {
      const at = quarter * QUARTER_HOUR_MS;
      const value: Record<string, string> = {};
      for (const { type, value: text } of this.wallClock.formatToParts(at)) value[type] = text;
      const year = value.era === 'BC' ? 1 - Number(value.year) : Number(value.year);
      // The wall time read as UTC (setUTCFullYear, unlike Date.UTC, leaves years 0 to 99 as they are).
      const wall = new Date(0);
      wall.setUTCFullYear(year, Number(value.month) - 1, Number(value.day));
      wall.setUTCHours(Number(value.hour), Number(value.minute), Number(value.second), 0);
      offset = Math.round((wall.getTime() - at) / 60_000);
      if (this.offsets.size >= MAX_REMEMBERED_OFFSETS) this.offsets.clear();
      this.offsets.set(quarter, offset);
    }
    return offset;
  }

  /** « vendredi 13 mars 2020 », a calendar date of the legal deadlines (a day, not an instant). */
  calendarDate(date: ParisDate): string {
    return this.calendarDays.format(new Date(Date.UTC(date.year, date.month - 1, date.day, 12)));
  }

  /** 03/12/2019 10:00:00 UTC+1: the instant a dossier is as of, in the page furniture. */
  shortInstant(value: string | Date): string {
    const date = typeof value === 'string' ? new Date(value) : value;
    if (Number.isNaN(date.getTime())) return String(value);
    return `${this.shortDateSeconds.format(date).replace(',', '')} ${offsetLabel(this.offsetMinutes(date.getTime()))}`;
  }

  /** 12/11/2019 08:30, for page furniture. */
  shortDateTime(value: string | Date): string {
    const date = typeof value === 'string' ? new Date(value) : value;
    if (Number.isNaN(date.getTime())) return String(value);
    return this.shortDate.format(date).replace(',', '');
  }

  number(value: number): string {
    return this.numbers.format(value);
  }

  /** 2 jours 2 heures 45 minutes. */
  duration(totalMinutes: number): string {
    const minutes = Math.max(0, Math.floor(totalMinutes));
    const days = Math.floor(minutes / MINUTES_PER_DAY);
    const hours = Math.floor((minutes % MINUTES_PER_DAY) / 60);
    const rest = minutes % 60;
    const parts: string[] = [];
    if (days > 0) parts.push(this.m.duration.day(days));
    if (hours > 0) parts.push(this.m.duration.hour(hours));
    if (rest > 0 || parts.length === 0) parts.push(this.m.duration.minute(rest));
    return parts.join(' ');
  }

  /** 2 jours 2 heures 45 minutes (3 045 minutes au total). */
  durationWithTotal(totalMinutes: number): string {
    const minutes = Math.max(0, Math.floor(totalMinutes));
    return `${this.duration(minutes)} (${this.m.duration.totalMinutes(this.number(minutes), minutes)})`;
  }

  bytes(size: number): string {
    return this.m.bytes(this.number(size));
  }

  /** bollywood (agent). */
  actor(actor: Pick<Actor, 'username' | 'role'> & { displayName?: string }): string {
    const role = (this.m.roles as Record<string, string>)[actor.role] ?? actor.role;
    return `${actor.displayName ?? actor.username} (${role})`;
  }

  quote(text: string): string {
    return this.m.quote(text);
  }
}
