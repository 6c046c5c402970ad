import { download } from './api.js';
import { alert, badge, h } from './dom.js';
import { formatDateTime, formatMinutes } from './dates.js';
import { KINDS, entryTitle, kindOfType } from './entry-kinds.js';
import { colon, enumLabel, t } from './i18n.js';

const HIDDEN = new Set(['entryId', 'evidenceId', 'sha256', 'mediaType', 'size']);

function fieldSpec(type, name) {
  const kind = kindOfType(type);
  return kind ? KINDS[kind].fields.find((f) => f.name === name) : null;
}

/** A stored value, written for a person: dates in Europe/Paris, enum labels, lists. */
export function formatValue(type, name, value, entriesById = new Map()) {
  if (value === null || value === undefined) return '—';
  const spec = fieldSpec(type, name);
  if (spec?.type === 'datetime' || /At$|Start$|End$/.test(name)) return formatDateTime(value);
  if (spec?.type === 'hours' || name === 'hoursLost') return formatMinutes(value);
  if (spec?.link || /EntryId$/.test(name)) {
    const target = entriesById.get(value);
    return target ? [t(`entry.${target.type}`), entryTitle(target), `(${formatDateTime(target.occurredAt)})`].filter(Boolean).join(' — ') : value;
  }
  if (Array.isArray(value))
    return value.map((v) => (typeof v === 'object' && v ? [enumLabel('resource', v.kind), v.label].filter(Boolean).join(' : ') : String(v))).join(', ');
  if (typeof value === 'boolean') return value ? t('form.yes') : t('form.no');
  if (spec?.enum) return enumLabel(spec.enum.group, value);
  if (type === 'EvidenceAttached' && name === 'size') return `${value} o`;
  return String(value);
}

function labelOf(type, name) {
  const spec = fieldSpec(type, name);
  const key = spec?.labelKey ?? `field.${name}`;
  const text = t(key);
  return text === key ? name : text;
}

function details(entry, data, entriesById) {
  // The facts' date is already the card's « Faits » line; the title its heading.
  const rows = Object.entries(data).filter(([name]) => !HIDDEN.has(name) && name !== 'occurredAt' && !(name === 'title' && entry.type === 'IncidentReported'));
  if (!rows.length) return null;
  return h(
    'dl',
    { class: 'mc-details' },
    ...rows.flatMap(([name, value]) => [h('dt', {}, labelOf(entry.type, name)), h('dd', {}, formatValue(entry.type, name, value, entriesById))]),
  );
}

/** `withDate`: under the entry it is about, the file's own date is said here (its own card lists it in its details). */
function evidenceButton(caseId, evidence, withDate = true) {
  const name = evidence.data.fileName ?? 'piece';
  const status = h('span', { class: 'mc-inline-status', 'aria-live': 'polite' });
  return h(
    'li',
    {},
    h(
      'button',
      {
        type: 'button',
        class: 'fr-btn fr-btn--tertiary fr-btn--sm fr-icon-download-line fr-btn--icon-left',
        onclick: async () => {
          try {
            await download(`/cases/${caseId}/evidence/${evidence.entryId}`, undefined, name);
            status.textContent = '';
          } catch (error) {
            status.replaceChildren(alert('error', null, error.message));
          }
        },
      },
      t('timeline.download', { name }),
    ),
    evidence.data.description ? h('span', { class: 'fr-text--sm mc-muted' }, ` ${evidence.data.description}`) : null,
    withDate && evidence.data.capturedAt
      ? h('span', { class: 'fr-text--sm mc-muted mc-captured' }, ` (${t('timeline.capturedAt', { date: formatDateTime(evidence.data.capturedAt) })})`)
      : null,
    status,
  );
}

/** A restoration is headed by the cut-off it ends, not by the conditions laid down (those stay in its details). */
function cardTitle(entry, entriesById) {
  const cutOff = entry.type === 'AccessRestored' ? entriesById.get(entry.data?.cutOffEntryId) : null;
  return cutOff ? t('timeline.restorationOf', { date: formatDateTime(cutOff.occurredAt) }) : entryTitle(entry);
}

