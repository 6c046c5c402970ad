import { get, post } from '../api.js';
import { alert, h, render } from '../dom.js';
import { attachmentField, uploadEvidence } from '../attachment.js';
import { caseHead, loadCase, mayWrite } from '../case-context.js';
import { formatDateTime } from '../dates.js';
import { KINDS } from '../entry-kinds.js';
import { setFlash } from '../flash.js';
import { sealedHelp } from '../more.js';
import { buildForm } from '../forms.js';
import { t } from '../i18n.js';
import { navigate } from '../navigate.js';
import { targetOptions } from '../target-options.js';

/** The form of one entry kind; with an optional attachment sent right after the entry. */
export async function show({ caseId, kind }, query) {
  const spec = KINDS[kind];
  if (!spec) throw new Error(t('app.notFound'));
  const needsTargets = spec.fields.some((f) => f.targets);
  const [context, timeline] = await Promise.all([loadCase(caseId), needsTargets ? get(`/cases/${caseId}/timeline`) : null]);
  const fields = spec.fields.map((f) => (f.targets ? { ...f, options: targetOptions(timeline.entries, f.targets) } : f));
  const initial = {};
  for (const f of fields) if (f.targets && query[f.name]) initial[f.name] = query[f.name];
  if (!mayWrite(context)) return;
  const missingTarget = fields.find((f) => f.targets && f.required && f.options.length === 0);
  const attachment = spec.attachment ? attachmentField() : null;

  const { form } = buildForm({
    fields,
    initial,
    draftKey: `${caseId}:${kind}`,
    cancelHref: `#/cases/${caseId}`,
    after: attachment ? [attachment.node] : [],
    onSubmit: async (body, raw) => {
      const path = spec.path.replace(':requestEntryId', encodeURIComponent(raw.requestEntryId ?? ''));
      attachment?.showError(null);
      const written = await post(`/cases/${caseId}/${path}`, body);
      let message = t('form.saved', { date: formatDateTime(written.recordedAt) });
      let kindOfMessage = 'success';
      let help;
      if (attachment?.file) {
        try {
          const evidence = await uploadEvidence(caseId, attachment.file, { aboutEntryId: written.entryId });
          message += ` ${t('form.attachmentSaved', { name: evidence.fileName })}`;
          help = sealedHelp();
        } catch (error) {
          message = t('form.evidenceFailed', { message: error.message });
          kindOfMessage = 'warning';
        }
      }
      setFlash(kindOfMessage, message, help);
      sessionStorage.removeItem(`mc.draft.${caseId}:${kind}`);
      navigate(`#/cases/${caseId}`);
    },
  });
  render(
    caseHead(context, null),
    h('h2', { class: 'fr-h4 fr-mt-3w', 'data-page-heading': true }, t(`kind.${kind}`)),
    h('p', { class: 'mc-muted' }, t(`kind.${kind}.hint`)),
    missingTarget ? alert('warning', null, t('form.noTargets')) : null,
    h('div', { class: 'mc-narrow' }, form),
  );
}
