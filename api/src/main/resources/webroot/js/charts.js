// Chart.js (MIT, loaded by index.html from this application) with the dashboard's defaults: no animation,
// UTC time axes on plain numbers (no date adapter needed), and gaps drawn as gaps (spanGaps off).
import { h, table } from './dom.js';
import { dateText, num, time, day, millis, shortDay, unitText } from './format.js';
import { t } from './i18n.js';

export const COLORS = ['#2f6f4f', '#1f5f99', '#c26a1b', '#7b3fa0', '#b3261e', '#3d8c8c', '#8a7a14', '#5d6a63'];
export const BAND_COLORS = ['#b3261e', '#d9822b', '#e0b23a', '#2e7d32', '#4f8fbf', '#7b3fa0'];

const live = [];
const DAY = 86_400_000;

function library() {
  if (!window.Chart) {
    throw new Error(t('chart.noLibrary'));
  }
  return window.Chart;
}

/** Destroys every chart drawn so far (before a view is replaced). */
export function destroyAll() {
  while (live.length) {
    live.pop().destroy();
  }
}

/** A sized box with a canvas; {@code name} becomes data-chart so tests and styles can find it. */
export function box(name, size) {
  return h('div', { class: 'chart' + (size ? ' ' + size : '') },
    h('canvas', { 'data-chart': name, role: 'img', 'aria-label': t('chart.alt', { name: t('chart.' + name) }) }));
}

/**
 * Draws {@code config} on the canvas inside {@code container} (which must be in the document), followed by its text
 * alternative: a button that shows the same numbers as a table (WCAG 1.1.1).
 */
export function draw(container, config) {
  const Chart = library();
  const canvas = container.querySelector('canvas');
  const base = { animation: false, responsive: true, maintainAspectRatio: false, normalized: true };
  const chart = new Chart(canvas, Object.assign({}, config, { options: Object.assign(base, config.options) }));
  live.push(chart);
  const old = container.nextElementSibling;
  if (old && old.classList.contains('chart-table')) {
    old.remove();
  }
  container.insertAdjacentElement('afterend', alternative(canvas.dataset.chart, config.data));
  return chart;
}

/** An x value of a chart for people: its label, a UTC day at midnight, or a time. */
function xText(x) {
  if (typeof x !== 'number') {
    return String(x);
  }
  return x % DAY === 0 ? dateText(day(x)) : time(x);
}

/** A table toggle with every value of every dataset: one row per x (or label), one column per dataset. */
function alternative(name, data) {
  const byX = new Map();
  data.datasets.forEach((d, i) => d.data.forEach((p, j) => {
    const x = p !== null && typeof p === 'object' ? p.x : data.labels[j];
    const y = p !== null && typeof p === 'object' ? p.y : p;
    if (!byX.has(x)) {
      byX.set(x, []);
    }
    byX.get(x)[i] = y;
  }));
  const rows = [...byX.entries()].sort((a, b) => typeof a[0] === 'number' ? a[0] - b[0] : 0);
  const holder = h('div', { class: 'table-holder', hidden: true, id: 'table-of-' + name },
    table([{ label: t('chart.x'), cell: r => xText(r[0]) }].concat(data.datasets.map((d, i) => ({
      label: d.label, num: true, cell: r => num(r[1][i], 2) ?? '–'
    }))), rows));
  const button = h('button', { type: 'button', class: 'link', 'aria-expanded': 'false', 'aria-controls': holder.id,
    'data-table-toggle': name }, t('chart.showTable'));
  button.addEventListener('click', () => {
    const open = holder.hidden;
    holder.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    button.textContent = t(open ? 'chart.hideTable' : 'chart.showTable');
  });
  return h('div', { class: 'chart-table' }, button, holder);
}

/** The UTC midnights of the first and the last day of {@code range} ({from, to} ISO, to exclusive), in ms. */
export function dayBounds(range) {
  return { first: Math.floor(Date.parse(range.from) / DAY) * DAY, last: Math.floor((Date.parse(range.to) - 1) / DAY) * DAY };
}

/** Sets an axis' ticks to every UTC midnight in its bounds (Chart.js's own steps drift off midnight). */
function midnights(axis) {
  const ticks = [];
  for (let v = Math.ceil(axis.min / DAY) * DAY; v <= axis.max; v += DAY) {
    ticks.push({ value: v });
  }
  axis.ticks = ticks;
}

const MINUTE = 60_000;
const WINDOW_STEPS = [5, 10, 15, 30, 60, 120, 180, 360, 720].map(m => m * MINUTE);

