import { ApiError, api } from './api.js';
import { h, uid } from './dom.js';
import { t } from './i18n.js';

const ACCEPT = 'image/*,application/pdf,text/plain,message/rfc822,.eml,.msg,.doc,.docx,.odt,.xls,.xlsx,.ods';

/**
 * A file field with a "take a photo" button for phones (capture=environment). The last file
 * chosen in either input is the one sent; images get a preview.
 */
export function attachmentField({ label } = {}) {
  const id = uid('file');
  const errorId = `${id}-error`;
  const input = h('input', { class: 'fr-upload', type: 'file', id, name: 'file', accept: ACCEPT, 'aria-describedby': `${id}-hint` });
  const camera = h('input', { class: 'fr-sr-only', type: 'file', id: `${id}-camera`, accept: 'image/*', capture: 'environment', tabindex: '-1' });
  const chosen = h('div', { class: 'mc-file-chosen', 'aria-live': 'polite' });
  const error = h('p', { class: 'fr-error-text', id: errorId, hidden: true });
  let file = null;
  let previewUrl = null;
  const pick = (source) => {
    file = source.files?.[0] ?? null;
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    previewUrl = null;
    const nodes = [];
    if (file) {
      if (file.type.startsWith('image/')) {
        previewUrl = URL.createObjectURL(file);
        nodes.push(h('img', { src: previewUrl, alt: '', class: 'mc-preview' }));
      }
      nodes.push(h('span', { class: 'fr-text--sm' }, `${file.name} (${Math.ceil(file.size / 1024)} Ko)`));
    }
    chosen.replaceChildren(...nodes);
  };
  input.addEventListener('change', () => pick(input));
  camera.addEventListener('change', () => pick(camera));
  const photoButton = h(
    'button',
    { type: 'button', class: 'fr-btn fr-btn--secondary fr-btn--sm fr-icon-camera-line fr-btn--icon-left mc-photo', onclick: () => camera.click() },
    t('form.photo'),
  );
  const group = h(
    'div',
    { class: 'fr-upload-group fr-mb-3w' },
    h('label', { class: 'fr-label', for: id }, label ?? t('field.attachment'), h('span', { class: 'fr-hint-text', id: `${id}-hint` }, t('form.fileHint'))),
    input,
    h('div', { class: 'mc-photo-row' }, photoButton, camera),
    chosen,
    error,
  );
  return {
    node: group,
    get file() {
      return file;
    },
    showError(message) {
      group.classList.toggle('fr-upload-group--error', Boolean(message));
      error.hidden = !message;
      error.textContent = message ?? '';
      input.setAttribute('aria-describedby', message ? `${id}-hint ${errorId}` : `${id}-hint`);
    },
  };
}

/** POST /cases/:id/evidence (multipart). */
export async function uploadEvidence(caseId, file, fields = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== '') form.append(k, v);
  if (file) form.append('file', file, file.name);
  return api('POST', `/cases/${caseId}/evidence`, { form });
}

export { ApiError };
