import { ApiError, post, session } from '../api.js';
import { h, render } from '../dom.js';
import { setFlash, takeFlash } from '../flash.js';
import { buildForm } from '../forms.js';
import { t } from '../i18n.js';
import { navigate } from '../navigate.js';

/**
 * Changes one's own password (POST /me/password). The service ends every other session and
 * answers with a fresh token, kept here so that this session goes on.
 */
export function show() {
  const { form } = buildForm({
    fields: [
      { name: 'currentPassword', type: 'password', required: true, label: t('password.current') },
      { name: 'newPassword', type: 'password', required: true, label: t('password.new'), hint: t('password.rule'), autocomplete: 'new-password' },
      { name: 'confirmPassword', type: 'password', required: true, label: t('password.confirm'), autocomplete: 'new-password', exclude: true },
    ],
    submitLabel: t('password.submit'),
    onSubmit: async (body, raw) => {
      if ((raw.newPassword ?? '') !== (raw.confirmPassword ?? '')) {
        const message = t('password.mismatch');
        throw new ApiError(400, { message: [message], fields: [{ field: 'confirmPassword', message }] });
      }
      const answer = await post('/me/password', { currentPassword: body.currentPassword ?? '', newPassword: body.newPassword ?? '' });
      session.save(answer.token, answer.user);
      setFlash('success', t('password.done'));
      navigate('#/me/password');
    },
  });
  render(
    h('h1', { class: 'fr-mt-4w' }, t('password.title')),
    takeFlash(),
    h('p', { class: 'mc-muted' }, t('password.intro')),
    h('div', { class: 'mc-narrow' }, form),
  );
}
