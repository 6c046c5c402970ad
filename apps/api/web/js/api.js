import { lang, t } from './i18n.js';

/** The session (bearer token and user) lives in sessionStorage: closing the tab logs out. */
const TOKEN = 'mc.token';
const USER = 'mc.user';

export const session = {
  get token() {
    return sessionStorage.getItem(TOKEN);
  },
  get user() {
    try {
      return JSON.parse(sessionStorage.getItem(USER) ?? 'null');
    } catch {
      return null;
    }
  },
  save(token, user) {
    sessionStorage.setItem(TOKEN, token);
    sessionStorage.setItem(USER, JSON.stringify(user));
  },
  clear() {
    sessionStorage.removeItem(TOKEN);
    sessionStorage.removeItem(USER);
  },
};

/**
 * An error answered by the API: status, sentences, and the problems per field
 * (`fields: [{field, message}]`, see apps/api/src/http/error.filter.ts).
 */
export class ApiError extends Error {
  constructor(status, body) {
    const messages = Array.isArray(body?.message) ? body.message : body?.message ? [String(body.message)] : [];
    super(messages.join(' ') || `HTTP ${status}`);
    this.status = status;
    this.code = body?.code;
    this.messages = messages;
    this.fields = Array.isArray(body?.fields) ? body.fields : [];
  }
}

export class NetworkError extends Error {
  constructor() {
    super(t('app.network'));
  }
}

let onUnauthenticated = () => {};
export const whenUnauthenticated = (handler) => (onUnauthenticated = handler);

async function send(method, path, { json, form, query } = {}) {
  const url = new URL(`/api/v1${path}`, location.origin);
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
  const headers = { 'Accept-Language': lang(), Accept: 'application/json' };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form) body = form;
  let res;
  try {
    res = await fetch(url, { method, headers, body });
  } catch {
    throw new NetworkError();
  }
  if (res.status === 401 && path !== '/auth/login') {
    session.clear();
    onUnauthenticated();
  }
  return res;
}

async function jsonOf(res) {
  const text = await res.text();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return { message: [text] };
  }
}

/** JSON in, JSON out; throws ApiError on any non-2xx answer. */
export async function api(method, path, options = {}) {
  const res = await send(method, path, options);
  const body = await jsonOf(res);
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}

export const get = (path, query) => api('GET', path, { query });
export const post = (path, json) => api('POST', path, { json });

/** File name from Content-Disposition (RFC 6266 filename* first). */
function fileNameOf(res, fallback) {
  const header = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1] : fallback;
}

/**
 * Downloads with the bearer token (a plain link cannot carry it) and hands the bytes to the
 * browser as a file through a blob URL. Returns the file name.
 */
export async function download(path, query, fallbackName) {
  const res = await send('GET', path, { query });
  if (!res.ok) throw new ApiError(res.status, await jsonOf(res));
  const blob = await res.blob();
  const name = fileNameOf(res, fallbackName);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
