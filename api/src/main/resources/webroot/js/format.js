// Numbers, times and coverage as the dashboard shows them, formatted for the chosen language with Intl
// (1,234.5 L in English, 1 234,5 L in French). Everything is UTC; a missing value is shown as "no data", never as 0.
import { h } from './dom.js';
import { lang, t } from './i18n.js';

const DAY_MS = 86_400_000;

/** {@code v} with {@code digits} decimals and thousands separators, or null when v is not a finite number. */
export function num(v, digits = 1) {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    return null;
  }
  return new Intl.NumberFormat(lang(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
}

/** A value cell: the number with its unit, its raw value in data-value, or "no data". */
export function value(v, unit, digits = 1, attrs) {
  const text = num(v, digits);
  if (text === null) {
    return h('span', Object.assign({ class: 'nodata' }, attrs || {}), t('fmt.noData'));
  }
  const u = unit ? unitText(unit) : '';
  return h('span', Object.assign({ 'data-value': String(v) }, attrs || {}), u ? text + ' ' + u : text);
}

/** A readable unit. */
export function unitText(unit) {
  return { degC: '°C', '1': '', bool: '', count: '', d: t('unit.d'), 'L/d': t('unit.litresPerDay'), 'L/day': t('unit.litresPerDay'), 'W/m2': 'W/m²' }[unit]
    ?? unit;
}

/**
 * A stored figure's value for people, by its unit: a date as a date (an epoch day, or detail.date), a ratio
 * (unit 1) as a percentage, a flag (bool) as yes or no, seconds as minutes, hours or days, anything else as the
 * number and its unit. The raw value stays in data-value.
 */
export function figureValue(v, unit, digits, attrs, detail) {
  if (unit === 'date') {
    const date = detail && typeof detail.date === 'string' ? detail.date.slice(0, 10)
      : typeof v === 'number' ? day(v * DAY_MS) : null;
    return date ? h('span', Object.assign({ 'data-value': String(v), 'data-date': date }, attrs || {}), dateText(date))
      : h('span', Object.assign({ class: 'nodata' }, attrs || {}), t('fmt.noData'));
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    return value(v, unit, digits, attrs);
  }
  const shown = unit === '1' ? pct(v, Math.abs(v) < 0.1 ? 1 : 0) : unit === 'bool' ? (v >= 0.5 ? t('fmt.yes') : t('fmt.no'))
    : unit === 's' ? duration(v) : null;
  return shown === null ? value(v, unit, digits, attrs) : h('span', Object.assign({ 'data-value': String(v) }, attrs || {}), shown);
}

/** Seconds as "45 s", "12 min", "3.5 h" or "2.1 d". */
export function duration(seconds) {
  const a = Math.abs(seconds);
  return a < 120 ? num(seconds, 0) + ' s' : a < 7200 ? num(seconds / 60, 0) + ' min'
    : a < 172_800 ? num(seconds / 3600, 1) + ' h' : num(seconds / 86_400, 1) + ' ' + t('unit.d');
}

/** The interval [low, high] of a figure, or null. */
export function interval(low, high, digits = 1) {
  if (num(low, digits) === null || num(high, digits) === null) {
    return null;
  }
  return h('span', { class: 'interval' }, ' (' + num(low, digits) + '–' + num(high, digits) + ')');
}

/** A percentage 0..1 as text, e.g. "87 %". */
export function pct(share, digits = 0) {
  const text = num(typeof share === 'number' ? share * 100 : null, digits);
  return text === null ? null : text + ' %';
}

/** The coverage badge that stands next to every figure. */
export function coverage(share) {
  if (typeof share !== 'number' || !Number.isFinite(share)) {
    return h('span', { class: 'cov cov-warn', title: t('cov.unknownTitle') }, t('cov.unknown'));
  }
  const kind = share >= 0.9 ? 'ok' : share >= 0.5 ? 'warn' : 'bad';
  // The text says what the colour says (WCAG 1.4.1: colour is never the only carrier of meaning).
  return h('span', {
    class: 'cov cov-' + kind, 'data-coverage': String(share), title: t('cov.title')
  }, t('cov.' + kind, { pct: pct(share) }));
}

/** Milliseconds since the epoch of an ISO time, epoch seconds or epoch milliseconds; NaN when unreadable. */
export function millis(t) {
  if (typeof t === 'number') {
    return t > 1e11 ? t : t * 1000;
  }
  return typeof t === 'string' ? Date.parse(t) : NaN;
}

/** "2026-11-22 10:00" in English, "22/11/2026 10:00" in French (UTC). */
export function time(at) {
  const ms = millis(at);
  if (!Number.isFinite(ms)) {
    return '–';
  }
  return lang() === 'en' ? new Date(ms).toISOString().slice(0, 16).replace('T', ' ')
    : new Intl.DateTimeFormat(lang(), { dateStyle: 'short', timeStyle: 'short', timeZone: 'UTC' }).format(ms);
}

/** The UTC day of a time as YYYY-MM-DD (a value for attributes and comparisons, not for people: see dateText). */
export function day(at) {
  const ms = millis(at);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : '–';
}

/** A YYYY-MM-DD day for people: as is in English, "22/11/2026" in French. */
export function dateText(ymd) {
  const ms = Date.parse(ymd + 'T00:00:00Z');
  return !Number.isFinite(ms) || lang() === 'en' ? ymd
    : new Intl.DateTimeFormat(lang(), { dateStyle: 'short', timeZone: 'UTC' }).format(ms);
}

/** A day on a chart axis: "11-22" in English, "22/11" in French. */
export function shortDay(at) {
  const ms = millis(at);
  return !Number.isFinite(ms) ? '' : lang() === 'en' ? day(ms).slice(5)
    : new Intl.DateTimeFormat(lang(), { day: '2-digit', month: '2-digit', timeZone: 'UTC' }).format(ms);
}

/**
 * The range of the last {@code days} days as from= and to= parameters, in whole hours: from the hour
 * {@code days} days ago to the end of the current hour. Both are always sent (the API reads a lone from= as
 * the start of its default span).
 */
export function lastDays(days) {
  const hour = 3_600_000;
  const now = Date.now();
  return {
    from: new Date(Math.floor((now - days * DAY_MS) / hour) * hour).toISOString(),
    to: new Date(Math.ceil((now + 1) / hour) * hour).toISOString()
  };
}

/** "3 h ago", "2 d ago". */
export function age(at) {
  const ms = Date.now() - millis(at);
  if (!Number.isFinite(ms)) {
    return '–';
  }
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) {
    return t('age.minutes', { n: minutes });
  }
  const hours = Math.round(minutes / 60);
  return hours < 48 ? t('age.hours', { n: hours }) : t('age.days', { n: Math.round(hours / 24) });
}

export { DAY_MS };
