// The dashboard's words in the user's language. The texts live in the resource bundles
// api/src/main/resources/i18n/dashboard_{en,fr}.properties; the server serves each one as JSON at
// /i18n/dashboard_{lang}.json. The language is the one chosen with the header's switch (kept in localStorage),
// else the browser's first language the dashboard speaks, else English. Numbers and dates follow it (Intl).

export const LANGUAGES = ['en', 'fr'];
const STORAGE_KEY = 'smartcamp.lang';
let current = 'en';
let texts = {};

/** The language chosen earlier, else the browser's (navigator.languages, as Accept-Language), else English. */
export function preferred() {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (LANGUAGES.includes(saved)) {
    return saved;
  }
  const asked = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'])
    .map(l => String(l).slice(0, 2).toLowerCase());
  return asked.find(l => LANGUAGES.includes(l)) || 'en';
}

/** Loads the bundle of {@code lang} (remembering the choice when {@code remember}) and relabels the page. */
export async function use(lang, remember) {
  const chosen = LANGUAGES.includes(lang) ? lang : 'en';
  const response = await fetch('i18n/dashboard_' + chosen + '.json', { cache: 'no-cache', credentials: 'omit' });
  if (!response.ok) {
    throw new Error('HTTP ' + response.status + ' for the ' + chosen + ' texts');
  }
  texts = await response.json();
  current = chosen;
  if (remember) {
    localStorage.setItem(STORAGE_KEY, chosen);
  }
  document.documentElement.lang = chosen;
  translatePage(document);
}

/** The current language ("en" or "fr"). */
export function lang() {
  return current;
}

/**
 * The text of {@code key} with {name} placeholders filled from {@code params}; a key missing from the bundle is
 * shown as the key itself (the bundle test keeps that from happening).
 */
export function t(key, params) {
  const text = Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : key;
  return params ? text.replace(/\{(\w+)\}/g, (m, name) => name in params ? String(params[name]) : m) : text;
}

/** "1 camp" or "3 camps": the key's ".one" or ".other" form, with {n} formatted. */
export function plural(key, n, params) {
  const form = new Intl.PluralRules(current).select(n) === 'one' ? '.one' : '.other';
  return t(key + form, Object.assign({ n: new Intl.NumberFormat(current).format(n) }, params || {}));
}

/**
 * Sets the static page's texts: an element's text from data-i18n, attributes from data-i18n-{attribute}
 * (aria-label, title, placeholder).
 */
export function translatePage(root) {
  for (const e of root.querySelectorAll('[data-i18n]')) {
    e.textContent = t(e.dataset.i18n);
  }
  for (const attr of ['aria-label', 'title', 'placeholder']) {
    for (const e of root.querySelectorAll('[data-i18n-' + attr + ']')) {
      e.setAttribute(attr, t(e.getAttribute('data-i18n-' + attr)));
    }
  }
  document.title = t('app.title');
}
