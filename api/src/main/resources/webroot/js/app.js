// The dashboard shell: sign-in, navigation by URL fragment (#/view/arg), the range selector, and error
// handling shared by every view (401 back to sign-in, 403 and others shown in place).
import * as api from './api.js';
import * as catalogue from './catalogue.js';
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
  try {
    const claims = JSON.parse(atob(value.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return claims.sub ? t('session.signedInAs', { sub: claims.sub }) : t('session.token');
  } catch (e) {
    return t('session.token');
  }
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

async function signIn(event) {
  event.preventDefault();
  const value = $('credential').value.trim();
  const button = $('sign-in');
  button.disabled = true;
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
  } finally {
    button.disabled = false;
  }
}

$('login-form').addEventListener('submit', signIn);
$('logout').addEventListener('click', () => {
  api.signOut();
  catalogue.forget();
  showLogin();
});
$('range').addEventListener('change', render);
$('lang').addEventListener('change', async () => {
  await use($('lang').value, true);
  if (!$('login').hidden) {
    $('login-error').hidden = true;
    return;
  }
  render();
});
window.addEventListener('hashchange', render);
use(preferred(), false).then(() => {
  $('lang').value = lang();
  render();
});
