// Small computations the views make from what the API serves (hourly rollups and stored figures). Each one
// keeps gaps as gaps: an hour without a bucket is not counted as an hour at zero.
import { millis, DAY_MS } from './format.js';

const HOUR_MS = 3_600_000;

/** Load-factor bands of a generator (target 0.6-0.8, low load < 0.4, wet-stacking risk < 0.3); labelled band.{id}. */
export const BANDS = [
  { id: 'lt30', lo: -Infinity, hi: 0.3 },
  { id: '30-40', lo: 0.3, hi: 0.4 },
  { id: '40-60', lo: 0.4, hi: 0.6 },
  { id: '60-80', lo: 0.6, hi: 0.8 },
  { id: '80-90', lo: 0.8, hi: 0.9 },
  { id: 'ge90', lo: 0.9, hi: Infinity }
];

/** Readings rows grouped by asset then metric: Map(asset -> Map(metric -> rows in time order)). */
export function byAssetAndMetric(rows) {
  const out = new Map();
  for (const r of rows) {
    if (!out.has(r.asset)) {
      out.set(r.asset, new Map());
    }
    const metrics = out.get(r.asset);
    if (!metrics.has(r.metric)) {
      metrics.set(r.metric, []);
    }
    metrics.get(r.metric).push(r);
  }
  return out;
}

/** Chart points of bucket rows, with a null point wherever buckets are missing (so the line breaks). */
export function pointsWithGaps(rows, stepMs, pick) {
  const points = [];
  let last = null;
  for (const r of rows) {
    const x = millis(r.timestamp);
    if (last !== null && x - last > stepMs * 1.5) {
      points.push({ x: last + stepMs, y: null });
    }
    const y = pick ? pick(r) : r.value;
    points.push({ x, y: typeof y === 'number' ? y : null });
    last = x;
  }
  return points;
}

/**
 * The hours of a generator from its hourly buckets: per hour the running share r (mean of engine.running, or
 * 1 when power is above zero and no running flag was reported) and the load factor while running,
 * mean kW / (r * rated kW). Hours without a power bucket are not hours of data.
 */
export function generatorHours(powerRows, runningRows, ratedKw) {
  const running = new Map((runningRows || []).map(r => [millis(r.timestamp), r.value]));
  return powerRows.filter(p => typeof p.value === 'number').map(p => {
    const t = millis(p.timestamp);
    const flag = running.get(t);
    const r = typeof flag === 'number' ? Math.min(1, Math.max(0, flag)) : (p.value > 0 ? 1 : 0);
    return { t, runH: r, lf: r > 0 && ratedKw > 0 ? p.value / (r * ratedKw) : null };
  });
}

/** Running hours, hours with data, mean load factor (weighted by running hours) and hours per band. */
export function loadingSummary(hours, rangeHours) {
  const bands = BANDS.map(() => 0);
  let runningH = 0;
  let weighted = 0;
  for (const hr of hours) {
    if (hr.lf === null) {
      continue;
    }
    runningH += hr.runH;
    weighted += hr.lf * hr.runH;
    bands[BANDS.findIndex(b => hr.lf >= b.lo && hr.lf < b.hi)] += hr.runH;
  }
  return {
    runningH, bands, hoursWithData: hours.length, coverage: rangeHours > 0 ? Math.min(1, hours.length / rangeHours) : null,
    meanLf: runningH > 0 ? weighted / runningH : null
  };
}

/**
 * Use of an asset from hourly buckets of its on/off metric: on-hours (sum of the hourly means), hours with
 * data, utilization = on-hours / hours with data, and on-hours per UTC day.
 */
export function usage(rows, rangeHours) {
  const perDay = new Map();
  let onH = 0;
  for (const r of rows) {
    if (typeof r.value !== 'number') {
      continue;
    }
    onH += r.value;
    const d = Math.floor(millis(r.timestamp) / DAY_MS) * DAY_MS;
    perDay.set(d, (perDay.get(d) || 0) + r.value);
  }
  const hours = rows.filter(r => typeof r.value === 'number').length;
  return {
    onH, hoursWithData: hours, utilization: hours > 0 ? onH / hours : null,
    coverage: rangeHours > 0 ? Math.min(1, hours / rangeHours) : null,
    perDay: [...perDay.entries()].sort((a, b) => a[0] - b[0]).map(([x, y]) => ({ x, y }))
  };
}

/** Units whose daily values add up across subjects (bars are stacked, and a camp total is drawn as a line). */
export const ADDITIVE_UNITS = ['L', 'l', 'kWh', 'h', 'km', 'kg'];

/**
 * Daily figure rows of one figure as series per subject (assets; the camp's own row becomes {@code total}
 * when assets have rows too), with the least coverage of each day among them.
 */
export function dailySeries(rows, figure, labelOf) {
  const picked = rows.filter(r => r.figure === figure);
  const subjects = new Map();
  const cover = new Map();
  for (const r of picked) {
    const key = r.subjectKind + ':' + r.subjectId;
    if (!subjects.has(key)) {
      subjects.set(key, { kind: r.subjectKind, label: labelOf ? labelOf(r) : r.subjectId, points: [] });
    }
    const x = Date.parse(r.day + 'T00:00:00Z');
    subjects.get(key).points.push({ x, y: typeof r.value === 'number' ? r.value : null });
    cover.set(x, Math.min(cover.has(x) ? cover.get(x) : 1, typeof r.coverage === 'number' ? r.coverage : 0));
  }
  const all = [...subjects.values()];
  const assets = all.filter(s => s.kind === 'asset');
  const camp = all.find(s => s.kind === 'camp');
  const unit = picked.length ? picked[0].unit : null;
  const coverage = [...cover.entries()].sort((a, b) => a[0] - b[0]).map(([x, y]) => ({ x, y }));
  return {
    series: assets.length ? assets : all, total: assets.length ? camp || null : null, coverage, unit,
    stacked: ADDITIVE_UNITS.includes(unit)
  };
}

/** The hours between {@code from} and now. */
export function hoursSince(fromIso) {
  return Math.max(0, Math.floor((Date.now() - Date.parse(fromIso)) / HOUR_MS));
}

export { HOUR_MS };
