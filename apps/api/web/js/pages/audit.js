import { ApiError, get } from '../api.js';
import { alert, h, render } from '../dom.js';
import { caseHead, loadCase } from '../case-context.js';
import { formatDateTime } from '../dates.js';
import { t } from '../i18n.js';
import { table } from '../table.js';
import { granteeLabel } from './sharing.js';

/** `timeline`, `pdf`, `export`... in words; an unknown value is shown as it is. */
function whatLabel(what) {
  const key = `auditWhat.${what}`;
  const text = t(key);
  return text === key ? what : text;
}

/** Who read, exported, shared or revoked: GET /cases/:id/audit, newest first (owner only). */
export async function show({ caseId }) {
  const context = await loadCase(caseId);
  let audit = null;
  try {
    audit = await get(`/cases/${caseId}/audit`);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
  }
  const rows = (audit?.entries ?? []).map((e) => [
    h('time', { datetime: e.at }, formatDateTime(e.at)),
    `${e.actor?.username ?? ''} (${t(`role.${e.actor?.role}`)})`,
    h(
      'div',
      {},
      h('strong', {}, t(`auditAction.${e.action}`)),
      e.what ? ` — ${whatLabel(e.what)}` : '',
      e.grantee ? ` — ${granteeLabel(e.grantee)}` : '',
      e.detail && !e.grantee ? h('br') : null,
      e.detail && !e.grantee ? h('span', { class: 'fr-text--xs mc-muted mc-break' }, e.detail) : null,
    ),
  ]);
  render(
    caseHead(context, 'audit'),
    h('h2', { class: 'fr-h4 fr-mt-3w' }, t('audit.title')),
    audit === null
      ? alert('info', null, t('audit.unavailable'))
      : rows.length
        ? table(t('audit.title'), [t('audit.col.at'), t('audit.col.who'), t('audit.col.action')], rows, 'audit-table')
        : h('p', {}, t('audit.empty')),
  );
}
