// The SmartCamp HTTP API as the dashboard uses it. The credential lives in this tab's sessionStorage and goes
// out in a header (X-API-Key for API keys, Authorization: Bearer for tokens), never in a URL.

import { lang, t } from './i18n.js';

const STORAGE_KEY = 'smartcamp.credential';
const MAX_PAGES = 50;
const PAGE = 10000;
const CACHE_MS = 60_000;

/** A refused or failed request, with the problem document's status, title and detail. */
export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail || title || 'HTTP ' + status);
    this.status = status;
    this.title = title;
  }
}

export function credential() {
  return sessionStorage.getItem(STORAGE_KEY);
}

export function signIn(value) {
  sessionStorage.setItem(STORAGE_KEY, value);
}

export function signOut() {
  sessionStorage.removeItem(STORAGE_KEY);
  cache.clear();
}

/** Whether the credential is an API key (as opposed to a JWT). */
export function isApiKey(value) {
  return /^sck_/.test(value);
}

/** The claims of a JWT, read without verifying it (the API verifies), or null when it is not one. */
export function claimsOf(token) {
  try {
    return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  } catch (e) {
    return null;
  }
}

function headers(value) {
  // The API answers its problem documents (title, detail) in the dashboard's language.
  const base = { Accept: 'application/json', 'Accept-Language': lang() };
  return isApiKey(value) ? Object.assign(base, { 'X-API-Key': value })
    : Object.assign(base, { Authorization: 'Bearer ' + value });
}

/** The URL of {@code path} with {@code params} (null and undefined left out; arrays comma-separated). */
export function url(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== '') {
      q.set(k, Array.isArray(v) ? v.join(',') : String(v));
    }
  }
  const qs = q.toString();
  return qs ? path + '?' + qs : path;
}

/**
 * GET one JSON document.
 *
 * @throws ApiError with the status and the problem document's detail when the answer is not 2xx
 */
export async function get(path, params, value) {
  const cred = value || credential();
  if (!cred) {
    throw new ApiError(401, t('login.title'), t('login.first'));
  }
  const response = await fetch(url(path, params), {
    headers: headers(cred), credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer'
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, body && body.title, body && body.detail);
  }
  return body;
}

/**
 * Sends {@code body} as JSON with {@code method} (POST, PUT, DELETE); the JSON answer, or null without one.
 *
 * @throws ApiError with the status and the problem document's detail when the answer is not 2xx
 */
export async function send(method, path, body) {
  const cred = credential();
  if (!cred) {
    throw new ApiError(401, 'Unauthorized', 'sign in first');
  }
  const response = await fetch(path, {
    method, headers: Object.assign(headers(cred), { 'Content-Type': 'application/json' }),
    body: body === undefined ? undefined : JSON.stringify(body), credentials: 'omit', cache: 'no-store',
    referrerPolicy: 'no-referrer'
  });
  const answer = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, answer && answer.title, answer && answer.detail);
  }
  return answer;
}

/** Every item of a paged listing, following its next links (at most {@value MAX_PAGES} pages). */
export async function getAll(path, params) {
  let body = await get(path, Object.assign({ limit: PAGE }, params));
  const items = body.items.slice();
  for (let page = 1; body.next && page < MAX_PAGES; page++) {
    body = await get(body.next);
    items.push(...body.items);
  }
  return items;
}

const cache = new Map();

/** {@link getAll}, remembered for a minute (registry lists that every view needs). */
export function cached(path, params) {
  const key = url(path, params);
  const hit = cache.get(key);
  if (hit && hit.at + CACHE_MS > Date.now()) {
    return hit.promise;
  }
  const promise = getAll(path, params);
  cache.set(key, { at: Date.now(), promise });
  promise.catch(() => cache.delete(key));
  return promise;
}

/** The camps in scope, by id. */
export async function camps() {
  return cached('/api/v1/camps');
}

/** The assets in scope. */
export async function assets() {
  return cached('/api/v1/assets');
}
