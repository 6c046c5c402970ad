import { ApiError, api, session } from '../api.js';
import { alert, h, render } from '../dom.js';
import { buildForm } from '../forms.js';
import { t } from '../i18n.js';
import { homeOf, navigate } from '../navigate.js';
import { expiryNotes } from '../session-expiry.js';

export function show(_params, query) {
  const { form } = buildForm({
    fields: [
      { name: 'username', type: 'text', required: true, label: t('login.username'), autocomplete: 'username', requiredMessage: t('login.usernameMissing') },
      { name: 'password', type: 'password', required: true, label: t('login.password'), requiredMessage: t('login.passwordMissing') },
    ],
    submitLabel: t('login.submit'),
    errorsTitle: t('login.errorsTitle'),
    onSubmit: async (body) => {
      try {
        const answer = await api('POST', '/auth/login', { json: { username: body.username ?? '', password: body.password ?? '' } });
        session.save(answer.token, answer.user);
        const next = query.next && query.next.startsWith('#/') && !query.next.startsWith('#/login') ? query.next : homeOf(answer.user);
        navigate(next);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) throw Object.assign(new Error(t('login.failed')), { messages: [t('login.failed')] });
        throw error;
      }
    },
  });
  render(
    h(
      'div',
      { class: 'fr-grid-row fr-grid-row--center' },
      h(
        'div',
        { class: 'fr-col-12 fr-col-md-8 fr-col-lg-6 fr-mt-4w' },
        h('h1', {}, t('login.title')),
        h('p', {}, t('login.intro')),
        query.expired ? alert('info', null, t('app.sessionExpired'), ...(query.next ? expiryNotes() : [])) : null,
        form,
      ),
    ),
  );
}
