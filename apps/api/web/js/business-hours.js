import { ApiError } from './api.js';
import { formatDateTime, formatParisDate } from './dates.js';
import { h } from './dom.js';
import { lang, t } from './i18n.js';

/**
 * A contract's support hours (POST /providers/:id/business-hours, BusinessHoursDefined): typed
 * by a clerk as text (« 08:00-12:00, 13:30-17:30 » per weekday, one closing period per line),
 * turned into the body the API expects ({ weekly: { "1": [{ from, to }] }, closures, source }),
 * and shown back in words.
 */

/** ISO weekdays, as the API names them: "1" = Monday ... "7" = Sunday. */
export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'];

/** The limits of the provider decider (libs/domain provider.ts). */
const MAX_RANGES = 6;
const MAX_CLOSURES = 100;

/** The form field of a weekday: day1 ... day7. */
export const dayField = (day) => `day${day}`;
export const weekdayName = (day) => t(`weekday.${day}`);
const capitalized = (text) => text.charAt(0).toUpperCase() + text.slice(1);

const pad = (n) => String(n).padStart(2, '0');
const TIME = /^(\d{1,2}):(\d{2})$/;

function minutesOf(time) {
  const m = TIME.exec(time);
  if (!m || Number(m[2]) > 59) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 24 * 60 ? minutes : null;
}

/**
 * « 08:00-12:00, 13:30-17:30 » -> { ranges: [{from, to}, ...] } in order, or { error } in words.
 * Empty text: the day is closed (no ranges). « 8:00 » is read as 08:00; the ranges may be typed in any order.
 */
export function parseRanges(text) {
  const parts = String(text ?? '')
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const ranges = [];
  for (const part of parts) {
    const bounds = part.split(/\s*[-–—]\s*/);
    const from = bounds.length === 2 ? minutesOf(bounds[0]) : null;
    const to = bounds.length === 2 ? minutesOf(bounds[1]) : null;
    if (from === null || to === null) return { error: t('hours.badRange', { range: part }) };
    if (to <= from) return { error: t('hours.backwards', { range: part }) };
    ranges.push({ from, to, text: part });
  }
  if (ranges.length > MAX_RANGES) return { error: t('hours.tooManyRanges', { max: MAX_RANGES }) };
  ranges.sort((a, b) => a.from - b.from);
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i].from < ranges[i - 1].to) return { error: t('hours.overlap', { first: ranges[i - 1].text, second: ranges[i].text }) };
  }
  const hhmm = (minutes) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  return { ranges: ranges.map((r) => ({ from: hhmm(r.from), to: hhmm(r.to) })) };
}

/** [{from, to}, ...] -> « 08:00-12:00, 13:30-17:30 », as typed in the form. */
export const rangesText = (ranges) => (ranges ?? []).map((r) => `${r.from}-${r.to}`).join(', ');

const DATE = String.raw`(\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})`;
const PERIOD = new RegExp(String.raw`^(?:du|from)?\s*${DATE}(?:\s*(?:-|–|—|au|à|to)\s*${DATE})?$`, 'i');

