import { get } from '../api.js';
import { h, render } from '../dom.js';
import { caseHead, loadCase } from '../case-context.js';
import { formatDateTime, isoToLocalInput, localInputToIso, toLocalInput } from '../dates.js';
import { entryTitle } from '../entry-kinds.js';
import { dateInput } from '../forms.js';
import { t } from '../i18n.js';
import { navigate } from '../navigate.js';

/**
 * For management and disputes: replay the case as of a date (links to the timeline with ?asOf=)
 * and list what was recorded between two dates (GET /cases/:id/changes?from=&to=).
 */
export async function show({ caseId }, query) {
  const context = await loadCase(caseId);
  const base = `#/cases/${caseId}`;

  const asOf = dateInput('as-of', t('history.asOf'), query.asOf ? isoToLocalInput(query.asOf) : toLocalInput());
  const basis = h(
    'select',
    { class: 'fr-select', id: 'basis' },
    h('option', { value: 'recorded' }, t('history.basis.recorded')),
    h('option', { value: 'occurred' }, t('history.basis.occurred')),
  );
  const replay = h(
    'form',
    {
      class: 'mc-inline-form',
      id: 'replay-form',
      onsubmit: (e) => {
        e.preventDefault();
        navigate(`${base}?asOf=${encodeURIComponent(localInputToIso(asOf.input.value))}&basis=${basis.value}`);
      },
    },
    asOf.node,
    h('div', { class: 'fr-select-group' }, h('label', { class: 'fr-label', for: 'basis' }, t('history.basis')), basis),
    h('button', { class: 'fr-btn', type: 'submit' }, t('history.replay')),
  );

  const from = dateInput('from', t('history.from'), query.from ? isoToLocalInput(query.from) : toLocalInput(new Date(Date.now() - 7 * 864e5)));
  // Up to the end of the current minute, so that what was just recorded is included.
  const to = dateInput('to', t('history.to'), query.to ? isoToLocalInput(query.to) : toLocalInput(new Date(Date.now() + 60_000)));
  const compare = h(
    'form',
    {
      class: 'mc-inline-form',
      id: 'changes-form',
      onsubmit: (e) => {
        e.preventDefault();
        navigate(`${base}/history?from=${encodeURIComponent(localInputToIso(from.input.value))}&to=${encodeURIComponent(localInputToIso(to.input.value))}`);
      },
    },
    from.node,
    to.node,
    h('button', { class: 'fr-btn fr-btn--secondary', type: 'submit' }, t('history.compare')),
  );

  let changes = null;
  if (query.from || query.to) {
    const answer = await get(`/cases/${caseId}/changes`, { from: query.from, to: query.to });
    const timeline = await get(`/cases/${caseId}/timeline`);
    const byId = new Map(timeline.entries.map((e) => [e.entryId, e]));
    changes = answer.changes.length
      ? h(
          'div',
          { id: 'changes' },
          h('p', {}, t('history.changesCount', { n: answer.changes.length })),
          h(
            'ol',
            { class: 'mc-changes' },
            ...answer.changes.map((c) => {
              const target = c.targetEntryId ? byId.get(c.targetEntryId) : null;
              const summary = entryTitle({ data: c.data }) || c.data.reason || '';
              return h(
                'li',
                {},
                h('p', { class: 'fr-mb-1v' }, h('strong', {}, t(`entry.${c.type}`)), summary ? ` — ${summary}` : ''),
                h(
                  'p',
                  { class: 'fr-text--sm fr-mb-1v mc-muted' },
                  `${t('timeline.recorded')} : ${formatDateTime(c.recordedAt)} ${t('timeline.by', { user: c.actor?.username ?? '' })}`,
                ),
                target
                  ? h(
                      'p',
                      { class: 'fr-text--sm fr-mb-0' },
                      `${t(`entry.${target.type}`)} : ${entryTitle(target)} (${t('history.target', { date: formatDateTime(target.occurredAt) })})`,
                    )
                  : null,
              );
            }),
          ),
        )
      : h('p', { id: 'changes' }, t('history.noChanges'));
  }

  render(
    caseHead(context, 'history'),
    h('h2', { class: 'fr-h4 fr-mt-3w' }, t('history.asOfTitle')),
    h('p', { class: 'fr-text--sm mc-muted' }, t('history.asOfIntro')),
    replay,
    h('h2', { class: 'fr-h4 fr-mt-5w' }, t('history.changesTitle')),
    compare,
    changes,
  );
}
