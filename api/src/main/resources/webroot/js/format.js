// Numbers, times and coverage as the dashboard shows them. Everything is UTC; a missing value is shown as
// "no data", never as 0.
import { h } from './dom.js';

const DAY_MS = 86_400_000;

/** {@code v} with {@code digits} decimals and thousands separators, or null when v is not a finite number. */
export function num(v, digits = 1) {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    return null;
  }
  const [int, frac] = v.toFixed(digits).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : grouped + '.' + frac;
}

/** A value cell: the number with its unit, its raw value in data-value, or "no data". */
export function value(v, unit, digits = 1, attrs) {
  const text = num(v, digits);
  if (text === null) {
    return h('span', Object.assign({ class: 'nodata' }, attrs || {}), 'no data');
  }
  const u = unit ? unitText(unit) : '';
  return h('span', Object.assign({ 'data-value': String(v) }, attrs || {}), u ? text + ' ' + u : text);
}

/** A readable unit. */
export function unitText(unit) {
  return { degC: '°C', '1': '', bool: '', count: '', 'L/d': 'L/day', 'W/m2': 'W/m²' }[unit] ?? unit;
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
    return date ? h('span', Object.assign({ 'data-value': String(v), 'data-date': date }, attrs || {}), date)
      : h('span', Object.assign({ class: 'nodata' }, attrs || {}), 'no data');
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    return value(v, unit, digits, attrs);
  }
  const shown = unit === '1' ? pct(v, Math.abs(v) < 0.1 ? 1 : 0) : unit === 'bool' ? (v >= 0.5 ? 'yes' : 'no')
    : unit === 's' ? duration(v) : null;
  return shown === null ? value(v, unit, digits, attrs) : h('span', Object.assign({ 'data-value': String(v) }, attrs || {}), shown);
}

/** Seconds as "45 s", "12 min", "3.5 h" or "2.1 d". */
export function duration(seconds) {
  const a = Math.abs(seconds);
  return a < 120 ? num(seconds, 0) + ' s' : a < 7200 ? num(seconds / 60, 0) + ' min'
    : a < 172_800 ? num(seconds / 3600, 1) + ' h' : num(seconds / 86_400, 1) + ' d';
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
    return h('span', { class: 'cov cov-warn', title: 'coverage unknown' }, 'coverage ?');
  }
  const kind = share >= 0.9 ? 'ok' : share >= 0.5 ? 'warn' : 'bad';
  return h('span', {
    class: 'cov cov-' + kind, 'data-coverage': String(share),
    title: 'coverage: the share of the expected data this figure rests on'
  }, 'coverage ' + pct(share));
}

/** Milliseconds since the epoch of an ISO time, epoch seconds or epoch milliseconds; NaN when unreadable. */
export function millis(t) {
  if (typeof t === 'number') {
    return t > 1e11 ? t : t * 1000;
  }
  return typeof t === 'string' ? Date.parse(t) : NaN;
}

/** "2026-11-22 10:00" (UTC). */
export function time(t) {
  const ms = millis(t);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 16).replace('T', ' ') : '–';
}

/** "2026-11-22" (UTC). */
export function day(t) {
  const ms = millis(t);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : '–';
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
export function age(t) {
  const ms = Date.now() - millis(t);
  if (!Number.isFinite(ms)) {
    return '–';
  }
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) {
    return minutes + ' min ago';
  }
  const hours = Math.round(minutes / 60);
  return hours < 48 ? hours + ' h ago' : Math.round(hours / 24) + ' d ago';
}

/** A label for an event kind id, e.g. "short fill". */
export function kindLabel(kind) {
  return String(kind || '').replace(/_/g, ' ');
}

export { DAY_MS };
