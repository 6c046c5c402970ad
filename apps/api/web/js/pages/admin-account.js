import { get, post } from '../api.js';
import { badge, h, render } from '../dom.js';
import { ROLES, adminHead, roleLabel, unionOnlyForUnionReps } from '../admin-context.js';
import { formatDateTime } from '../dates.js';
import { setFlash, takeFlash } from '../flash.js';
import { buildForm } from '../forms.js';
import { t } from '../i18n.js';
import { navigate } from '../navigate.js';

/** One account: disable or enable it (with a reason), change its role, give it a new password. Each change is recorded. */
export async function show({ accountId }) {
  const account = (await get('/accounts')).find((a) => a.id === accountId);
  if (!account) throw new Error(t('app.notFound'));
  const here = `#/admin/accounts/${encodeURIComponent(accountId)}`;
  const action = (path, done) => async (body) => {
    await post(`/accounts/${encodeURIComponent(accountId)}/${path}`, body);
    setFlash('success', done);
    navigate(here);
  };
  const enabling = account.disabled;
  const state = buildForm({
    fields: [{ name: 'reason', type: 'text', label: t(enabling ? 'admin.enableReason' : 'admin.disableReason') }],
    submitLabel: t(enabling ? 'admin.enable' : 'admin.disable'),
    onSubmit: action(enabling ? 'enable' : 'disable', t(enabling ? 'admin.enabledDone' : 'admin.disabledDone')),
  });
  const role = buildForm({
    fields: [
      { name: 'role', type: 'select', required: true, label: t('admin.role'), options: ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })) },
      { name: 'union', type: 'text', label: t('admin.union'), required: (values) => values.role === 'union_rep' },
    ],
    initial: { role: account.role, union: account.union ?? '' },
    submitLabel: t('admin.changeRole'),
    onSubmit: async (body) => {
      if (body.role !== 'union_rep') delete body.union;
      await action('role', t('admin.roleChanged'))(body);
    },
  });
  unionOnlyForUnionReps(role.form, role.controls);
  const password = buildForm({
    fields: [{ name: 'password', type: 'password', required: true, label: t('admin.newPassword'), hint: t('password.rule'), autocomplete: 'new-password' }],
    submitLabel: t('admin.resetPassword'),
    onSubmit: action('password', t('admin.passwordReset')),
  });
  render(
    adminHead('accounts', takeFlash()),
    h(
      'p',
      { class: 'fr-mt-3w fr-mb-1v' },
      h('a', { class: 'fr-link fr-icon-arrow-left-line fr-link--icon-left fr-link--sm', href: '#/admin' }, t('admin.allAccounts')),
    ),
    h(
      'h2',
      { class: 'fr-h4', id: 'account-head' },
      `${account.username} — ${account.displayName}`,
      ' ',
      account.disabled ? badge('error', t('admin.disabled')) : badge('success', t('admin.enabled')),
    ),
    h(
      'p',
      { class: 'fr-text--sm mc-muted', id: 'account-role' },
      `${roleLabel(account)} · ${t('admin.createdAt', { date: formatDateTime(account.createdAt) })} · ${t('admin.updatedAt', { date: formatDateTime(account.updatedAt) })}`,
    ),
    h(
      'div',
      { class: 'mc-narrow' },
      h('h3', { class: 'fr-h5 fr-mt-3w' }, t(enabling ? 'admin.enable' : 'admin.disable')),
      h('p', { class: 'fr-text--sm' }, t(enabling ? 'admin.enableIntro' : 'admin.disableIntro')),
      state.form,
    ),
    h('div', { class: 'mc-narrow' }, h('h3', { class: 'fr-h5 fr-mt-3w' }, t('admin.changeRole')), role.form),
    h('div', { class: 'mc-narrow' }, h('h3', { class: 'fr-h5 fr-mt-3w' }, t('admin.resetPassword')), password.form),
  );
}
