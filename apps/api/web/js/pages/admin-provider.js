import { api, get, post } from '../api.js';
import { h, render } from '../dom.js';
import { adminHead } from '../admin-context.js';
import { groupDays, hoursBody, hoursFields, hoursInitial, hoursView, problemsOnDays } from '../business-hours.js';
import { formatDateTime, formatMinutes } from '../dates.js';
import { setFlash, takeFlash } from '../flash.js';
import { buildForm, reasonForm } from '../forms.js';
import { t } from '../i18n.js';
import { navigate } from '../navigate.js';
import { SLA_CALENDARS, SLA_METRICS, metricLabel } from '../providers.js';
import { table } from '../table.js';

/**
 * One provider: its commitments in force (each withdrawn with a reason) and the form defining one;
 * the contract's support hours in force and the form defining them. Every change is sent with the
 * revision this page shows: if another administrator changed the provider meanwhile, the API
 * refuses it (409) and the form asks to reload, rather than overwrite what this page never showed.
 */
export async function show({ providerId }) {
  const provider = (await get('/providers')).find((p) => p.id === providerId);
  if (!provider) throw new Error(t('app.notFound'));
  const here = `#/admin/providers/${providerId}`;
  const expectedRevision = provider.revision;
  const { form } = buildForm({
    draftKey: `admin:sla:${providerId}`,
    fields: [
      { name: 'metric', type: 'select', required: true, label: t('sla.metric'), options: SLA_METRICS.map((m) => ({ value: m, label: metricLabel(m) })) },
      { name: 'target', type: 'duration', required: true, label: t('sla.target'), hint: t('sla.targetHint') },
      {
        name: 'calendar',
        type: 'radio',
        required: true,
        label: t('sla.calendar'),
        options: SLA_CALENDARS.map((c) => ({ value: c, label: t(`calendar.${c}`) })),
        default: '24x7',
      },
      { name: 'source', type: 'text', required: true, label: t('sla.source'), hint: t('sla.sourceHint') },
    ],
    submitLabel: t('sla.define'),
    onSubmit: async (body) => {
      await post(`/providers/${providerId}/sla`, { ...body, expectedRevision });
      setFlash('success', t('sla.defined', { metric: metricLabel(body.metric) }));
      navigate(here);
    },
  });
  const hoursForm = buildForm({
    draftKey: `admin:hours:${providerId}`,
    fields: hoursFields(),
    initial: hoursInitial(provider),
    submitLabel: t('hours.define'),
    onSubmit: async (_body, raw) => {
      try {
        await post(`/providers/${providerId}/business-hours`, { ...hoursBody(raw), expectedRevision });
      } catch (error) {
        throw problemsOnDays(error);
      }
      setFlash('success', t('hours.defined'));
      navigate(here);
    },
  });
  groupDays(hoursForm.controls);
  const rows = provider.commitments.map((c) => [
    metricLabel(c.metric),
    formatMinutes(c.target),
    t(`calendar.${c.calendar}`),
    c.source,
    h(
      'div',
      {},
      h('p', { class: 'fr-text--xs mc-muted fr-mb-1v' }, t('sla.definedBy', { date: formatDateTime(c.definedAt), user: c.definedBy?.username ?? '' })),
      reasonForm({
        label: t('sla.withdrawReason'),
        submitLabel: t('sla.withdraw'),
        onSubmit: async (reason) => {
          await api('DELETE', `/providers/${providerId}/sla/${c.metric}`, { json: { reason, expectedRevision } });
          setFlash('success', t('sla.withdrawn', { metric: metricLabel(c.metric) }));
          navigate(here);
        },
      }),
    ),
  ]);
  render(
    adminHead('providers', takeFlash()),
    h(
      'p',
      { class: 'fr-mt-3w fr-mb-1v' },
      h('a', { class: 'fr-link fr-icon-arrow-left-line fr-link--icon-left fr-link--sm', href: '#/admin/providers' }, t('provider.all')),
    ),
    h('h2', { class: 'fr-h4' }, provider.name),
    h(
      'dl',
      { class: 'mc-details' },
      provider.contractReference ? [h('dt', {}, t('provider.contract')), h('dd', {}, provider.contractReference)] : null,
      provider.services.length ? [h('dt', {}, t('provider.services')), h('dd', {}, provider.services.join(', '))] : null,
      provider.contact ? [h('dt', {}, t('provider.contact')), h('dd', {}, provider.contact)] : null,
      h('dt', {}, t('provider.registeredAt')),
      h('dd', {}, formatDateTime(provider.registeredAt)),
    ),
    h('h3', { class: 'fr-h5 fr-mt-3w' }, t('provider.commitments')),
    rows.length
      ? table(t('provider.commitments'), [t('sla.metric'), t('sla.target'), t('sla.calendar'), t('sla.source'), t('sla.withdraw')], rows, 'commitments-table')
      : h('p', { id: 'commitments-table' }, t('provider.noCommitment')),
    h('h3', { class: 'fr-h5 fr-mt-4w' }, t('sla.new')),
    h('p', { class: 'fr-text--sm mc-muted' }, t('sla.intro')),
    h('div', { class: 'mc-narrow' }, form),
    h('h3', { class: 'fr-h5 fr-mt-4w' }, t('hours.title')),
    hoursView(provider, 'business-hours'),
    h('h4', { class: 'fr-h6 fr-mt-3w' }, t('hours.new')),
    h('p', { class: 'fr-text--sm mc-muted' }, t('hours.intro')),
    h('div', { class: 'mc-narrow', id: 'business-hours-form' }, hoursForm.form),
  );
}