/** « 24/12/2019 » or « 2019-12-24 » -> '2019-12-24', null when it is not a real date. */
function isoDate(text) {
  const [y, m, d] = text.includes('/') ? text.split('/').reverse().map(Number) : text.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * One closing period per line, first and last closed day included: « 24/12/2019 - 01/01/2020 »
 * (or « du 24/12/2019 au 01/01/2020 », or ISO dates); a single date closes one day.
 * -> { closures: [{from, to}] } or { error } naming the line.
 */
export function parseClosures(text) {
  const lines = String(text ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  if (lines.length > MAX_CLOSURES) return { error: t('hours.tooManyClosures', { max: MAX_CLOSURES }) };
  const closures = [];
  for (const line of lines) {
    const m = PERIOD.exec(line);
    const from = m ? isoDate(m[1]) : null;
    const to = m ? (m[2] ? isoDate(m[2]) : from) : null;
    if (!from || !to) return { error: t('hours.badClosure', { line }) };
    if (to < from) return { error: t('hours.closureBackwards', { line }) };
    closures.push({ from, to });
  }
  return { closures };
}

/** A closing period as typed in the form: « 24/12/2019 - 01/01/2020 » (ISO dates in English, where day/month order varies). */
function closureText({ from, to }) {
  const typed = (iso) => (lang() === 'en' ? iso : iso.split('-').reverse().join('/'));
  return from === to ? typed(from) : `${typed(from)} - ${typed(to)}`;
}

/** The form's raw values of the provider's hours in force (the seed contract's, `defaultWeeklyHours`, when none are defined). */
export function hoursInitial({ businessHours: hours, defaultWeeklyHours }) {
  const weekly = hours?.weekly ?? defaultWeeklyHours;
  return {
    ...Object.fromEntries(WEEKDAYS.map((day) => [dayField(day), rangesText(weekly[day])])),
    closures: (hours?.closures ?? []).map(closureText).join('\n'),
    source: hours?.source ?? '',
  };
}

/** The form's fields: one per weekday, the closing periods, the source. */
export function hoursFields() {
  return [
    ...WEEKDAYS.map((day) => ({ name: dayField(day), type: 'text', label: capitalized(weekdayName(day)) })),
    { name: 'closures', type: 'textarea', rows: 3, label: t('hours.closures'), hint: t('hours.closuresHint') },
    { name: 'source', type: 'text', required: true, label: t('hours.source'), hint: t('hours.sourceHint') },
  ];
}

/**
 * The API's body from the form's raw values; a value that cannot be read throws an ApiError
 * naming its field, which buildForm shows next to that field like the API's own problems.
 */
export function hoursBody(raw) {
  const problems = [];
  const weekly = {};
  for (const day of WEEKDAYS) {
    const parsed = parseRanges(raw[dayField(day)]);
    if (parsed.error) problems.push({ field: dayField(day), message: parsed.error });
    else if (parsed.ranges.length) weekly[day] = parsed.ranges;
  }
  const closures = parseClosures(raw.closures);
  if (closures.error) problems.push({ field: 'closures', message: closures.error });
  if (problems.length) throw new ApiError(400, { message: problems.map((p) => p.message), fields: problems });
  const body = { weekly, source: String(raw.source ?? '').trim() };
  if (closures.closures.length) body.closures = closures.closures;
  return body;
}

/** The API names a weekday `weekly.1`; the form's field for it is day1. */
export function problemsOnDays(error) {
  if (error instanceof ApiError) error.fields = error.fields.map((f) => ({ ...f, field: String(f.field ?? '').replace(/^weekly\.([1-7])$/, 'day$1') }));
  return error;
}

/** '2026-03-03' -> « mardi 3 mars 2026 », as the deadlines write their dates. */
const dateWords = (iso) => {
  const [year, month, day] = iso.split('-').map(Number);
  return formatParisDate({ year, month, day });
};

/** « 08:00–12:00, 13:30–17:30 », or « fermé ». */
const dayWords = (ranges) => (ranges?.length ? ranges.map((r) => `${r.from}–${r.to}`).join(', ') : t('hours.closed'));

/** The provider's hours in force, in words: per weekday, the closing periods, the source; or that the seed contract's apply. */
export function hoursView({ businessHours: hours, defaultWeeklyHours }, id) {
  if (!hours) {
    return h(
      'div',
      { id },
      h('p', { class: 'fr-mb-1w' }, t('hours.default')),
      h('ul', {}, ...WEEKDAYS.map((day) => h('li', {}, t('hours.dayLine', { day: weekdayName(day), ranges: dayWords(defaultWeeklyHours[day]) })))),
      h('p', { class: 'fr-text--sm mc-muted' }, t('hours.holidays')),
    );
  }
  const closures = hours.closures ?? [];
  return h(
    'div',
    { id },
    h('ul', {}, ...WEEKDAYS.map((day) => h('li', {}, t('hours.dayLine', { day: weekdayName(day), ranges: dayWords(hours.weekly[day]) })))),
    h(
      'dl',
      { class: 'mc-details' },
      h('dt', {}, t('hours.closures')),
      h(
        'dd',
        {},
        closures.length
          ? h(
              'ul',
              { class: 'fr-mb-0' },
              ...closures.map((c) =>
                h(
                  'li',
                  {},
                  c.from === c.to
                    ? t('hours.closedOn', { date: dateWords(c.from) })
                    : t('hours.closedFromTo', { from: dateWords(c.from), to: dateWords(c.to) }),
                ),
              ),
            )
          : t('hours.noClosure'),
      ),
      h('dt', {}, t('hours.sourceShort')),
      h('dd', {}, hours.source),
      h('dt', {}, t('hours.definedAt')),
      h('dd', {}, formatDateTime(hours.definedAt)),
    ),
    h('p', { class: 'fr-text--sm mc-muted' }, t('hours.holidays')),
  );
}

/** Gathers the seven weekday inputs of a built form in one fieldset whose legend explains how to type them. */
export function groupDays(controls) {
  const days = controls.filter((c) => /^day[1-7]$/.test(c.field.name));
  const fieldset = h(
    'fieldset',
    { class: 'fr-fieldset mc-hours-days' },
    h('legend', { class: 'fr-fieldset__legend fr-fieldset__legend--regular' }, t('hours.days'), h('span', { class: 'fr-hint-text' }, t('hours.daysHint'))),
  );
  days[0].node.before(fieldset);
  fieldset.append(...days.map((c) => h('div', { class: 'fr-fieldset__element' }, c.node)));
  return fieldset;
}
