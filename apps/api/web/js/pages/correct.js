import { get, post } from '../api.js';
import { alert, h, render } from '../dom.js';
import { caseHead, loadCase, mayWrite } from '../case-context.js';
import { formatDateTime } from '../dates.js';
import { KINDS, entryTitle, kindOfType } from '../entry-kinds.js';
import { formatValue } from '../entry-view.js';
import { setFlash } from '../flash.js';
import { buildForm, deserialize, serialize } from '../forms.js';
import { t } from '../i18n.js';
import { navigate } from '../navigate.js';

/**
 * The entry's own form, filled with its current data; only the fields changed are sent as
 * `changes` (null removes an optional field), with the reason. Links to other entries stay.
 */
export async function show({ caseId, entryId }) {
  const [context, timeline] = await Promise.all([loadCase(caseId), get(`/cases/${caseId}/timeline`)]);
  if (!mayWrite(context)) return;
  const entry = timeline.entries.find((e) => e.entryId === entryId);
  const kind = entry && kindOfType(entry.type);
  if (!kind) throw new Error(t('app.notFound'));
  const fields = KINDS[kind].fields.filter((f) => !f.link).map((f) => ({ ...f, defaultNow: false }));
  const initial = Object.fromEntries(fields.map((f) => [f.name, deserialize(f, entry.data[f.name])]));
  const changesOf = (raw) => {
    const changes = {};
    for (const f of fields) {
      const before = serialize(f, initial[f.name]);
      const after = serialize(f, raw[f.name]);
      if (JSON.stringify(before) === JSON.stringify(after)) continue;
      if (f.type === 'datetime' && before && after && Date.parse(before) === Date.parse(after)) continue;
      changes[f.name] = after === undefined ? null : after;
    }
    return changes;
  };
  const reasonField = { name: 'reason', type: 'textarea', required: true, rows: 3, label: t('correct.reason'), exclude: true };
  const { form } = buildForm({
    fields: [...fields, reasonField],
    initial,
    draftKey: `${caseId}:correct:${entryId}`,
    submitLabel: t('correct.submit'),
    cancelHref: `#/cases/${caseId}`,
    onSubmit: async (_body, raw) => {
      const changes = changesOf(raw);
      if (Object.keys(changes).length === 0) throw Object.assign(new Error(t('correct.nothing')), { messages: [t('correct.nothing')] });
      const written = await post(`/cases/${caseId}/entries/${entryId}/corrections`, { changes, reason: raw.reason ?? '' });
      setFlash('success', t('form.saved', { date: formatDateTime(written.recordedAt) }));
      navigate(`#/cases/${caseId}`);
    },
  });
  const what = `${t(`entry.${entry.type}`)}${entryTitle(entry) ? ` — ${entryTitle(entry)}` : ''}`;
  render(
    caseHead(context, null),
    h('h2', { class: 'fr-h4 fr-mt-3w', 'data-page-heading': true }, t('correct.title', { what })),
    alert('info', null, t('correct.intro')),
    h(
      'p',
      { class: 'fr-text--sm mc-muted' },
      `${t('timeline.occurred')} : ${formatValue(entry.type, 'occurredAt', entry.occurredAt)} · ${t('timeline.recorded')} : ${formatDateTime(entry.recordedAt)}`,
    ),
    h('div', { class: 'mc-narrow' }, form),
  );
}
