import { h } from './dom.js';
import { t } from './i18n.js';

const TABS = [
  ['accounts', '#/admin'],
  ['providers', '#/admin/providers'],
  ['integrity', '#/admin/integrity'],
];

export const ROLES = ['agent', 'union_rep', 'manager', 'admin'];

/** The administration's heading and section links (accounts, providers, integrity); `current` names the section. */
export function adminHead(current, status) {
  return h(
    'div',
    { class: 'mc-case-head' },
    h('h1', { class: 'fr-h3 fr-mt-4w fr-mb-1w' }, t('admin.title')),
    h('p', { class: 'fr-text--sm mc-muted fr-mb-2w' }, t('admin.intro')),
    status ?? null,
    h(
      'nav',
      { class: 'mc-tabs', 'aria-label': t('admin.tabs') },
      h(
        'ul',
        { class: 'mc-tabs__list' },
        ...TABS.map(([name, href]) =>
          h('li', {}, h('a', { class: 'mc-tabs__link', href, 'aria-current': name === current ? 'page' : undefined }, t(`admin.tab.${name}`))),
        ),
      ),
    ),
  );
}

/** Shows the union field only when the chosen role is union_rep (account creation, role change). */
export function unionOnlyForUnionReps(form, controls) {
  const byName = Object.fromEntries(controls.map((c) => [c.field.name, c]));
  const update = () => (byName.union.node.hidden = byName.role.read() !== 'union_rep');
  form.addEventListener('change', update);
  update();
}

/** The role's name, with the union of a union representative. */
export const roleLabel = (account) => `${t(`role.${account.role}`)}${account.role === 'union_rep' && account.union ? ` (${account.union})` : ''}`;
