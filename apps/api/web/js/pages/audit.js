import { ApiError, get } from '../api.js';
import { alert, h, render } from '../dom.js';
import { caseHead, loadCase } from '../case-context.js';
import { formatDateTime } from '../dates.js';
import { t } from '../i18n.js';
import { more } from '../more.js';
import { table } from '../table.js';
import { granteeLabel } from './sharing.js';

/** `timeline`, `pdf`, `export`... in words; an unknown value is shown as it is. */
function whatLabel(what) {
  const key = `auditWhat.${what}`;
  const text = t(key);
  return text === key ? what : text;
}

/** A period read (changes, scorecard): `du … au …`, either end may be open. */
function period({ from, to }) {
  if (from && to) return t('audit.period', { from: formatDateTime(from), to: formatDateTime(to) });
  if (from) return t('audit.since', { from: formatDateTime(from) });
  if (to) return t('audit.until', { to: formatDateTime(to) });
  return '';
}

/**
 * What was read or exported, in words and Paris time: `Dossier PDF, dans son état au 23 nov. 2026, 09:40`,
 * `pièce jointe « ecran.png »`. The service's own fields (audit entry, see libs/projections case-access.ts).
 */
function described(e) {
  if (e.action === 'read' && e.what === 'evidence') return e.fileName ? t('audit.file', { name: e.fileName }) : whatLabel(e.what);
  const parts = [whatLabel(e.what)];
  if (e.asOf) parts.push(t(e.basis === 'occurred' ? 'audit.asOfOccurred' : 'audit.asOf', { date: formatDateTime(e.asOf) }));
  const during = period(e);
  if (during) parts.push(during);
  if (e.purpose) parts.push(t('audit.purpose', { purpose: e.purpose }));
  return parts.join(', ');
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
      ' — ',
      e.grantee ? `${granteeLabel(e.grantee)}, ${whatLabel(e.what)}` : described(e),
      e.reason ? h('br') : null,
      e.reason ? h('span', { class: 'fr-text--sm' }, t('audit.reason', { reason: e.reason })) : null,
      e.sha256
        ? more(t('audit.details'), h('p', { class: 'fr-text--sm fr-mb-1v mc-break' }, t('audit.fingerprint', { sha: e.sha256 })), t('audit.fingerprintHelp'))
        : null,
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
