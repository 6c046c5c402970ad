import type { Actor, ParisDate } from '@mc/domain';
import type { Messages } from '../i18n';

const MINUTES_PER_DAY = 24 * 60;

/** Dates, numbers, durations and people as the reader expects them, in one language and display time zone. */
export class Formatter {
  private readonly dateParts: Intl.DateTimeFormat;
  private readonly shortDate: Intl.DateTimeFormat;
  private readonly numbers: Intl.NumberFormat;
  private readonly months: Intl.DateTimeFormat;
  private readonly calendarDays: Intl.DateTimeFormat;

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
      hourCycle: 'h23',
    });
    this.shortDate = new Intl.DateTimeFormat(m.locale, {
      timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
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

  /** « mardi 12 novembre 2019 à 08:30 »; a string that is not a date is shown as it is. */
  dateTime(value: string | Date): string {
    const date = typeof value === 'string' ? new Date(value) : value;
    if (Number.isNaN(date.getTime())) return String(value);
    // Assembled from parts so the wording does not depend on the ICU version's pattern.
    const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
    for (const { type, value: text } of this.dateParts.formatToParts(date)) part[type] = text;
    return `${part.weekday} ${part.day} ${part.month} ${part.year} ${this.m.dateAt} ${part.hour}:${part.minute}`;
  }

  /** « vendredi 13 mars 2020 », a calendar date of the legal deadlines (a day, not an instant). */
  calendarDate(date: ParisDate): string {
    return this.calendarDays.format(new Date(Date.UTC(date.year, date.month - 1, date.day, 12)));
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
