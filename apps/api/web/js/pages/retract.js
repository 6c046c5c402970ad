import { get, post } from '../api.js';
import { alert, h, render } from '../dom.js';
import { caseHead, loadCase, mayWrite } from '../case-context.js';
import { formatDateTime } from '../dates.js';
import { entryTitle } from '../entry-kinds.js';
import { setFlash } from '../flash.js';
import { buildForm } from '../forms.js';
import { t } from '../i18n.js';
import { navigate } from '../navigate.js';

export async function show({ caseId, entryId }) {
  const [context, timeline] = await Promise.all([loadCase(caseId), get(`/cases/${caseId}/timeline`)]);
  if (!mayWrite(context)) return;
  const entry = timeline.entries.find((e) => e.entryId === entryId);
  if (!entry) throw new Error(t('app.notFound'));
  const { form } = buildForm({
    fields: [{ name: 'reason', type: 'textarea', required: true, rows: 3, label: t('retract.reason') }],
    draftKey: `${caseId}:retract:${entryId}`,
    submitLabel: t('retract.submit'),
    cancelHref: `#/cases/${caseId}`,
    onSubmit: async (body) => {
      const written = await post(`/cases/${caseId}/entries/${entryId}/retraction`, { reason: body.reason ?? '' });
      setFlash('success', t('form.saved', { date: formatDateTime(written.recordedAt) }));
      navigate(`#/cases/${caseId}`);
    },
  });
  const what = `${t(`entry.${entry.type}`)}${entryTitle(entry) ? ` — ${entryTitle(entry)}` : ''}`;
  render(
    caseHead(context, null),
    h('h2', { class: 'fr-h4 fr-mt-3w', 'data-page-heading': true }, t('retract.title', { what })),
    alert('warning', null, t('retract.intro')),
    h('div', { class: 'mc-narrow' }, form),
  );
}
