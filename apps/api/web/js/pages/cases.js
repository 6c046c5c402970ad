import { get, session } from '../api.js';
import { badge, h, render } from '../dom.js';
import { formatDateTime } from '../dates.js';
import { t } from '../i18n.js';

export async function show() {
  const user = session.user;
  const cases = await get('/cases');
  const title = user?.role === 'union_rep' ? t('cases.title.union_rep') : user?.role === 'manager' ? t('cases.title.manager') : t('cases.title');
  const mayOpen = user?.role === 'agent' || user?.role === 'union_rep';
  const list = cases.length
    ? h(
        'ul',
        { class: 'mc-case-list' },
        ...cases.map((c) =>
          h(
            'li',
            { class: 'fr-card fr-enlarge-link fr-card--horizontal fr-card--sm mc-case' },
            h(
              'div',
              { class: 'fr-card__body' },
              h(
                'div',
                { class: 'fr-card__content' },
                h('h2', { class: 'fr-card__title' }, h('a', { href: `#/cases/${c.id}` }, c.title)),
                h(
                  'p',
                  { class: 'fr-card__desc' },
                  t('cases.entries', { n: c.counts?.entries ?? 0, e: c.counts?.evidence ?? 0 }),
                  ' · ',
                  `${t('cases.col.last')} : ${formatDateTime(c.lastRecordedAt)}`,
                ),
                h(
                  'div',
                  { class: 'fr-card__start' },
                  h(
                    'p',
                    { class: 'fr-card__detail' },
                    badge(c.status === 'open' ? 'info' : 'success', t(`status.${c.status}`)),
                    ' ',
                    `${t('cases.col.opened')} ${formatDateTime(c.openedAt)} · ${c.openedBy?.username ?? ''}`,
                  ),
                ),
              ),
            ),
          ),
        ),
      )
    : h('p', {}, mayOpen ? t('cases.empty') : t('cases.emptyShared'));
  render(
    h(
      'div',
      { class: 'mc-page-head' },
      h('h1', {}, title),
      mayOpen ? h('a', { class: 'fr-btn fr-icon-add-line fr-btn--icon-left', href: '#/cases/new' }, t('cases.new')) : null,
    ),
    list,
  );
}
