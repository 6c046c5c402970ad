import { download } from './api.js';
import { alert, h } from './dom.js';
import { t } from './i18n.js';

/**
 * A button downloading an export with the bearer token (dossier, bundle, provider report); what
 * happens is said in `status` (aria-live). `query()` is read at click time (language, dates).
 * `check()`, if given, returns why the export cannot be made (nothing is sent then), or null.
 */
export function downloadButton({ id, label, className, status, path, query, fallback, done, check = () => null }) {
  const button = h(
    'button',
    {
      type: 'button',
      class: className,
      id,
      onclick: async () => {
        const refused = check();
        if (refused) {
          status.replaceChildren(alert('error', null, refused));
          return;
        }
        button.disabled = true;
        status.replaceChildren(h('p', { class: 'fr-text--sm' }, t('case.exporting')));
        try {
          const name = await download(path, query(), fallback);
          status.replaceChildren(alert('success', null, done(name)));
        } catch (error) {
          status.replaceChildren(alert('error', null, error.message));
        } finally {
          button.disabled = false;
        }
      },
    },
    label,
  );
  return button;
}
