import { get, post } from '../api.js';
import { badge, h, render } from '../dom.js';
import { ROLES, adminHead, roleLabel, unionOnlyForUnionReps } from '../admin-context.js';
import { setFlash, takeFlash } from '../flash.js';
import { buildForm } from '../forms.js';
import { t } from '../i18n.js';
import { navigate } from '../navigate.js';
import { table } from '../table.js';

/** Administration home: the accounts, and a form to create one (union only for a union representative). */
export async function show() {
  const accounts = await get('/accounts');
  const { form, controls } = buildForm({
    draftKey: 'admin:new-account',
    fields: [
      { name: 'username', type: 'text', required: true, label: t('login.username'), hint: t('admin.usernameHint'), maxlength: 64 },
      { name: 'displayName', type: 'text', label: t('admin.displayName') },
      {
        name: 'role',
        type: 'select',
        required: true,
        label: t('admin.role'),
        options: ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })),
        default: 'agent',
      },
      { name: 'union', type: 'text', label: t('admin.union'), required: (values) => values.role === 'union_rep' },
      { name: 'password', type: 'password', required: true, label: t('admin.password'), hint: t('password.rule'), autocomplete: 'new-password' },
    ],
    submitLabel: t('admin.createAccount'),
    onSubmit: async (body) => {
      if (body.role !== 'union_rep') delete body.union;
      const created = await post('/accounts', body);
      setFlash('success', t('admin.accountCreated', { name: created.username }));
      navigate('#/admin');
    },
  });
  unionOnlyForUnionReps(form, controls);
  const rows = accounts.map((a) => [
    h('a', { href: `#/admin/accounts/${encodeURIComponent(a.id)}` }, a.username),
    a.displayName,
    roleLabel(a),
    a.disabled ? badge('error', t('admin.disabled')) : badge('success', t('admin.enabled')),
  ]);
  render(
    adminHead('accounts', takeFlash()),
    h('h2', { class: 'fr-h4 fr-mt-3w' }, t('admin.accounts'), ' ', h('span', { class: 'fr-text--sm mc-muted' }, `(${accounts.length})`)),
    table(t('admin.accounts'), [t('login.username'), t('admin.displayName'), t('admin.role'), t('admin.state')], rows, 'accounts-table'),
    h('h2', { class: 'fr-h4 fr-mt-4w' }, t('admin.newAccount')),
    h('div', { class: 'mc-narrow' }, form),
  );
}
