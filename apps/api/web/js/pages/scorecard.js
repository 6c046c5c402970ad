import { get } from '../api.js';
import { badge, h, render } from '../dom.js';
import { formatDateTime, formatMinutes, localInputToIso, toLocalInput } from '../dates.js';
import { downloadButton } from '../download-button.js';
import { dateInput } from '../forms.js';
import { enumLabel, lang, t } from '../i18n.js';
import { navigate } from '../navigate.js';
import { metricLabel, minutesWithTotal } from '../providers.js';
import { table } from '../table.js';

const pad = (n) => String(n).padStart(2, '0');
const dateValue = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const isDate = (v) => /^\d{4}-\d{2}-\d{2}$/.test(v ?? '');

/** The period's bounds as ISO instants, Paris time: from the first day's start to the last day's end. */
const periodOf = (from, to) => ({ from: localInputToIso(`${from}T00:00`), to: localInputToIso(`${to}T23:59:59`) });

function figure(label, value, id) {
  return h('div', { class: 'mc-figure', id }, h('p', { class: 'mc-figure__value fr-mb-0' }, value), h('p', { class: 'fr-text--sm fr-mb-0' }, label));
}

/** Median and maximum of a set of durations, as two figures ('—' when there is none). */
const spreadFigures = (spread, what) => [
  figure(t(`scorecard.median.${what}`), spread ? formatMinutes(spread.median) : '—'),
  figure(t(`scorecard.max.${what}`), spread ? formatMinutes(spread.max) : '—'),
];

const caseLink = (caseId, text) => h('a', { href: `#/cases/${caseId}` }, text);

function counts(group, record) {
  const entries = Object.entries(record ?? {});
  return entries.length ? h('ul', { class: 'fr-mb-0' }, ...entries.map(([k, n]) => h('li', {}, `${enumLabel(group, k)} : ${n}`))) : h('p', {}, '—');
}

function breachesSection(card, titles) {
  if (!card.slaBreaches.length) return [h('p', { id: 'breaches' }, t('scorecard.noBreach'))];
  return [
    h(
      'div',
      { id: 'breaches' },
      ...card.slaBreaches.map((m) =>
        h(
          'section',
          { class: 'mc-breach fr-mb-3w' },
          h('h3', { class: 'fr-h6 fr-mb-1v' }, `${metricLabel(m.metric)} — ${t('scorecard.breachCount', { n: m.count })}`),
          h(
            'p',
            { class: 'fr-text--sm fr-mb-1w' },
            t('scorecard.commitment', { target: formatMinutes(m.target), calendar: t(`calendar.${m.calendar}`) }),
            h('br'),
            h('strong', {}, t('scorecard.clause')),
            ` ${m.source}`,
          ),
          table(
            metricLabel(m.metric),
            [t('scorecard.col.date'), t('scorecard.col.case'), t('scorecard.col.over')],
            m.breaches.map((b) => [formatDateTime(b.occurredAt), caseLink(b.caseId, titles.get(b.caseId) ?? b.caseId), minutesWithTotal(b.breachMinutes)]),
          ),
        ),
      ),
    ),
  ];
}

