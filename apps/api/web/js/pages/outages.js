import { get } from '../api.js';
import { badge, h, render } from '../dom.js';
import { caseHead, loadCase } from '../case-context.js';
import { formatDateTime, formatMinutes } from '../dates.js';
import { enumLabel, lang, t } from '../i18n.js';
import { table } from '../table.js';

/** Cut-offs with their restorations, durations, prior notice and the provider's commitments broken. */
export async function show({ caseId }) {
  const [context, view] = await Promise.all([loadCase(caseId), get(`/cases/${caseId}/outages`)]);
  const rows = view.outages.map((o) => [
    formatDateTime(o.occurredAt),
    (o.resources ?? []).map((r) => [enumLabel('resource', r.kind), r.label].filter(Boolean).join(' : ')).join(', '),
    o.ongoing ? badge('warning', t('outages.ongoing')) : formatDateTime(o.restoredAt),
    h(
      'div',
      {},
      formatMinutes(o.durationMinutes),
      ...(o.slaBreaches ?? []).map((b) =>
        h(
          'p',
          { class: 'fr-text--xs fr-mb-0 mc-warning' },
          b.consequence?.[lang()] ?? t('outages.breach', { metric: b.metric, over: formatMinutes(b.breachMinutes) }),
          b.source ? ` (${b.source})` : '',
        ),
      ),
    ),
    h('div', {}, enumLabel('priorNotice', o.priorNotice), o.priorNoticeMissing ? h('p', { class: 'fr-mb-0' }, badge('error', t('outages.noNotice'))) : null),
  ]);
  const totals = view.totals ?? { count: 0, minutes: 0, ongoing: 0 };
  render(
    caseHead(context, 'outages'),
    h('h2', { class: 'fr-h4 fr-mt-3w' }, t('outages.title')),
    rows.length ? h('p', {}, t('outages.totals', { count: totals.count, duration: formatMinutes(totals.minutes), ongoing: totals.ongoing })) : null,
    rows.length
      ? table(
          t('outages.title'),
          [t('outages.col.cut'), t('outages.col.what'), t('outages.col.restored'), t('outages.col.duration'), t('outages.col.notice')],
          rows,
          'outages-table',
        )
      : h('p', {}, t('outages.empty')),
  );
}
