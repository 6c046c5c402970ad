import { get, session } from './api.js';
import { alert, badge, h, render } from './dom.js';
import { formatDateTime, localInputToIso } from './dates.js';
import { downloadButton } from './download-button.js';
import { dateInput } from './forms.js';
import { lang, t } from './i18n.js';

/**
 * What the caller may do on a case. The list rows carry `access: {owner, permissions}`; when the
 * service does not send it yet, the owner is the case's ownerId. The server enforces it anyway.
 */
export async function loadCase(caseId, query = {}) {
  const [summary, rows] = await Promise.all([get(`/cases/${caseId}`, query.asOf ? { asOf: query.asOf } : undefined), get('/cases')]);
  const row = rows.find((r) => r.id === caseId);
  const me = session.user;
  const owner = row?.access?.owner ?? summary.ownerId === me?.id;
  const permissions = row?.access?.permissions ?? [];
  const access = {
    owner,
    contribute: owner || permissions.includes('contribute'),
    export: owner || permissions.includes('export'),
  };
  return { summary, access };
}

/**
 * For the pages that write (new entry, evidence, correction, retraction), opened by a link or
 * a typed address: on a closed case, or for someone who may only read it, only the case's head
 * is shown, saying why, instead of a form the service would refuse. True when the page may go on.
 */
export function mayWrite(context) {
  if (context.summary.status === 'open' && context.access.contribute) return true;
  const why = context.summary.status === 'open' ? h('p', { class: 'fr-text--sm mc-muted fr-mt-3w', id: 'read-only' }, t('case.readOnly')) : null;
  render(caseHead(context, null), why);
  return false;
}

const TABS = [
  ['timeline', '', () => true],
  ['requests', '/requests', () => true],
  ['outages', '/outages', () => true],
  ['history', '/history', () => true],
  ['sharing', '/sharing', (a) => a.owner],
  ['audit', '/audit', (a) => a.owner],
];

/**
 * « État au » is a recording date: before the case was opened the journal held nothing, and the
 * service answers as for an unknown case. The page knows the opening date: it says so instead.
 */
export function exportBeforeOpening(summary, asOfIso) {
  if (!asOfIso || !(Date.parse(asOfIso) < Date.parse(summary.openedAt))) return null;
  return t('case.exportBeforeOpening', { date: formatDateTime(summary.openedAt) });
}

/** The case's heading, its actions (by access) and the section links; `current` names the section. */
export function caseHead({ summary, access }, current, status) {
  const base = `#/cases/${summary.id}`;
  const actions = [];
  if (access.contribute && summary.status === 'open') {
    actions.push(h('li', {}, h('a', { class: 'fr-btn fr-btn--sm fr-icon-add-line fr-btn--icon-left', href: `${base}/new`, id: 'add-entry' }, t('case.add'))));
    actions.push(
      h(
        'li',
        {},
        h('a', { class: 'fr-btn fr-btn--sm fr-btn--secondary fr-icon-attachment-line fr-btn--icon-left', href: `${base}/evidence` }, t('case.addEvidence')),
      ),
    );
  }
  if (access.owner) {
    const closing = summary.status === 'open';
    actions.push(
      h(
        'li',
        {},
        h(
          'a',
          {
            class: `fr-btn fr-btn--sm fr-btn--tertiary ${closing ? 'fr-icon-lock-line' : 'fr-icon-lock-unlock-line'} fr-btn--icon-left`,
            href: `${base}/status/${closing ? 'close' : 'reopen'}`,
            id: 'case-status',
          },
          t(closing ? 'case.close' : 'case.reopen'),
        ),
      ),
    );
  }
  const exportStatus = h('div', { class: 'mc-export-status', 'aria-live': 'polite' });
  let exportsAsOf = null;
  if (access.export) {
    // « État au » : empty means now (a value rounded to the minute would leave out what was just recorded).
    const asOf = dateInput('export-as-of', t('case.exportAsOf'), '');
    asOf.input.setAttribute('aria-describedby', 'export-as-of-hint');
    asOf.node.querySelector('label').append(h('span', { class: 'fr-hint-text', id: 'export-as-of-hint' }, t('case.exportAsOfHint')));
    exportsAsOf = h('div', { class: 'mc-export-as-of' }, asOf.node);
    const exportButton = (format, label, fallback) =>
      h(
        'li',
        {},
        downloadButton({
          id: `export-${format}`,
          label,
          className: 'fr-btn fr-btn--sm fr-btn--tertiary fr-icon-download-line fr-btn--icon-left',
          status: exportStatus,
          path: `/cases/${summary.id}/${format === 'pdf' ? 'dossier.pdf' : 'bundle.zip'}`,
          query: () => ({ lang: lang(), asOf: localInputToIso(asOf.input.value) || undefined }),
          check: () => exportBeforeOpening(summary, localInputToIso(asOf.input.value)),
          fallback,
          done: (name) => t('case.exported', { name }),
        }),
      );
    actions.push(exportButton('pdf', t('case.exportPdf'), 'dossier.pdf'));
    actions.push(exportButton('bundle', t('case.exportBundle'), 'paquet.zip'));
  }
  const tabs = TABS.filter(([, , allowed]) => allowed(access)).map(([name, suffix]) =>
    h('li', {}, h('a', { class: 'mc-tabs__link', href: `${base}${suffix}`, 'aria-current': name === current ? 'page' : undefined }, t(`case.tab.${name}`))),
  );
  return h(
    'div',
    { class: 'mc-case-head' },
    h(
      'p',
      { class: 'fr-mb-1v fr-mt-3w' },
      h('a', { class: 'fr-link fr-icon-arrow-left-line fr-link--icon-left fr-link--sm', href: '#/cases' }, t('nav.cases')),
    ),
    h('h1', { class: 'fr-h3 fr-mb-1w' }, summary.title, ' ', badge(summary.status === 'open' ? 'info' : 'success', t(`status.${summary.status}`))),
    h(
      'p',
      { class: 'fr-text--sm fr-mb-2w mc-muted' },
      t('case.openedBy', { date: formatDateTime(summary.openedAt), user: summary.openedBy?.username ?? '' }),
      summary.service ? ` · ${t('case.service', { service: summary.service })}` : '',
    ),
    summary.summary ? h('p', { class: 'fr-mb-2w' }, summary.summary) : null,
    summary.status === 'closed' ? alert('info', null, t('case.closedNotice')) : null,
    actions.length ? h('ul', { class: 'fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-btns-group--icon-left mc-actions' }, ...actions) : null,
    exportsAsOf,
    exportStatus,
    status ?? null,
    h('nav', { class: 'mc-tabs', 'aria-label': t('case.tabs') }, h('ul', { class: 'mc-tabs__list' }, ...tabs)),
  );
}
