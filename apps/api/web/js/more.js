import { h } from './dom.js';
import { t } from './i18n.js';

/**
 * A short explanation kept out of the way: a native <details> the person opens if they want to
 * know more (what a fingerprint is, the fingerprint itself). Works with the keyboard and screen readers.
 */
export function more(summary, ...body) {
  return h(
    'details',
    { class: 'mc-more fr-text--sm fr-mb-1v' },
    h('summary', {}, summary),
    ...body.map((b) => (typeof b === 'string' ? h('p', { class: 'fr-text--sm fr-mb-1v' }, b) : b)),
  );
}

/** What « scellée » means, for the message after a file is saved (the fingerprint itself stays out of the way). */
export const sealedHelp = () => ({ title: t('more.sealedTitle'), text: t('more.sealedText') });
