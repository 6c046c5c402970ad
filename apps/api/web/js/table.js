import { h } from './dom.js';

/** A DSFR table: caption, header row, rows of cells (nodes or text). On a phone each row becomes a block (app.css). */
export function table(caption, headers, rows, id) {
  return h(
    'div',
    { class: 'fr-table fr-table--no-caption mc-table', id },
    h(
      'div',
      { class: 'fr-table__wrapper' },
      h(
        'div',
        { class: 'fr-table__container' },
        h(
          'div',
          { class: 'fr-table__content' },
          h(
            'table',
            {},
            h('caption', {}, caption),
            h('thead', {}, h('tr', {}, ...headers.map((x) => h('th', { scope: 'col' }, x)))),
            h('tbody', {}, ...rows.map((cells) => h('tr', {}, ...cells.map((c, i) => h('td', { 'data-label': headers[i] }, c))))),
          ),
        ),
      ),
    ),
  );
}
