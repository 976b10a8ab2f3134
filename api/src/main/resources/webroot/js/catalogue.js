// The server's vocabulary (GET /api/v1/catalogue): labels and units of figures, metrics and asset kinds, the event
// kinds and which asset kinds have a running signal, so that no view hard-codes a name and no stored name reaches the
// screen. Loaded once per sign-in; every view awaits it before drawing.
import * as api from './api.js';
import { lang } from './i18n.js';

let loaded = null;
let figures = new Map();
let perMetric = [];
const metrics = new Map();
const kinds = new Map();
let events = [];
let conditions = [];

/** Loads the catalogue (once; again after a failed attempt). */
export function load() {
  if (!loaded) {
    loaded = api.get('/api/v1/catalogue').then(c => {
      figures = new Map(c.figures.filter(f => !f.prefix).map(f => [f.name, f]));
      perMetric = c.figures.filter(f => f.prefix);
      c.metrics.forEach(m => metrics.set(m.name, m));
      c.assetKinds.forEach(k => kinds.set(k.name, k));
      events = c.eventKinds || [];
      conditions = c.alarmConditions || [];
    });
    loaded.catch(() => {
      loaded = null;
    });
  }
  return loaded;
}

/** Forgets the catalogue (sign-out: the next credential may reach another server's). */
export function forget() {
  loaded = null;
}

/** The catalogue entry of a stored figure name and the metric it is of, if any: {figure, metric}. */
function entry(name) {
  if (figures.has(name)) {
    return { figure: figures.get(name), metric: null };
  }
  const f = perMetric.find(p => name.startsWith(p.prefix));
  return f ? { figure: f, metric: name.slice(f.prefix.length) } : { figure: null, metric: null };
}

/** "Fuel consumed"; a per-metric figure as "Completeness: Fuel volume"; an unknown name in words. */
export function figureLabel(name) {
  const { figure, metric } = entry(name);
  if (!figure) {
    return words(name);
  }
  return metric ? local(figure.label) + ': ' + metricLabel(metric) : local(figure.label);
}

/** The unit a figure is stored in (the catalogue's; else the row's own). */
export function figureUnit(name, fallback) {
  const { figure } = entry(name);
  return figure ? figure.unit : fallback;
}

/**
 * "Fuel volume" (or "Volume de carburant") for fuel.volume: the catalogue's label in the current language, else the
 * stored description, up to its first comma.
 */
export function metricLabel(name) {
  const m = metrics.get(name);
  const described = m && (m.label ? local(m.label) : m.description);
  if (!described) {
    return words(name);
  }
  const text = described.split(',')[0].trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The canonical unit of a metric, or null. */
export function metricUnit(name) {
  const m = metrics.get(name);
  return m ? m.unit : null;
}

/** "Generator" for generator. */
export function assetKindLabel(name) {
  const k = kinds.get(name);
  return k ? local(k.label) : words(name);
}

/** "Short fill" (or "Livraison incomplète") for short_fill: the event kind's label in the current language. */
export function kindLabel(name) {
  const k = events.find(e => e.name === name);
  return k && k.label ? local(k.label) : words(name);
}

/** "Suspected theft" (or "Vol présumé") for the alarm condition theft; "Silent gateway" for gateway_silent. */
export function conditionLabel(name) {
  const c = conditions.find(k => k.name === name);
  return c && c.label ? local(c.label) : kindLabel(name);
}

/** A catalogue label ({en, fr}) in the current language, else in English. */
function local(label) {
  return label[lang()] || label.en;
}

/** Units a detail key may end in (evidence figures such as level_before_l), longest first. */
const SUFFIXES = [['_l_per_day', 'L/d'], ['_l_per_kwh', 'L/kWh'], ['_lph', 'L/h'], ['_kwh', 'kWh'], ['_kw', 'kW'],
  ['_pct', '%'], ['_km', 'km'], ['_kg', 'kg'], ['_l', 'L'], ['_h', 'h'], ['_s', 's'], ['_d', 'd']];

/**
 * A label and unit for a key of an event's figures: the catalogue's for a figure name, else the key in words
 * with the unit its suffix names ({label, unit}).
 */
export function detailLabel(key) {
  const { figure } = entry(key);
  if (figure) {
    return { label: figureLabel(key), unit: figure.unit };
  }
  const hit = SUFFIXES.find(([s]) => key.endsWith(s));
  return hit ? { label: words(key.slice(0, -hit[0].length)), unit: hit[1] } : { label: words(key), unit: null };
}

/** A name as words with a capital: "stale_sensor" to "Stale sensor", "engine.coolant_temp" to "Engine coolant temp". */
function words(name) {
  const text = String(name || '').replace(/[._:]+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The event kinds' names, in the catalogue's order. */
export function eventKinds() {
  return events.map(k => k.name);
}

/** The event kinds that call for attention (every kind but a routine refuel). */
export function alertKinds() {
  return events.filter(k => k.alert).map(k => k.name);
}

/** The metric that is 1 while an asset of kind `kind` runs, or undefined (the kind has no on/off signal). */
export function runningMetric(kind) {
  const k = kinds.get(kind);
  return k ? k.runningMetric : undefined;
}

/** Every running metric of the catalogue's kinds, without repeats. */
export function runningMetrics() {
  return [...new Set([...kinds.values()].map(k => k.runningMetric).filter(Boolean))];
}
