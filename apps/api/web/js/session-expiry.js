import { alert } from './dom.js';
import { lang, t } from './i18n.js';

/**
 * When the session expires, where the person was and which files they had chosen: kept in the
 * tab, so that logging in again brings them back there (the form's draft is restored by the
 * form itself) and tells them that a chosen file could not be kept (a browser cannot store it).
 */
const KEY = 'mc.expired';

const quoted = (names) => names.map((name) => (lang() === 'en' ? `“${name}”` : `« ${name} »`)).join(', ');

/** Notes the page and its chosen files; returns the page's address, for the login's `next`. */
export function rememberExpiredPage() {
  const files = [...document.querySelectorAll('#contenu input[type=file]')].flatMap((input) => [...(input.files ?? [])].map((f) => f.name));
  sessionStorage.setItem(KEY, JSON.stringify({ hash: location.hash, files }));
  return location.hash;
}

function remembered() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
  } catch {
    return null;
  }
}

/** The sentences for the login page after an expiry: where they will go back, and the files lost. */
export function expiryNotes() {
  const page = remembered();
  return [t('app.sessionExpiredBack'), page?.files?.length ? t('app.fileNotKept', { names: quoted(page.files) }) : null].filter(Boolean);
}

/** Back on the page after logging in again: says which chosen files must be chosen again, once. */
export function showLostFiles(main) {
  const page = remembered();
  if (!page || page.hash !== location.hash) return;
  sessionStorage.removeItem(KEY);
  if (!page.files?.length) return;
  const notice = alert('warning', null, t('app.fileNotKept', { names: quoted(page.files) }));
  const summary = main.querySelector('.mc-summary');
  if (summary) summary.append(notice);
  else main.prepend(notice);
}
