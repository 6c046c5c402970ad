import { get } from '../api.js';
import { alert, badge, h, render } from '../dom.js';
import { adminHead } from '../admin-context.js';
import { t } from '../i18n.js';

/** Checks every hash chain of the journal (GET /integrity/verify) on request: it reads everything. */
export function show() {
  const result = h('div', { id: 'integrity-result', 'aria-live': 'polite' });
  const button = h(
    'button',
    {
      type: 'button',
      class: 'fr-btn',
      id: 'verify',
      onclick: async () => {
        button.disabled = true;
        result.replaceChildren(h('p', {}, t('integrity.running')));
        try {
          const answer = await get('/integrity/verify');
          const failure = answer.firstFailure;
          // '' rather than null when there is no failure: replaceChildren writes null out as text.
          result.replaceChildren(
            h('p', { class: 'fr-mt-2w' }, answer.ok ? badge('success', t('integrity.ok')) : badge('error', t('integrity.failed'))),
            h('p', {}, t('integrity.counts', { streams: answer.streams, events: answer.events })),
            failure
              ? alert(
                  'error',
                  t('integrity.firstFailure'),
                  h(
                    'dl',
                    { class: 'mc-details' },
                    h('dt', {}, t('integrity.stream')),
                    h('dd', {}, failure.streamId),
                    h('dt', {}, t('integrity.revision')),
                    h('dd', {}, String(failure.revision)),
                    h('dt', {}, t('integrity.reason')),
                    h('dd', {}, `${failure.reason} — ${failure.message}`),
                  ),
                )
              : '',
          );
        } catch (error) {
          result.replaceChildren(alert('error', null, error.message));
        } finally {
          button.disabled = false;
        }
      },
    },
    t('integrity.verify'),
  );
  render(adminHead('integrity'), h('h2', { class: 'fr-h4 fr-mt-3w' }, t('integrity.title')), h('p', {}, t('integrity.intro')), button, result);
}
