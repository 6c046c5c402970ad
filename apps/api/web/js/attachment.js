import { ApiError, api, get } from './api.js';
import { h, uid } from './dom.js';
import { t } from './i18n.js';

/** The service's default limit (MC_MAX_UPLOAD_BYTES), until it has said its own. */
const DEFAULT_LIMIT = 25 * 1024 * 1024;
let limit = null;

/** The largest file the service accepts, in bytes, from GET /me (asked again when `fresh`). */
export function uploadLimit(fresh = false) {
  if (fresh || !limit)
    limit = get('/me')
      .then((me) => me?.limits?.maxUploadBytes ?? DEFAULT_LIMIT)
      .catch(() => ((limit = null), DEFAULT_LIMIT));
  return limit;
}

/** 27 000 832 bytes -> « 25,8 Mo » (mebibytes, as the limit is set; the page's language). */
export function megabytes(bytes) {
  const n = new Intl.NumberFormat(t('app.locale'), { maximumFractionDigits: 1 }).format(Math.round((bytes / 1048576) * 10) / 10);
  return t('unit.megabytes', { n });
}

/** A chosen file's size: « 68 Ko » below 1 Mo, « 25,8 Mo » above. */
const fileSize = (bytes) => (bytes < 1048576 ? t('unit.kilobytes', { n: Math.max(1, Math.ceil(bytes / 1024)) }) : megabytes(bytes));

const tooLarge = (size, max) => t('upload.tooLarge', { size: megabytes(size), limit: megabytes(max) });

const ACCEPT = 'image/*,application/pdf,text/plain,message/rfc822,.eml,.msg,.doc,.docx,.odt,.xls,.xlsx,.ods';

/**
 * A file field with a "take a photo" button for phones (capture=environment). The last file
 * chosen in either input is the one sent; images get a preview.
 */
export function attachmentField({ label, required = false } = {}) {
  const id = uid('file');
  const errorId = `${id}-error`;
  const input = h('input', {
    class: 'fr-upload',
    type: 'file',
    id,
    name: 'file',
    accept: ACCEPT,
    'aria-describedby': `${id}-hint`,
    'aria-required': required ? 'true' : undefined,
  });
  const camera = h('input', { class: 'fr-sr-only', type: 'file', id: `${id}-camera`, accept: 'image/*', capture: 'environment', tabindex: '-1' });
  const chosen = h('div', { class: 'mc-file-chosen', 'aria-live': 'polite' });
  const error = h('p', { class: 'fr-error-text', id: errorId, hidden: true });
  const hint = h('span', { class: 'fr-hint-text', id: `${id}-hint` }, t('form.fileHint', { limit: megabytes(DEFAULT_LIMIT) }));
  uploadLimit().then((max) => (hint.textContent = t('form.fileHint', { limit: megabytes(max) })));
  let file = null;
  let previewUrl = null;
  const showError = (message) => {
    group.classList.toggle('fr-upload-group--error', Boolean(message));
    error.hidden = !message;
    error.textContent = message ?? '';
    input.setAttribute('aria-describedby', message ? `${id}-hint ${errorId}` : `${id}-hint`);
  };
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
      nodes.push(h('span', { class: 'fr-text--sm' }, `${file.name} (${fileSize(file.size)})`));
    }
    chosen.replaceChildren(...nodes);
  };
  // A file over the service's limit is refused as soon as it is chosen, before any upload.
  const choose = async (source) => {
    const candidate = source.files?.[0] ?? null;
    const max = candidate ? await uploadLimit() : null;
    if (candidate && candidate.size > max) {
      source.value = '';
      pick(source);
      showError(tooLarge(candidate.size, max));
      return;
    }
    showError(null);
    pick(source);
  };
  input.addEventListener('change', () => choose(input));
  camera.addEventListener('change', () => choose(camera));
  const photoButton = h(
    'button',
    { type: 'button', class: 'fr-btn fr-btn--secondary fr-btn--sm fr-icon-camera-line fr-btn--icon-left mc-photo', onclick: () => camera.click() },
    t('form.photo'),
  );
  const group = h(
    'div',
    { class: 'fr-upload-group fr-mb-3w' },
    h(
      'label',
      { class: 'fr-label', for: id },
      label ?? t('field.attachment'),
      required ? h('span', { class: 'mc-required', 'aria-hidden': 'true' }, ' *') : null,
      hint,
    ),
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
    showError,
  };
}

/**
 * POST /cases/:id/evidence (multipart). A file refused as too large (413: the limit may have been
 * lowered since the page asked) is reported with its size and the service's limit, under `file`.
 */
export async function uploadEvidence(caseId, file, fields = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== '') form.append(k, v);
  if (file) form.append('file', file, file.name);
  try {
    return await api('POST', `/cases/${caseId}/evidence`, { form });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 413 || !file) throw error;
    const message = tooLarge(file.size, await uploadLimit(true));
    throw new ApiError(413, { message: [message], code: error.code, fields: [{ field: 'file', message }] });
  }
}

export { ApiError };
