import { lang } from './i18n.js';

/**
 * The journal's dates are Paris time (Europe/Paris), whatever the zone of the computer showing
 * the page: a date-time field holds Paris wall time (`2026-11-22T14:05`), read and written with
 * the offset of Europe/Paris at that wall time, taken from Intl (never from the computer's clock).
 */
export const TIME_ZONE = 'Europe/Paris';

const pad = (n) => String(n).padStart(2, '0');
const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const parisClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The Paris wall clock at an instant, as the milliseconds of the same wall time read as UTC. */
function parisWallMs(ms) {
  const p = Object.fromEntries(parisClock.formatToParts(ms).map(({ type, value }) => [type, Number(value)]));
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

/** Minutes Paris is ahead of UTC at an instant (60 in winter, 120 in summer). */
const parisOffsetMinutes = (ms) => Math.round((parisWallMs(ms) - Math.floor(ms / 1000) * 1000) / 60_000);

const offsetText = (minutes) => `${minutes >= 0 ? '+' : '-'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;

/**
 * A Paris wall time (`2026-11-22T14:05`) -> the instants it names, with their offsets:
 * one instant on an ordinary day; two in the hour repeated when the clocks go back (last Sunday of
 * October, 02:00-02:59), the first being summer time; none in the hour skipped when they go forward
 * (last Sunday of March, 02:00-02:59). Null when the text is not a wall time.
 */
export function parisReadings(value) {
  const match = WALL.exec(value ?? '');
  if (!match) return null;
  const [, y, mo, d, hh, mi, ss] = match;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hh), Number(mi), Number(ss ?? 0));
  const offsets = [...new Set([parisOffsetMinutes(wall - 36 * 3600_000), parisOffsetMinutes(wall + 36 * 3600_000)])].sort((a, b) => b - a);
  const text = `${y}-${mo}-${d}T${hh}:${mi}:${ss ?? '00'}`;
  const readings = offsets.filter((offset) => parisWallMs(wall - offset * 60_000) === wall).map((offset) => ({ iso: `${text}${offsetText(offset)}`, offset }));
  return { text, readings, offsets };
}

/**
 * What a Paris wall time means: `ok`, `repeated` (the clocks went back: read as the first of the two,
 * summer time, the rule the forms state) or `skipped` (it never existed: the clocks went forward).
 */
export function parisWallTimeKind(value) {
  const parsed = parisReadings(value);
  if (!parsed) return null;
  return parsed.readings.length === 0 ? 'skipped' : parsed.readings.length > 1 ? 'repeated' : 'ok';
}

/** `2026-11-22T14:05` for a datetime-local input: the Paris wall time of an instant (now by default). */
export function toLocalInput(date = new Date()) {
  return new Date(parisWallMs(date.getTime())).toISOString().slice(0, 16);
}

/**
 * `2026-11-22T14:05` (Paris wall time) -> `2026-11-22T14:05:00+01:00`, with the offset of Europe/Paris
 * at that wall time. A repeated hour is read as its first occurrence (summer time); a skipped one
 * with the offset in force just before it (the forms refuse it before this).
 */
export function localInputToIso(value) {
  if (!value) return '';
  const parsed = parisReadings(value);
  if (!parsed) return value;
  const [first] = parsed.readings;
  return first ? first.iso : `${parsed.text}${offsetText(parsed.offsets[parsed.offsets.length - 1])}`;
}

/** An ISO instant back into a datetime-local value (Paris wall time). */
export function isoToLocalInput(iso) {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '' : toLocalInput(new Date(ms));
}

/** True when the computer's clock does not show Paris time now (its zone is another one). */
export const computerIsNotOnParisTime = () => parisOffsetMinutes(Date.now()) !== -new Date().getTimezoneOffset();

/** `22 nov. 2026, 14:05` in Europe/Paris, in the page's language. */
export function formatDateTime(iso) {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso ?? '';
  return new Intl.DateTimeFormat(lang() === 'en' ? 'en-GB' : 'fr-FR', { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** A calendar date `{year, month, day}` of the deadline rules, written out. */
export function formatParisDate(date) {
  if (!date) return '';
  const utcNoon = Date.UTC(date.year, date.month - 1, date.day, 12);
  return new Intl.DateTimeFormat(lang() === 'en' ? 'en-GB' : 'fr-FR', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(utcNoon);
}

/** 1680 minutes -> `1 j 4 h` / `1 d 4 h`. */
export function formatMinutes(minutes) {
  if (typeof minutes !== 'number') return '';
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const unitD = lang() === 'en' ? 'd' : 'j';
  return [d ? `${d} ${unitD}` : '', h ? `${h} h` : '', m || (!d && !h) ? `${m} min` : ''].filter(Boolean).join(' ');
}
