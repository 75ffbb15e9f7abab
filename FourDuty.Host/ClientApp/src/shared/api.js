// Calls the Host's API. A refusal comes back as an ApiError that says why (the problem's detail and code); 401 and
// 403 are told apart so that a page can offer to sign in.
import { t } from './i18n.js';
import { h } from './dom.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }

  get needsSignIn() {
    return this.status === 401;
  }

  get forbidden() {
    return this.status === 403;
  }
}

// The antiforgery token of this session, from GET /api/me: a POST, PUT or DELETE whose body is a form or empty must
// carry it (the service refuses what another site could make the browser send); null when nobody is signed in.
let antiforgery;
function antiforgeryHeader() {
  antiforgery ??= fetch('/api/me', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then((response) => (response.ok ? response.json() : null))
    .then((me) => me?.antiforgery ?? null)
    .catch(() => null);
  return antiforgery;
}

/** Uses this antiforgery token instead of asking GET /api/me (a page opened by a mailed link, where nobody is signed in). */
export function useAntiforgery(token) {
  antiforgery = Promise.resolve(token);
}

/** fetch() for the API: JSON in and out; throws ApiError for any status that is not 2xx. */
export async function api(path, { method = 'GET', json, body, headers = {}, accept = 'application/json' } = {}) {
  const init = { method, headers: { Accept: accept, ...headers }, credentials: 'same-origin' };
  if (method !== 'GET' && method !== 'HEAD') {
    const token = await antiforgeryHeader();
    if (token) {
      init.headers[token.header] = token.token;
    }
  }
  if (json !== undefined) {
    init.body = JSON.stringify(json);
    init.headers['Content-Type'] = 'application/json';
  } else if (body !== undefined) {
    init.body = body;
  }
  const response = await fetch(path, init);
  const type = response.headers.get('Content-Type') || '';
  const payload = type.includes('json') ? await response.json().catch(() => null) : await response.text();
  if (!response.ok) {
    throw new ApiError(response.status, typeof payload === 'object' ? payload : { detail: payload });
  }
  return payload;
}

/** Where a person signs in, coming back to this page afterwards. */
export function signInUrl() {
  return `/account/signin?returnUrl=${encodeURIComponent(location.pathname + location.search)}`;
}

/** A message for a failed call: sign-in link for 401, a plain "not allowed" for 403, else the server's reason. */
export function errorMessage(error) {
  if (error instanceof ApiError && error.needsSignIn) {
    return h('p', { class: 'fd-error', role: 'alert' }, t('errors.signIn'), ' ', h('a', { href: signInUrl() }, t('errors.signInLink')));
  }
  if (error instanceof ApiError && error.forbidden) {
    return h('p', { class: 'fd-error', role: 'alert' }, t('errors.forbidden'), ' ', h('a', { href: signInUrl() }, t('errors.signInOther')));
  }
  const code = error instanceof ApiError && error.problem.code ? ` (${error.problem.code})` : '';
  return h('p', { class: 'fd-error', role: 'alert' }, t('errors.failed', { reason: error.message + code }));
}

/** A file from the API (an export): the same headers as api(), the answer as a Blob with the name the server gave. */
export async function apiFile(path, { method = 'POST' } = {}) {
  const headers = {};
  const token = await antiforgeryHeader();
  if (token) headers[token.header] = token.token;
  const response = await fetch(path, { method, headers, credentials: 'same-origin' });
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new ApiError(response.status, problem);
  }
  const disposition = response.headers.get('Content-Disposition') || '';
  const name = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? 'export';
  return { blob: await response.blob(), name: decodeURIComponent(name) };
}
