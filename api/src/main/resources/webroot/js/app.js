// The dashboard shell: sign-in, navigation by URL fragment (#/view/arg), the range selector, and error
// handling shared by every view (401 back to sign-in, 403 and others shown in place).
import * as api from './api.js';
import * as catalogue from './catalogue.js';
import * as oidc from './oidc.js';
import { h, notice } from './dom.js';
import { destroyAll } from './charts.js';
import { lang, preferred, t, use } from './i18n.js';
import * as overview from './views/overview.js';
import * as camps from './views/camps.js';
import * as fuel from './views/fuel.js';
import * as power from './views/power.js';
import * as events from './views/events.js';
import * as utilization from './views/utilization.js';
import * as quality from './views/quality.js';
import * as alarms from './views/alarms.js';

const VIEWS = { overview, camps, fuel, power, events, utilization, quality, alarms };
const $ = id => document.getElementById(id);
let generation = 0;

function route() {
  const [name, ...args] = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  return { name: VIEWS[name] ? name : 'overview', args };
}

function showLogin(message) {
  destroyAll();
  $('view').replaceChildren();
  $('view').dataset.state = 'login';
  $('nav').hidden = true;
  $('session').hidden = true;
  $('login').hidden = false;
  const error = $('login-error');
  error.hidden = !message;
  error.textContent = message || '';
  $('credential').focus();
}

function describe(value) {
  if (api.isApiKey(value)) {
    return t('session.apiKey');
  }
  const claims = api.claimsOf(value);
  const who = claims && (claims.preferred_username || claims.name || claims.sub);
  return who ? t('session.signedInAs', { sub: who }) : t('session.token');
}

async function render() {
  const value = api.credential();
  if (!value) {
    showLogin();
    return;
  }
  $('login').hidden = true;
  $('nav').hidden = false;
  $('session').hidden = false;
  $('who').textContent = describe(value);
  const { name, args } = route();
  for (const a of document.querySelectorAll('#nav a')) {
    a.classList.toggle('active', a.dataset.view === name);
    if (a.dataset.view === name) {
      a.setAttribute('aria-current', 'page');
    } else {
      a.removeAttribute('aria-current');
    }
  }
  const mine = ++generation;
  alarms.refreshCount();
  destroyAll();
  const root = $('view');
  root.dataset.view = name;
  root.dataset.state = 'loading';
  root.replaceChildren(h('p', { class: 'loading' }, t('app.loading')));
  const days = Number($('range').value);
  const ctx = { args, days, alive: () => mine === generation };
  try {
    const content = h('div', {});
    await catalogue.load();
    await VIEWS[name].render(content, ctx, () => {
      if (ctx.alive()) {
        root.replaceChildren(content);
      }
    });
    if (ctx.alive()) {
      root.dataset.state = 'ready';
    }
  } catch (e) {
    if (ctx.alive()) {
      failed(root, e);
    }
  }
}

function failed(root, e) {
  destroyAll();
  if (e instanceof api.ApiError && e.status === 401) {
    api.signOut();
    catalogue.forget();
    showLogin(t('app.refused', { reason: e.message }));
    return;
  }
  root.dataset.state = 'error';
  const text = e instanceof api.ApiError && e.status === 403 ? t('app.forbidden', { reason: e.message })
    : e instanceof api.ApiError && e.status === 429 ? t('app.tooMany')
      : t('app.failed', { reason: e.message });
  root.replaceChildren(notice(text, 'error'));
}

/** Keeps {@code value} as the credential once the API accepts it, and shows the first view; else says why not. */
async function accept(value) {
  try {
    await api.get('/api/v1/missions', { limit: 1 }, value);
    api.signIn(value);
    $('credential').value = '';
    if (!location.hash || location.hash === '#/') {
      // The mission overview first when the scope holds several camps; a single camp's cards otherwise.
      location.hash = (await api.camps()).length > 1 ? '#/overview' : '#/camps';
    }
    render();
  } catch (e) {
    showLogin(e instanceof api.ApiError && e.status === 401 ? t('login.notAccepted', { reason: e.message })
      : t('login.failed', { reason: e.message }));
  }
}

async function signIn(event) {
  event.preventDefault();
  const button = $('sign-in');
  button.disabled = true;
  try {
    await accept($('credential').value.trim());
  } finally {
    button.disabled = false;
  }
}

let provider = null;

function labelProvider() {
  $('sign-in-provider').textContent = provider && provider.name ? t('login.withProvider', { name: provider.name })
    : t('login.withProviderGeneric');
}

/**
 * Offers the identity provider's sign-in when the API names one, and completes it when the provider has sent the
 * browser back with a code.
 *
 * @return whether the page was left to the sign-in (accepted, or its failure shown)
 */
async function providerSignIn() {
  try {
    provider = await oidc.load();
  } catch (e) {
    provider = null;
  }
  $('provider').hidden = !provider;
  labelProvider();
  try {
    const token = await oidc.complete();
    if (!token) {
      return false;
    }
    await accept(token);
  } catch (e) {
    const reason = e instanceof oidc.SignInError ? e.reason : 'token';
    showLogin(t('login.oidc.' + reason, { reason: e.message }));
  }
  return true;
}

$('login-form').addEventListener('submit', signIn);
$('sign-in-provider').addEventListener('click', () => {
  $('sign-in-provider').disabled = true;
  oidc.start().catch(e => {
    $('sign-in-provider').disabled = false;
    showLogin(t('login.oidc.token', { reason: e.message }));
  });
});
$('logout').addEventListener('click', () => {
  api.signOut();
  catalogue.forget();
  showLogin();
});
$('range').addEventListener('change', render);
$('lang').addEventListener('change', async () => {
  await use($('lang').value, true);
  labelProvider();
  if (!$('login').hidden) {
    $('login-error').hidden = true;
    return;
  }
  render();
});
window.addEventListener('hashchange', render);
use(preferred(), false).then(async () => {
  $('lang').value = lang();
  if (!await providerSignIn()) {
    render();
  }
});