/** One timeline entry: both dates, lateness, current data, corrections with the original, retraction. */
export function entryCard(caseId, entry, { entriesById, canContribute }) {
  const retracted = entry.retracted;
  const title = cardTitle(entry, entriesById);
  const flags = [];
  if (entry.lateBy) flags.push(badge('warning', t('timeline.late', { days: entry.lateBy.days })));
  if (entry.corrections?.length) flags.push(badge('info', t('timeline.corrected')));
  if (retracted) flags.push(badge('error', t('timeline.retracted')));
  const evidence = (entry.evidence ?? []).map((id) => entriesById.get(id)).filter(Boolean);
  const corrections = (entry.corrections ?? []).map((c) =>
    h(
      'li',
      {},
      h(
        'p',
        { class: 'fr-text--sm fr-mb-1v' },
        t('timeline.correction', { date: formatDateTime(c.recordedAt), user: c.actor?.username ?? '', reason: c.reason }),
      ),
      h(
        'ul',
        { class: 'fr-text--sm' },
        ...Object.entries(c.changes).map(([name, value]) =>
          h(
            'li',
            {},
            `${labelOf(entry.type, name)} — `,
            h('del', {}, t('timeline.was', { value: formatValue(entry.type, name, entry.original?.[name], entriesById) })),
            ' → ',
            h('ins', {}, t('timeline.now', { value: formatValue(entry.type, name, value, entriesById) })),
          ),
        ),
      ),
    ),
  );
  const kind = kindOfType(entry.type);
  const actions =
    canContribute && !retracted && (kind || entry.type === 'EvidenceAttached')
      ? h(
          'ul',
          { class: 'fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-btns-group--right fr-btns-group--icon-left mc-entry-actions' },
          kind
            ? h(
                'li',
                {},
                h(
                  'a',
                  {
                    class: 'fr-btn fr-btn--tertiary fr-btn--sm fr-icon-edit-line fr-btn--icon-left',
                    href: `#/cases/${caseId}/entries/${entry.entryId}/correct`,
                  },
                  t('timeline.correct'),
                ),
              )
            : null,
          h(
            'li',
            {},
            h(
              'a',
              {
                class: 'fr-btn fr-btn--tertiary fr-btn--sm fr-icon-strikethrough fr-btn--icon-left',
                href: `#/cases/${caseId}/entries/${entry.entryId}/retract`,
              },
              t('timeline.retract'),
            ),
          ),
        )
      : null;
  return h(
    'li',
    { class: `mc-entry${retracted ? ' mc-entry--retracted' : ''}`, id: `entry-${entry.entryId}`, dataset: { type: entry.type } },
    h(
      'article',
      { 'aria-labelledby': `entry-${entry.entryId}-title` },
      h('p', { class: 'fr-tag fr-tag--sm mc-entry__kind' }, t(`entry.${entry.type}`)),
      h(
        'h3',
        { class: 'fr-h6 fr-mb-1v', id: `entry-${entry.entryId}-title` },
        retracted ? h('s', {}, title || t(`entry.${entry.type}`)) : title || t(`entry.${entry.type}`),
      ),
      h(
        'p',
        { class: 'mc-dates fr-text--sm fr-mb-1w' },
        h('span', {}, h('strong', {}, colon(t('timeline.occurred'))), h('time', { datetime: entry.occurredAt }, formatDateTime(entry.occurredAt))),
        h(
          'span',
          {},
          h('strong', {}, colon(t('timeline.recorded'))),
          h('time', { datetime: entry.recordedAt }, formatDateTime(entry.recordedAt)),
          ' ',
          t('timeline.by', { user: entry.actor?.username ?? '' }),
        ),
      ),
      flags.length ? h('p', { class: 'fr-mb-1w mc-flags' }, ...flags) : null,
      retracted
        ? alert(
            'warning',
            null,
            t('timeline.retractedOn', { date: formatDateTime(retracted.recordedAt), user: retracted.actor?.username ?? '', reason: retracted.reason }),
          )
        : null,
      h('div', { class: retracted ? 'mc-struck' : '' }, details(entry, entry.data, entriesById)),
      entry.type === 'EvidenceAttached'
        ? h(
            'ul',
            { class: 'mc-evidence fr-btns-group fr-btns-group--sm fr-btns-group--icon-left fr-btns-group--inline-md' },
            evidenceButton(caseId, entry, false),
          )
        : null,
      corrections.length ? h('div', { class: 'mc-corrections' }, h('ol', { class: 'mc-correction-list' }, ...corrections)) : null,
      evidence.length
        ? h(
            'div',
            {},
            h('p', { class: 'fr-text--sm fr-text--bold fr-mb-1v' }, t('timeline.evidence')),
            h(
              'ul',
              { class: 'mc-evidence fr-btns-group fr-btns-group--sm fr-btns-group--icon-left fr-btns-group--inline-md' },
              ...evidence.map((ev) => evidenceButton(caseId, ev)),
            ),
          )
        : null,
      actions,
    ),
  );
}