/** The provider's evaluation over the period, on the cases the reader may see, and its PDF report. */
export async function show(_params, query) {
  const providers = await get('/providers');
  const today = toLocalInput().slice(0, 10); // Paris date
  const [y, m, d] = today.split('-').map(Number);
  const fromValue = isDate(query.from) ? query.from : dateValue(new Date(Date.UTC(y - 1, m - 1, d + 1)));
  const toValue = isDate(query.to) ? query.to : today;
  const chosen = providers.find((p) => p.id === query.provider) ?? (providers.length === 1 ? providers[0] : null);

  const select = h(
    'select',
    { class: 'fr-select', id: 'provider', required: true },
    h('option', { value: '' }, t('form.choose')),
    ...providers.map((p) => h('option', { value: p.id, selected: p.id === chosen?.id }, p.name)),
  );
  const from = dateInput('from', t('history.from'), fromValue, 'date');
  const to = dateInput('to', t('history.to'), toValue, 'date');
  const filter = h(
    'form',
    {
      class: 'mc-inline-form',
      id: 'scorecard-form',
      onsubmit: (e) => {
        e.preventDefault();
        const q = new URLSearchParams({ provider: select.value, from: from.input.value, to: to.input.value });
        navigate(`#/providers?${q}`);
      },
    },
    h('div', { class: 'fr-select-group' }, h('label', { class: 'fr-label', for: 'provider' }, t('scorecard.provider')), select),
    from.node,
    to.node,
    h('button', { class: 'fr-btn', type: 'submit' }, t('scorecard.show')),
  );
  const head = [h('h1', { class: 'fr-mt-4w' }, t('scorecard.title')), h('p', { class: 'mc-muted' }, t('scorecard.intro'))];
  if (!providers.length) return render(...head, h('p', {}, t('provider.none')));
  if (!chosen) return render(...head, filter);

  const period = periodOf(fromValue, toValue);
  const card = await get(`/providers/${chosen.id}/scorecard`, period);
  const titles = new Map(card.cases.map((c) => [c.caseId, c.title]));
  const exportStatus = h('div', { class: 'mc-export-status', 'aria-live': 'polite' });
  const pdf = downloadButton({
    id: 'report-pdf',
    label: t('scorecard.pdf'),
    className: 'fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left',
    status: exportStatus,
    path: `/providers/${chosen.id}/report.pdf`,
    query: () => ({ ...period, lang: lang() }),
    fallback: 'evaluation-prestataire.pdf',
    done: (name) => t('scorecard.exported', { name }),
  });
  const i = card.interruptions;
  const r = card.requests;
  render(
    ...head,
    filter,
    h('h2', { class: 'fr-h3 fr-mt-3w fr-mb-1v', id: 'scorecard-title' }, card.providerName),
    h(
      'p',
      { class: 'fr-text--sm mc-muted' },
      t('scorecard.period', { from: formatDateTime(card.from ?? period.from), to: formatDateTime(card.to), n: card.casesCounted }),
    ),
    h('p', { class: 'fr-text--sm mc-disclaimer', id: 'disclaimer' }, card.disclaimer?.[lang()] ?? ''),
    h('div', { class: 'fr-mb-3w' }, pdf, exportStatus),

    h('h2', { class: 'fr-h4 fr-mt-3w' }, t('scorecard.interruptions')),
    h(
      'div',
      { class: 'mc-figures', id: 'interruptions' },
      figure(t('scorecard.count'), String(i.count)),
      figure(t('scorecard.totalDuration'), minutesWithTotal(i.totalMinutes), 'interruption-total'),
      ...spreadFigures(i.timeToRestore, 'restore'),
      i.ongoing ? figure(t('outages.ongoing'), String(i.ongoing)) : null,
    ),

    h('h2', { class: 'fr-h4 fr-mt-3w' }, t('scorecard.incidents'), ' ', h('span', { class: 'fr-text--sm mc-muted' }, `(${card.incidents.count})`)),
    h(
      'div',
      { class: 'mc-figures', id: 'incidents' },
      h('div', {}, h('h3', { class: 'fr-h6 fr-mb-1v' }, t('scorecard.bySeverity')), counts('severity', card.incidents.bySeverity)),
      h('div', {}, h('h3', { class: 'fr-h6 fr-mb-1v' }, t('scorecard.byCategory')), counts('category', card.incidents.byCategory)),
    ),

    h('h2', { class: 'fr-h4 fr-mt-3w' }, t('scorecard.breaches')),
    ...breachesSection(card, titles),

    h(
      'h2',
      { class: 'fr-h4 fr-mt-3w' },
      t('scorecard.withoutNotice'),
      ' ',
      h('span', { class: 'fr-text--sm mc-muted' }, `(${card.withoutPriorNotice.length})`),
    ),
    card.withoutPriorNotice.length
      ? table(
          t('scorecard.withoutNotice'),
          [t('scorecard.col.date'), t('scorecard.col.case'), t('scorecard.col.what')],
          card.withoutPriorNotice.map((o) => [
            formatDateTime(o.occurredAt),
            caseLink(o.caseId, titles.get(o.caseId) ?? o.caseId),
            h(
              'div',
              {},
              badge(o.kind === 'cut_off' ? 'warning' : 'info', t(`scorecard.kind.${o.kind}`)),
              ' ',
              o.kind === 'provider_action'
                ? enumLabel('action', o.what)
                : o.what
                    .split(', ')
                    .map((k) => enumLabel('resource', k))
                    .join(', '),
              o.description ? h('p', { class: 'fr-text--sm fr-mb-0' }, o.description) : null,
            ),
          ]),
          'without-notice',
        )
      : h('p', { id: 'without-notice' }, t('scorecard.none')),

    h('h2', { class: 'fr-h4 fr-mt-3w' }, t('scorecard.requests')),
    h(
      'div',
      { class: 'mc-figures', id: 'requests' },
      figure(t('scorecard.requestCount'), String(r.count)),
      figure(t('scorecard.answered'), String(r.answered)),
      figure(t('scorecard.unanswered'), String(r.unanswered)),
      ...spreadFigures(r.answerTime, 'answer'),
    ),

    h('h2', { class: 'fr-h4 fr-mt-3w' }, t('scorecard.cases')),
    card.cases.length
      ? table(
          t('scorecard.cases'),
          [
            t('scorecard.col.case'),
            t('scorecard.interruptions'),
            t('scorecard.totalDuration'),
            t('scorecard.incidents'),
            t('scorecard.col.breaches'),
            t('scorecard.col.withoutNotice'),
            t('scorecard.col.requests'),
          ],
          card.cases.map((c) => [
            caseLink(c.caseId, c.title),
            String(c.interruptions),
            minutesWithTotal(c.interruptionMinutes),
            String(c.incidents),
            String(c.breaches),
            String(c.withoutNotice),
            String(c.requests),
          ]),
          'scorecard-cases',
        )
      : h('p', { id: 'scorecard-cases' }, t('scorecard.noCase')),
  );
}
