import { session, whenUnauthenticated } from './api.js';
import { h, render, alert } from './dom.js';
import { lang, setLang, t } from './i18n.js';
import { homeOf, navigate } from './navigate.js';
import { rememberExpiredPage, showLostFiles } from './session-expiry.js';

/**
 * Hash router: `#/cases`, `#/cases/:id`, `#/cases/:id/new/incident`... Each page is a module
 * exporting `show(params, query)`; modules are loaded when first needed.
 */
const ROUTES = [
  ['/login', () => import('./pages/login.js'), { public: true }],
  ['/cases', () => import('./pages/cases.js')],
  ['/cases/new', () => import('./pages/new-case.js')],
  ['/deadlines', () => import('./pages/deadlines.js')],
  ['/cases/:caseId', () => import('./pages/timeline.js')],
  ['/cases/:caseId/new', () => import('./pages/choose-kind.js')],
  ['/cases/:caseId/new/:kind', () => import('./pages/entry-form.js')],
  ['/cases/:caseId/evidence', () => import('./pages/evidence.js')],
  ['/cases/:caseId/entries/:entryId/correct', () => import('./pages/correct.js')],
  ['/cases/:caseId/entries/:entryId/retract', () => import('./pages/retract.js')],
  ['/cases/:caseId/requests', () => import('./pages/requests.js')],
  ['/cases/:caseId/outages', () => import('./pages/outages.js')],
  ['/cases/:caseId/history', () => import('./pages/history.js')],
  ['/cases/:caseId/sharing', () => import('./pages/sharing.js')],
  ['/cases/:caseId/audit', () => import('./pages/audit.js')],
  ['/cases/:caseId/status/:action', () => import('./pages/case-status.js')],
  ['/providers', () => import('./pages/scorecard.js')],
  ['/me/password', () => import('./pages/password.js')],
  ['/admin', () => import('./pages/admin-accounts.js')],
  ['/admin/accounts/:accountId', () => import('./pages/admin-account.js')],
  ['/admin/providers', () => import('./pages/admin-providers.js')],
  ['/admin/providers/:providerId', () => import('./pages/admin-provider.js')],
  ['/admin/integrity', () => import('./pages/admin-integrity.js')],
];

function match(path) {
  const parts = path.split('/').filter(Boolean);
  for (const [pattern, load, options = {}] of ROUTES) {
    const want = pattern.split('/').filter(Boolean);
    if (want.length !== parts.length) continue;
    const params = {};
    if (want.every((w, i) => (w.startsWith(':') ? ((params[w.slice(1)] = decodeURIComponent(parts[i])), true) : w === parts[i])))
      return { load, params, options };
  }
  return null;
}

let routing = 0;
async function route() {
  const hash = location.hash || '#/';
  if (!hash.startsWith('#/')) return; // an in-page anchor (skip link, error summary)
  const [path, search = ''] = hash.slice(1).split('?');
  const query = Object.fromEntries(new URLSearchParams(search));
  if (path === '/' || path === '') return navigate(session.token ? homeOf(session.user) : '#/login');
  const found = match(path);
  const turn = ++routing;
  renderChrome();
  if (!found) return render(h('h1', { class: 'fr-mt-4w' }, t('app.notFound')), h('a', { class: 'fr-link', href: '#/cases' }, t('nav.cases')));
  if (!found.options.public && !session.token) return navigate(`#/login?next=${encodeURIComponent(hash)}`);
  try {
    const page = await found.load();
    if (turn !== routing) return;
    await page.show(found.params, query);
    if (turn === routing) showLostFiles(document.getElementById('contenu'));
  } catch (error) {
    if (turn !== routing) return;
    if (error?.status === 401) return;
    render(
      h('h1', { class: 'fr-mt-4w' }, t('app.notFound')),
      alert('error', null, error?.message ?? String(error)),
      h('a', { class: 'fr-link', href: '#/cases' }, t('nav.cases')),
    );
  }
}

/** Header tools (user, language, logout) and the main menu, in the current language. */
function renderChrome() {
  document.documentElement.lang = lang();
  document.title = t('app.title');
  const home = document.getElementById('home-link');
  home.textContent = t('app.title');
  home.setAttribute('href', session.token ? homeOf(session.user) : '#/login');
  document.getElementById('skip-link').textContent = t('app.skip');
  document.getElementById('footer-text').textContent = t('app.footer');
  const user = session.user;
  const langButton = h(
    'button',
    {
      type: 'button',
      class: 'fr-btn fr-btn--tertiary-no-outline fr-btn--sm',
      lang: lang() === 'fr' ? 'en' : 'fr',
      'aria-label': t('app.switchLangLabel'),
      id: 'lang-switch',
      onclick: () => {
        setLang(lang() === 'fr' ? 'en' : 'fr');
        route();
      },
    },
    t('app.switchLang'),
  );
  const tools = [langButton];
  if (user) {
    tools.unshift(h('span', { class: 'mc-user fr-text--sm' }, t('app.loggedAs', { name: user.displayName || user.username, role: t(`role.${user.role}`) })));
    tools.push(
      h('a', { class: 'fr-btn fr-btn--tertiary-no-outline fr-btn--sm', id: 'my-password', href: '#/me/password' }, t('nav.password')),
      h(
        'button',
        {
          type: 'button',
          class: 'fr-btn fr-btn--tertiary-no-outline fr-btn--sm',
          id: 'logout',
          onclick: () => {
            session.clear();
            navigate('#/login');
          },
        },
        t('app.logout'),
      ),
    );
  }
  document.getElementById('header-tools').replaceChildren(...tools);
  const nav = document.getElementById('main-nav');
  nav.setAttribute('aria-label', t('nav.main'));
  const here = location.hash;
  const link = (href, label, active) => h('li', {}, h('a', { href, class: 'mc-nav__link', 'aria-current': active ? 'page' : undefined }, label));
  nav.replaceChildren(
    ...(user
      ? [
          h(
            'div',
            { class: 'fr-container' },
            h(
              'ul',
              { class: 'mc-nav__list' },
              user.role === 'admin' ? link('#/admin', t('nav.admin'), here.startsWith('#/admin')) : null,
              link('#/cases', t('nav.cases'), here.startsWith('#/cases')),
              link('#/deadlines', t('nav.deadlines'), here.startsWith('#/deadlines')),
              link('#/providers', t('nav.providers'), here.startsWith('#/providers')),
            ),
          ),
        ]
      : []),
  );
}

// An expired session: log in again, then back to the same page (its form's draft is kept).
whenUnauthenticated(() => {
  if (location.hash.startsWith('#/login')) return;
  navigate(`#/login?expired=1&next=${encodeURIComponent(rememberExpiredPage())}`);
});

document.getElementById('skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  document.getElementById('contenu').focus();
});
window.addEventListener('hashchange', route);
window.addEventListener('mc:route', route);
setLang(lang());
route();
