// Sign-in with the mission's identity provider: the OpenID Connect authorization code flow with PKCE (S256),
// offered when the API's configuration names a provider (/auth/config, from api.oidc.*). The dashboard is a public
// client: it holds no secret; the PKCE verifier, the state and the nonce stay in this tab's sessionStorage until the
// provider sends the browser back, the code leaves the address bar at once and is redeemed at the provider's token
// endpoint; the access token then serves as the credential, like a pasted one.
import { claimsOf } from './api.js';

const FLOW_KEY = 'smartcampOidcFlow';
let provider = null;

/** Why the provider's sign-in did not complete: {@code reason} names the bundle's text (login.oidc.<reason>). */
export class SignInError extends Error {
  constructor(reason, detail) {
    super(detail || reason);
    this.reason = reason;
  }
}

/** The provider the API names ({ name, clientId, scopes, redirectUri, authorizationEndpoint, ... }), or null. */
export async function load() {
  const response = await fetch('/auth/config', { credentials: 'omit', cache: 'no-store' });
  if (!response.ok) {
    throw new SignInError('unavailable');
  }
  provider = (await response.json()).provider || null;
  return provider;
}

function base64url(bytes) {
  let s = '';
  for (const b of bytes) {
    s += String.fromCharCode(b);
  }
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function random(n) {
  return base64url(crypto.getRandomValues(new Uint8Array(n)));
}

function redirectUri() {
  return provider.redirectUri || location.origin + location.pathname;
}

/** Sends the browser to the provider's authorization endpoint. */
export async function start() {
  const verifier = random(32);
  const state = random(16);
  const nonce = random(16);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  sessionStorage.setItem(FLOW_KEY, JSON.stringify({ verifier, state, nonce, hash: location.hash }));
  const query = new URLSearchParams({
    response_type: 'code', client_id: provider.clientId, redirect_uri: redirectUri(),
    scope: provider.scopes.join(' '), state, nonce, code_challenge: base64url(new Uint8Array(digest)),
    code_challenge_method: 'S256'
  });
  const endpoint = provider.authorizationEndpoint;
  location.assign(endpoint + (endpoint.includes('?') ? '&' : '?') + query);
}

/**
 * When the provider has sent the browser back here (code or error in the query): the access token for the code,
 * with the view the user was on; null otherwise.
 *
 * @throws SignInError when the provider refused, the state does not match, or the code is not redeemed
 */
export async function complete() {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) {
    return null;
  }
  const flow = JSON.parse(sessionStorage.getItem(FLOW_KEY) || 'null');
  sessionStorage.removeItem(FLOW_KEY);
  history.replaceState(null, '', location.pathname + (flow && flow.hash ? flow.hash : ''));
  if (params.has('error')) {
    throw new SignInError('refused', params.get('error_description') || params.get('error'));
  }
  if (!flow || !provider || params.get('state') !== flow.state) {
    throw new SignInError('state');
  }
  const response = await fetch(provider.tokenEndpoint, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
      client_id: provider.clientId, code_verifier: flow.verifier
    }),
    credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer'
  }).catch(() => null);
  if (!response) {
    throw new SignInError('unreachable');
  }
  const body = await response.json().catch(() => null);
  if (!response.ok || !body || !body.access_token) {
    throw new SignInError('token', body && (body.error_description || body.error) || 'HTTP ' + response.status);
  }
  if (body.id_token && (claimsOf(body.id_token) || {}).nonce !== flow.nonce) {
    throw new SignInError('nonce');
  }
  return body.access_token;
}
