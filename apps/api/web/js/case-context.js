import { download, get, session } from './api.js';
import { alert, badge, h } from './dom.js';
import { formatDateTime } from './dates.js';
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

const TABS = [
  ['timeline', '', () => true],
  ['requests', '/requests', () => true],
  ['outages', '/outages', () => true],
  ['history', '/history', () => true],
  ['sharing', '/sharing', (a) => a.owner],
  ['audit', '/audit', (a) => a.owner],
];

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
  const exportStatus = h('div', { class: 'mc-export-status', 'aria-live': 'polite' });
  const exportButton = (format, label, fallback) =>
    h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: 'fr-btn fr-btn--sm fr-btn--tertiary fr-icon-download-line fr-btn--icon-left',
          id: `export-${format}`,
          onclick: async (event) => {
            const button = event.currentTarget;
            button.disabled = true;
            exportStatus.replaceChildren(h('p', { class: 'fr-text--sm' }, t('case.exporting')));
            try {
              const path = format === 'pdf' ? 'dossier.pdf' : 'bundle.zip';
              const name = await download(`/cases/${summary.id}/${path}`, { lang: lang() }, fallback);
              exportStatus.replaceChildren(alert('success', null, t('case.exported', { name })));
            } catch (error) {
              exportStatus.replaceChildren(alert('error', null, error.message));
            } finally {
              button.disabled = false;
            }
          },
        },
        label,
      ),
    );
  if (access.export) {
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
    actions.length ? h('ul', { class: 'fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-btns-group--icon-left mc-actions' }, ...actions) : null,
    exportStatus,
    status ?? null,
    h('nav', { class: 'mc-tabs', 'aria-label': t('case.tabs') }, h('ul', { class: 'mc-tabs__list' }, ...tabs)),
  );
}
