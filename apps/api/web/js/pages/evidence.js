import { get } from '../api.js';
import { h, render } from '../dom.js';
import { attachmentField, uploadEvidence } from '../attachment.js';
import { caseHead, loadCase, mayWrite } from '../case-context.js';
import { setFlash } from '../flash.js';
import { sealedHelp } from '../more.js';
import { buildForm } from '../forms.js';
import { t } from '../i18n.js';
import { navigate } from '../navigate.js';
import { targetOptions } from '../target-options.js';

/** A file on its own (or about an entry), with its description and the date it was taken. */
export async function show({ caseId }, query) {
  const [context, timeline] = await Promise.all([loadCase(caseId), get(`/cases/${caseId}/timeline`)]);
  if (!mayWrite(context)) return;
  const attachment = attachmentField({ label: t('field.file'), required: true });
  const { form } = buildForm({
    fields: [
      { name: 'description', type: 'textarea', rows: 2 },
      { name: 'aboutEntryId', type: 'select', options: targetOptions(timeline.entries, 'any') },
      { name: 'capturedAt', type: 'datetime' },
    ],
    initial: query.about ? { aboutEntryId: query.about } : {},
    before: [attachment.node],
    submitLabel: t('evidence.submit'),
    // The file is checked with the other fields, before anything is sent.
    checks: () => {
      const message = attachment.file ? null : t('evidence.fileMissing');
      attachment.showError(message);
      return [{ field: 'file', message }];
    },
    cancelHref: `#/cases/${caseId}`,
    onSubmit: async (body) => {
      attachment.showError(null);
      const evidence = await uploadEvidence(caseId, attachment.file, body).catch((error) => {
        const problem = error.fields?.find((f) => f.field === 'file') ?? (error.status === 413 || error.status === 415 ? { message: error.message } : null);
        if (problem) attachment.showError(problem.message);
        throw error;
      });
      setFlash('success', t('evidence.sent', { name: evidence.fileName }), sealedHelp());
      navigate(`#/cases/${caseId}`);
    },
  });
  render(caseHead(context, null), h('h2', { class: 'fr-h4 fr-mt-3w', 'data-page-heading': true }, t('evidence.title')), h('div', { class: 'mc-narrow' }, form));
}
