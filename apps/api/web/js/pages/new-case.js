import { get, post } from '../api.js';
import { h, render } from '../dom.js';
import { buildForm } from '../forms.js';
import { t } from '../i18n.js';
import { navigate } from '../navigate.js';

export async function show() {
  const providers = await get('/providers');
  const { form } = buildForm({
    draftKey: 'new-case',
    fields: [
      { name: 'title', type: 'text', required: true, labelKey: 'field.caseTitle', maxlength: 200 },
      { name: 'service', type: 'text' },
      { name: 'organisation', type: 'text' },
      { name: 'summary', type: 'textarea', labelKey: 'field.caseSummary' },
      {
        name: 'providerId',
        type: 'select',
        label: t('newCase.provider'),
        hint: t('newCase.providerHint'),
        options: providers.map((p) => ({ value: p.id, label: p.name })),
      },
      {
        name: 'publicHolidays',
        type: 'radio',
        label: t('newCase.holidays'),
        enum: { group: 'publicHolidays', values: ['fr', 'fr-alsace-moselle'] },
        default: 'fr',
      },
    ],
    submitLabel: t('newCase.submit'),
    cancelHref: '#/cases',
    onSubmit: async (body) => {
      const created = await post('/cases', body);
      navigate(`#/cases/${created.id}`);
    },
  });
  render(h('h1', { class: 'fr-mt-4w' }, t('newCase.title')), h('div', { class: 'mc-narrow' }, form));
}
