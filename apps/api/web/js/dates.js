import { lang } from './i18n.js';

const pad = (n) => String(n).padStart(2, '0');

/** `2026-11-22T14:05` for a datetime-local input, in the browser's time zone. */
export function toLocalInput(date = new Date()) {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** `2026-11-22T14:05` (browser local time) -> `2026-11-22T14:05:00+01:00`, the offset being the browser's at that date. */
export function localInputToIso(value) {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return value;
  const [, y, mo, d, hh, mi, ss] = match;
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(hh), Number(mi), Number(ss ?? 0));
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${y}-${mo}-${d}T${hh}:${mi}:${ss ?? '00'}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An ISO instant back into a datetime-local value (browser time zone). */
export function isoToLocalInput(iso) {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '' : toLocalInput(new Date(ms));
}

export const TIME_ZONE = 'Europe/Paris';

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
