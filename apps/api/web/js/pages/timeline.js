import { get } from '../api.js';
import { alert, h, render } from '../dom.js';
import { caseHead, loadCase } from '../case-context.js';
import { formatDateTime } from '../dates.js';
import { entryCard } from '../entry-view.js';
import { takeFlash } from '../flash.js';
import { t } from '../i18n.js';

/** The case's timeline (ordered by fact date); `?asOf=&basis=` replays it as of a date. */
export async function show({ caseId }, query) {
  const context = await loadCase(caseId);
  const timeline = await get(`/cases/${caseId}/timeline`, { asOf: query.asOf, basis: query.basis });
  const entriesById = new Map(timeline.entries.map((e) => [e.entryId, e]));
  const shown = timeline.entries.filter((e) => !(e.type === 'EvidenceAttached' && e.data.aboutEntryId && entriesById.has(e.data.aboutEntryId)));
  const status = takeFlash();
  // Two different questions, said as such: what the journal held then, or the facts up to then as known today.
  const basis = timeline.basis === 'occurred' ? 'occurred' : 'recorded';
  const asOf = timeline.asOf
    ? alert(
        'info',
        null,
        h('p', {}, h('strong', { id: 'as-of-heading' }, t(`timeline.asOf.${basis}`, { date: formatDateTime(timeline.asOf) }))),
        t(`timeline.asOfNote.${basis}`),
        h('a', { class: 'fr-link fr-icon-arrow-go-back-line fr-link--icon-left', href: `#/cases/${caseId}` }, t('timeline.backToNow')),
      )
    : null;
  render(
    caseHead(context, 'timeline', status),
    h(
      'h2',
      { class: 'fr-h4 fr-mt-3w' },
      t('timeline.title'),
      ' ',
      h('span', { class: 'fr-text--sm mc-muted' }, `(${t('timeline.entryCount', { n: shown.length })})`),
    ),
    asOf,
    !context.access.contribute ? h('p', { class: 'fr-text--sm mc-muted' }, t('case.readOnly')) : null,
    shown.length
      ? h(
          'ol',
          { class: 'mc-timeline', id: 'timeline' },
          ...shown.map((entry) =>
            entryCard(caseId, entry, { entriesById, canContribute: context.access.contribute && context.summary.status === 'open' && !timeline.asOf }),
          ),
        )
      : h('p', { id: 'timeline' }, t('timeline.empty')),
  );
}
