import { get, post } from '../api.js';
import { h, render } from '../dom.js';
import { adminHead } from '../admin-context.js';
import { setFlash, takeFlash } from '../flash.js';
import { buildForm } from '../forms.js';
import { t } from '../i18n.js';
import { navigate } from '../navigate.js';
import { commitmentText } from '../providers.js';
import { table } from '../table.js';

/** The provider register: every provider with its commitments in force, and a form to register one. */
export async function show() {
  const providers = await get('/providers');
  const { form } = buildForm({
    draftKey: 'admin:new-provider',
    fields: [
      { name: 'name', type: 'text', required: true, label: t('provider.name') },
      { name: 'contractReference', type: 'text', label: t('provider.contract') },
      { name: 'services', type: 'list', label: t('provider.services') },
      { name: 'contact', type: 'text', label: t('provider.contact') },
    ],
    submitLabel: t('provider.register'),
    onSubmit: async (body) => {
      const created = await post('/providers', body);
      setFlash('success', t('provider.registered', { name: body.name }));
      navigate(`#/admin/providers/${created.id}`);
    },
  });
  const rows = providers.map((p) => [
    h('a', { href: `#/admin/providers/${p.id}` }, p.name),
    p.contractReference ?? '',
    p.commitments.length ? h('ul', { class: 'fr-mb-0' }, ...p.commitments.map((c) => h('li', {}, commitmentText(c)))) : t('provider.noCommitment'),
    h('a', { class: 'fr-link fr-link--sm', href: `#/providers?provider=${p.id}` }, t('scorecard.open')),
  ]);
  render(
    adminHead('providers', takeFlash()),
    h('h2', { class: 'fr-h4 fr-mt-3w' }, t('provider.list')),
    rows.length
      ? table(t('provider.list'), [t('provider.name'), t('provider.contract'), t('provider.commitments'), t('scorecard.title')], rows, 'providers-table')
      : h('p', { id: 'providers-table' }, t('provider.none')),
    h('h2', { class: 'fr-h4 fr-mt-4w' }, t('provider.new')),
    h('div', { class: 'mc-narrow' }, form),
  );
}
