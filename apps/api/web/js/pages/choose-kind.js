import { h, render } from '../dom.js';
import { caseHead, loadCase, mayWrite } from '../case-context.js';
import { KINDS } from '../entry-kinds.js';
import { t } from '../i18n.js';

const ICONS = {
  incident: 'fr-icon-alert-line',
  cutoff: 'fr-icon-close-circle-line',
  restoration: 'fr-icon-checkbox-circle-line',
  'provider-action': 'fr-icon-settings-5-line',
  request: 'fr-icon-mail-line',
  receipt: 'fr-icon-mail-open-line',
  response: 'fr-icon-reply-line',
  meeting: 'fr-icon-team-line',
  impact: 'fr-icon-time-line',
  witness: 'fr-icon-user-line',
  note: 'fr-icon-edit-line',
};

/** Which kind of entry to file: one tile per kind, the most frequent first. */
export async function show({ caseId }) {
  const context = await loadCase(caseId);
  if (!mayWrite(context)) return;
  render(
    caseHead(context, null),
    h('h2', { class: 'fr-h4 fr-mt-3w', 'data-page-heading': true }, t('case.add')),
    h(
      'ul',
      { class: 'mc-kinds' },
      ...Object.keys(KINDS).map((kind) =>
        h(
          'li',
          {},
          h(
            'a',
            { class: 'mc-kind', href: `#/cases/${caseId}/new/${kind}`, id: `kind-${kind}` },
            h('span', { class: `${ICONS[kind]} mc-kind__icon`, 'aria-hidden': 'true' }),
            h('span', { class: 'mc-kind__text' }, h('strong', {}, t(`kind.${kind}`)), h('span', { class: 'fr-text--sm mc-muted' }, t(`kind.${kind}.hint`))),
          ),
        ),
      ),
    ),
  );
}