/** Sets an axis' ticks to round times (every 5, 10, 15, 30 min, 1 h, ...; at most about 8) in its bounds. */
function roundTimes(axis) {
  const step = WINDOW_STEPS.find(s => (axis.max - axis.min) / s <= 8) || DAY;
  const ticks = [];
  for (let v = Math.ceil(axis.min / step) * step; v <= axis.max; v += step) {
    ticks.push({ value: v });
  }
  axis.ticks = ticks;
}

/**
 * A linear x axis over epoch ms that always spans what was asked for, whatever the data: with {@code range}
 * ({from, to} ISO, several days) from the first UTC midnight to its end, ticked per day; with {@code window}
 * ({from, to}, e.g. an event's evidence) exactly that window, ticked in hours and minutes. So a period without
 * data shows as empty, not as missing from the chart.
 */
function timeAxis(daily, range, window) {
  if (range) {
    return {
      type: 'linear', min: dayBounds(range).first, max: Date.parse(range.to), afterBuildTicks: midnights,
      ticks: { maxRotation: 0, autoSkipPadding: 12, callback: v => shortDay(v) }
    };
  }
  return {
    type: 'linear', min: window ? millis(window.from) : undefined, max: window ? millis(window.to) : undefined,
    afterBuildTicks: window ? roundTimes : undefined,
    ticks: { maxRotation: 0, autoSkipPadding: 18, callback: v => daily ? dateText(day(v)) : window ? time(v).slice(-5) : shortDay(v) + ' ' + time(v).slice(-5) }
  };
}

function tooltip(unit, digits, daily) {
  const u = unit ? unitText(unit) : '';
  return {
    callbacks: {
      title: items => items.length ? (daily ? dateText(day(items[0].parsed.x)) : time(items[0].parsed.x) + ' UTC') : '',
      label: item => item.dataset.label + ': ' + (num(item.parsed.y, digits) ?? t('fmt.noData')) + (u ? ' ' + u : '')
    }
  };
}

/** A y axis title: the quantity and its unit, e.g. "litres (L)", or just the unit. */
function yTitle(o) {
  const text = o.yLabel ? o.yLabel + (o.unit ? ' (' + unitText(o.unit) + ')' : '') : o.unit ? unitText(o.unit) : '';
  return { display: !!text, text };
}

/**
 * A line chart over time: {@code series} are {label, points: [{x: ms, y}]} where y null marks a gap.
 *
 * @param options {unit, yLabel, digits, yMin, yMax, suggestedMax, daily, range or window, plugins}
 */
export function lineChart(container, series, options) {
  const o = options || {};
  return draw(container, {
    type: 'line',
    data: {
      datasets: series.map((s, i) => ({
        label: s.label, data: s.points, borderColor: s.color || COLORS[i % COLORS.length],
        backgroundColor: s.color || COLORS[i % COLORS.length], borderWidth: 1.6, pointRadius: s.points.length > 60 ? 0 : 2,
        spanGaps: false, parsing: false, stepped: s.stepped || false
      }))
    },
    options: {
      parsing: false,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      scales: {
        x: timeAxis(o.daily, o.range, o.window),
        y: { min: o.yMin, max: o.yMax, suggestedMax: o.suggestedMax, title: yTitle(o) }
      },
      plugins: { tooltip: tooltip(o.unit, o.digits ?? 1, o.daily), legend: { display: series.length > 1 } }
    },
    plugins: o.plugins || []
  });
}

/**
 * Bars per UTC day, one dataset per subject ({label, points: [{x: dayMs, y}]}), stacked when the figure adds
 * up; a camp total ({@code total}) as a line; and the coverage of each day ([{x, y: 0..1}]) as a dashed line
 * on a 0-100 % axis. The x axis spans every day of {@code options.range} ({from, to}), whatever days have data.
 *
 * @param options {range, digits, yLabel}
 */
