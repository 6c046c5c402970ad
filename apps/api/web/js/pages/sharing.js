import { ApiError, api, get, post, session } from '../api.js';
import { alert, badge, h, render } from '../dom.js';
import { caseHead, loadCase } from '../case-context.js';
import { formatDateTime } from '../dates.js';
import { setFlash, takeFlash } from '../flash.js';
import { buildForm, reasonForm } from '../forms.js';
import { t } from '../i18n.js';
import { navigate } from '../navigate.js';

const PERMISSIONS = ['read', 'contribute', 'export'];

export function granteeLabel(grantee) {
  if (grantee.kind === 'group' && grantee.id === 'management') return t('sharing.withManagement');
  if (grantee.kind === 'group' && String(grantee.id).startsWith('union:')) return t('sharing.union', { name: grantee.id.slice(6) });
  return grantee.label ?? grantee.username ?? grantee.id;
}

function revokeForm(caseId, share) {
  return reasonForm({
    label: t('sharing.revokeReason'),
    submitLabel: t('sharing.revoke'),
    onSubmit: async (reason) => {
      await api('DELETE', `/cases/${caseId}/shares/${share.grantId}`, { json: { reason } });
      setFlash('success', t('sharing.revokedDone'));
      navigate(`#/cases/${caseId}/sharing`);
    },
  });
}

/** Share the case with my union, management or a person, and revoke; every change is recorded. */
export async function show({ caseId }) {
  const context = await loadCase(caseId);
  let shares = null;
  let unavailable = false;
  try {
    shares = await get(`/cases/${caseId}/shares`);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 405)) unavailable = true;
    else throw error;
  }
  const me = session.user;
  const { form, controls } = buildForm({
    draftKey: `${caseId}:share`,
    fields: [
      {
        name: 'grantee',
        type: 'radio',
        required: true,
        label: t('sharing.with'),
        options: [
          { value: 'union', label: t('sharing.withUnion') },
          { value: 'management', label: t('sharing.withManagement') },
          { value: 'user', label: t('sharing.withUser') },
        ],
        default: 'union',
      },
      { name: 'union', type: 'text', label: t('sharing.unionName'), default: me?.union ?? '', required: (values) => values.grantee === 'union' },
      { name: 'username', type: 'text', label: t('sharing.username'), required: (values) => values.grantee === 'user' },
      {
        name: 'permission',
        type: 'radio',
        required: true,
        label: t('sharing.permission'),
        options: PERMISSIONS.map((p) => ({ value: p, label: t(`permission.${p}`) })),
        default: 'export',
      },
    ],
    submitLabel: t('sharing.submit'),
    onSubmit: async (_body, raw) => {
      const grantee =
        raw.grantee === 'management'
          ? { kind: 'group', id: 'management' }
          : raw.grantee === 'user'
            ? { kind: 'user', username: raw.username ?? '' }
            : { kind: 'group', id: `union:${raw.union ?? ''}` };
      await post(`/cases/${caseId}/shares`, { grantee, permission: raw.permission ?? undefined });
      setFlash('success', t('sharing.done'));
      navigate(`#/cases/${caseId}/sharing`);
    },
  });
  // Only the field of the chosen kind of grantee is shown.
  const byName = Object.fromEntries(controls.map((c) => [c.field.name, c]));
  const showGranteeField = () => {
    const kind = byName.grantee.read();
    byName.union.node.hidden = kind !== 'union';
    byName.username.node.hidden = kind !== 'user';
  };
  form.addEventListener('change', showGranteeField);
  showGranteeField();
  const list =
    shares === null
      ? null
      : shares.length
        ? h(
            'ul',
            { class: 'mc-shares', id: 'shares' },
            ...shares.map((s) =>
              h(
                'li',
                { class: 'mc-share' },
                h(
                  'p',
                  { class: 'fr-mb-1v' },
                  h('strong', {}, granteeLabel(s.grantee)),
                  ' · ',
                  t(`permission.${s.permission}`),
                  ' ',
                  s.active ? badge('success', t('sharing.active')) : badge('new', t('sharing.revoked', { date: formatDateTime(s.revokedAt) })),
                ),
                h(
                  'p',
                  { class: 'fr-text--sm mc-muted fr-mb-1v' },
                  t('sharing.grantedBy', { date: formatDateTime(s.grantedAt), user: s.grantedBy?.username ?? '' }),
                  s.reason ? ` · « ${s.reason} »` : '',
                ),
                s.active ? revokeForm(caseId, s) : null,
              ),
            ),
          )
        : h('p', { id: 'shares' }, t('sharing.none'));
  render(
    caseHead(context, 'sharing', takeFlash()),
    h('h2', { class: 'fr-h4 fr-mt-3w' }, t('sharing.title')),
    h('p', { class: 'fr-text--sm mc-muted' }, t('sharing.intro')),
    unavailable ? alert('info', null, t('sharing.unavailable')) : null,
    h('div', { class: 'mc-narrow' }, form),
    h('h3', { class: 'fr-h5 fr-mt-4w' }, t('sharing.current')),
    list,
  );
}
