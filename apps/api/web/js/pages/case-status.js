import { post } from '../api.js';
import { alert, h, render } from '../dom.js';
import { caseHead, loadCase } from '../case-context.js';
import { formatDateTime } from '../dates.js';
import { setFlash } from '../flash.js';
import { buildForm } from '../forms.js';
import { t } from '../i18n.js';
import { navigate } from '../navigate.js';

/** The owner closes the case (no more entries; sharing and exports stay) or reopens it, saying why. */
export async function show({ caseId, action }) {
  if (action !== 'close' && action !== 'reopen') throw new Error(t('app.notFound'));
  const context = await loadCase(caseId);
  const { form } = buildForm({
    fields: [{ name: 'reason', type: 'textarea', required: true, rows: 3, label: t(`case.${action}Reason`) }],
    draftKey: `${caseId}:${action}`,
    submitLabel: t(`case.${action}`),
    cancelHref: `#/cases/${caseId}`,
    onSubmit: async (body) => {
      const written = await post(`/cases/${caseId}/${action}`, { reason: body.reason ?? '' });
      setFlash('success', t(`case.${action}Done`, { date: formatDateTime(written.recordedAt) }));
      navigate(`#/cases/${caseId}`);
    },
  });
  render(
    caseHead(context, null),
    h('h2', { class: 'fr-h4 fr-mt-3w', 'data-page-heading': true }, t(`case.${action}`)),
    alert('info', null, t(`case.${action}Intro`)),
    h('div', { class: 'mc-narrow' }, form),
  );
}