export function dailyBars(container, daily, options) {
  const o = options || {};
  const datasets = daily.series.map((s, i) => ({
    type: 'bar', label: s.label, data: s.points, backgroundColor: COLORS[i % COLORS.length], parsing: false,
    stack: daily.stacked ? 'values' : s.label, yAxisID: 'y', order: 2
  }));
  if (daily.total) {
    datasets.push({
      type: 'line', label: daily.total.label, data: daily.total.points, yAxisID: 'y', parsing: false, order: 1,
      borderColor: '#1d2521', backgroundColor: '#1d2521', pointRadius: 3, spanGaps: false
    });
  }
  if (daily.coverage.length) {
    datasets.push({
      type: 'line', label: t('chart.coverage'), data: daily.coverage.map(p => ({ x: p.x, y: Math.round(p.y * 1000) / 10 })),
      yAxisID: 'cov', borderColor: '#5d6a63', backgroundColor: '#5d6a63', borderDash: [4, 3], pointRadius: 2,
      parsing: false, spanGaps: false, order: 0
    });
  }
  const unit = daily.unit === '1' ? '' : unitText(daily.unit || '');
  const bounds = o.range ? dayBounds(o.range) : {};
  // One tick per day (a bar is as wide as the space between ticks), a label on every few of them.
  const every = o.range ? Math.max(1, Math.ceil((bounds.last - bounds.first) / DAY / 10)) : 1;
  return draw(container, {
    type: 'bar',
    data: { datasets },
    options: {
      parsing: false,
      scales: {
        x: {
          type: 'linear', offset: true, min: bounds.first, max: bounds.last, afterBuildTicks: o.range ? midnights : undefined,
          ticks: {
            stepSize: DAY, autoSkip: !o.range, maxRotation: 0,
            callback: (v, i) => v % DAY === 0 && i % every === 0 ? shortDay(v) : ''
          }
        },
        y: { stacked: daily.stacked, beginAtZero: true, title: yTitle({ unit, yLabel: o.yLabel }) },
        cov: { position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false }, title: { display: true, text: t('chart.coverageAxis') } }
      },
      plugins: {
        tooltip: {
          callbacks: {
            title: items => items.length ? dateText(day(items[0].parsed.x)) : '',
            label: item => item.dataset.yAxisID === 'cov' ? t('chart.coverageTip', { pct: num(item.parsed.y, 0) })
              : item.dataset.label + ': ' + (num(item.parsed.y, o.digits ?? 2) ?? t('fmt.noData')) + (unit ? ' ' + unit : '')
          }
        }
      }
    }
  });
}

/** Horizontal stacked bars: one row per label, one dataset per band ({label, values, color}). */
export function stackedBars(container, labels, bands, options) {
  const o = options || {};
  return draw(container, {
    type: 'bar',
    data: {
      labels,
      datasets: bands.map((b, i) => ({ label: b.label, data: b.values, backgroundColor: b.color || COLORS[i % COLORS.length] }))
    },
    options: {
      indexAxis: 'y',
      scales: { x: { stacked: true, beginAtZero: true, title: { display: !!o.unit, text: unitText(o.unit) } }, y: { stacked: true } },
      plugins: {
        tooltip: { callbacks: { label: item => item.dataset.label + ': ' + num(item.parsed.x, o.digits ?? 1) + (o.unit ? ' ' + unitText(o.unit) : '') } }
      }
    }
  });
}

/** Vertical bars per label with optional per-bar colors. */
export function bars(container, labels, label, values, options) {
  const o = options || {};
  return draw(container, {
    type: 'bar',
    data: { labels, datasets: [{ label, data: values, backgroundColor: o.colors || COLORS[0] }] },
    options: {
      indexAxis: o.horizontal ? 'y' : 'x',
      scales: { [o.horizontal ? 'x' : 'y']: { beginAtZero: true, min: o.min, max: o.max, title: { display: !!o.unit, text: unitText(o.unit) } } },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: item => label + ': ' + num(o.horizontal ? item.parsed.x : item.parsed.y, o.digits ?? 1) + (o.unit ? ' ' + unitText(o.unit) : '') } }
      }
    }
  });
}

/** A plugin shading the x range [from, to] (ms) behind the data, e.g. an event's window or a target band. */
export function shadeX(from, to, color) {
  return {
    id: 'shadeX',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      const x0 = Math.max(chartArea.left, scales.x.getPixelForValue(from));
      const x1 = Math.min(chartArea.right, scales.x.getPixelForValue(to));
      ctx.save();
      ctx.fillStyle = color;
      ctx.fillRect(x0, chartArea.top, Math.max(1, x1 - x0), chartArea.bottom - chartArea.top);
      ctx.restore();
    }
  };
}

/** A plugin shading the y range [from, to], e.g. the generators' target load band. */
export function shadeY(from, to, color) {
  return {
    id: 'shadeY',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      const y0 = Math.max(chartArea.top, scales.y.getPixelForValue(to));
      const y1 = Math.min(chartArea.bottom, scales.y.getPixelForValue(from));
      ctx.save();
      ctx.fillStyle = color;
      ctx.fillRect(chartArea.left, y0, chartArea.right - chartArea.left, Math.max(1, y1 - y0));
      ctx.restore();
    }
  };
}
