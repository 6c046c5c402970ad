import { get } from '../api.js';
import { badge, h, render } from '../dom.js';
import { formatDateTime, formatParisDate } from '../dates.js';
import { lang, t } from '../i18n.js';
import { navigate } from '../navigate.js';
import { table } from '../table.js';

/** What falls due soon across my cases (GET /deadlines?within=Nd), with the API's disclaimer. */
export async function show(_params, query) {
  const days = /^\d{1,3}$/.test(query.within ?? '') ? Number(query.within) : 14;
  const answer = await get('/deadlines', { within: `${days}d` });
  const input = h('input', { class: 'fr-input', type: 'number', id: 'within', min: 1, max: 366, value: days, inputmode: 'numeric' });
  const form = h(
    'form',
    { class: 'mc-inline-form', onsubmit: (e) => (e.preventDefault(), navigate(`#/deadlines?within=${encodeURIComponent(input.value)}`)) },
    h('div', { class: 'fr-input-group' }, h('label', { class: 'fr-label', for: 'within' }, t('deadlines.within')), input),
    h('button', { class: 'fr-btn fr-btn--secondary', type: 'submit' }, t('deadlines.show')),
  );
  // A breach notification runs in clock hours: its time matters as much as its day.
  const breach = (d) => d.what === 'breach_notification';
  const rows = answer.deadlines.map((d) => [
    h('strong', {}, breach(d) ? formatDateTime(d.at) : formatParisDate(d.date)),
    h('a', { href: `#/cases/${d.caseId}/${breach(d) ? 'timeline' : 'requests'}` }, d.caseTitle),
    h(
      'div',
      {},
      badge(d.what === 'answer' ? 'info' : breach(d) ? 'error' : 'warning', t(`deadlines.what.${d.what}`)),
      h('br'),
      `${d.subject} → ${d.to}`,
      h('br'),
      h('span', { class: 'fr-text--sm' }, d.consequence?.[lang()] ?? ''),
      d.ambiguous ? h('p', { class: 'fr-text--xs fr-mb-0 mc-warning' }, t('deadlines.ambiguous')) : null,
    ),
    d.source,
  ]);
  render(
    h('h1', { class: 'fr-mt-4w' }, t('deadlines.title')),
    h('p', { class: 'fr-text--sm mc-disclaimer', id: 'disclaimer' }, answer.disclaimer?.[lang()] ?? ''),
    form,
    rows.length
      ? table(
          t('deadlines.title'),
          [t('deadlines.col.date'), t('deadlines.col.case'), t('deadlines.col.what'), t('deadlines.col.source')],
          rows,
          'deadlines-table',
        )
      : h('p', {}, t('deadlines.empty')),
  );
}
