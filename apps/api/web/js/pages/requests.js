import { get } from '../api.js';
import { badge, h, render } from '../dom.js';
import { caseHead, loadCase } from '../case-context.js';
import { formatDateTime, formatParisDate } from '../dates.js';
import { enumLabel, lang, t } from '../i18n.js';
import { table } from '../table.js';

const STATUS_BADGE = { awaiting: 'info', due_soon: 'warning', overdue: 'error', implicit_rejection: 'error', answered: 'success', refused: 'error' };

function deadlineCell(deadline) {
  if (!deadline) return '—';
  return h(
    'div',
    {},
    h('strong', {}, formatParisDate(deadline.date)),
    h('br'),
    h('span', { class: 'fr-text--sm' }, deadline.consequence?.[lang()] ?? ''),
    h('br'),
    h('span', { class: 'fr-text--xs mc-muted' }, deadline.source),
    deadline.ambiguity
      ? h('p', { class: 'fr-text--xs fr-mb-0 mc-warning' }, t('requests.ambiguous', { reason: deadline.ambiguity.reason?.[lang()] ?? '' }))
      : null,
  );
}

/** The register of written requests: due dates with their rule and source, status, next step. */
export async function show({ caseId }) {
  const [context, register] = await Promise.all([loadCase(caseId), get(`/cases/${caseId}/requests`)]);
  const rows = register.requests.map((r) => {
    const d = r.deadlines ?? {};
    const status = d.status ?? 'no_deadline';
    return [
      h('div', {}, h('strong', {}, r.subject), h('br'), h('span', { class: 'fr-text--sm' }, `${enumLabel('requestKind', r.kind)} · ${r.from} → ${r.to}`)),
      h(
        'div',
        {},
        formatDateTime(r.sentAt),
        h('br'),
        h('span', { class: 'fr-text--xs' }, enumLabel('channel', r.channel)),
        !d.receiptKnown && d.ruleId ? h('p', { class: 'fr-text--xs fr-mb-0 mc-warning' }, t('requests.receiptUnknown')) : null,
      ),
      h(
        'div',
        {},
        badge(STATUS_BADGE[status] ?? 'new', t(`requestStatus.${status}`)),
        ...(d.flags ?? []).filter((f) => f.code === 'late_depends_on_reading').map((f) => h('p', { class: 'fr-text--xs fr-mb-0 mc-warning' }, f[lang()])),
      ),
      // A response stops the clock: the due date no longer foretells anything, unless the answer came after it.
      deadlineCell(!d.response || d.response.late ? d.due : null),
      deadlineCell(d.appeal),
    ];
  });
  render(
    caseHead(context, 'requests'),
    h('h2', { class: 'fr-h4 fr-mt-3w' }, t('requests.title')),
    h('p', { class: 'fr-text--sm mc-disclaimer', id: 'disclaimer' }, register.disclaimer?.[lang()] ?? ''),
    rows.length
      ? table(
          t('requests.title'),
          [t('requests.col.subject'), t('requests.col.sent'), t('requests.col.status'), t('requests.col.due'), t('requests.col.next')],
          rows,
          'requests-table',
        )
      : h('p', {}, t('requests.empty')),
  );
}
