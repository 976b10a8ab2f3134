// Showing the analytics' stored figures (analytics_current, analytics_daily as the API serves them): always
// with their coverage, an interval where one exists, and "as of".
import { h, table, notice, select } from './dom.js';
import { dateText, figureValue, interval, coverage, time, day, millis, unitText, value } from './format.js';
import { t } from './i18n.js';
import { box, dailyBars } from './charts.js';
import { dailySeries } from './compute.js';
import { figureLabel, figureUnit } from './catalogue.js';

/** Days of supply of a subject, as the fuel analytics store it. */
export const DAYS_OF_SUPPLY = 'days_of_supply';
/** The date to reorder by. */
export const REORDER_DATE = 'reorder_date';

/** The current figure {@code figure} of a subject among {@code rows}, or undefined. */
export function find(rows, subjectId, figure) {
  return rows.find(r => r.subjectId === subjectId && r.figure === figure);
}

/**
 * The reorder date (YYYY-MM-DD) of a subject: from the reorder_date figure's detail.date, or its value as an
 * epoch day (unit "date" or "epoch_day") or epoch seconds/ms, else from days_of_supply's detail.reorder_date.
 */
export function reorderDate(reorder, dos) {
  const detail = reorder && reorder.detail ? reorder.detail : {};
  if (typeof detail.date === 'string') {
    return detail.date.slice(0, 10);
  }
  if (reorder && typeof reorder.value === 'number') {
    const byDay = reorder.unit === 'date' || reorder.unit === 'epoch_day' || reorder.value < 1e6;
    return day(byDay ? reorder.value * 86_400_000 : millis(reorder.value));
  }
  const d = dos && dos.detail ? dos.detail.reorder_date || dos.detail.reorderDate : null;
  return typeof d === 'string' ? d.slice(0, 10) : null;
}

/** A days-of-supply cell: value, interval and coverage; red below a week. */
export function daysOfSupply(dos) {
  if (!dos) {
    return h('span', { class: 'nodata' }, t('fig.noFigure'));
  }
  const low = typeof dos.value === 'number' && dos.value < 7;
  return h('span', { class: low ? 'bad' : null },
    value(dos.value, 'd', 1, { 'data-figure': DAYS_OF_SUPPLY, 'data-subject': dos.subjectId }),
    interval(dos.low, dos.high), coverage(dos.coverage));
}

/**
 * A table of current figures (any figure name): subject, figure (its label), value as its unit says (a date as
 * a date, a ratio as a percentage) with interval, coverage, as of.
 */
export function currentTable(rows, labelOf) {
  if (!rows.length) {
    return notice(t('fig.noCurrent'));
  }
  return table([
    { label: t('fig.col.subject'), cell: r => labelOf ? labelOf(r) : r.subjectId },
    { label: t('fig.col.figure'), cell: r => figureLabel(r.figure) },
    {
      label: t('fig.col.value'), num: true,
      cell: r => [figureValue(r.value, figureUnit(r.figure, r.unit), digits(r), { 'data-figure': r.figure, 'data-subject': r.subjectId },
        r.detail), figureUnit(r.figure, r.unit) === '1' ? null : interval(r.low, r.high, digits(r))]
    },
    { label: t('fig.col.coverage'), cell: r => coverage(r.coverage) },
    { label: t('fig.col.asOf'), cell: r => r.asOf ? time(r.asOf) : '–' }
  ], rows);
}

function digits(r) {
  return r.unit === '1' || r.unit === 'ratio' || (typeof r.value === 'number' && Math.abs(r.value) < 10) ? 2 : 1;
}

/** Daily series in shown units: a ratio (unit 1) as a percentage. */
function shown(daily, unit) {
  if (unit !== '1') {
    return Object.assign(daily, { unit });
  }
  const scale = s => s && Object.assign({}, s, { points: s.points.map(p => ({ x: p.x, y: p.y === null ? null : p.y * 100 })) });
  return Object.assign(daily, { unit: '%', series: daily.series.map(scale), total: scale(daily.total) });
}

/**
 * A chart of daily figures (bars per subject, coverage line) over every day of {@code range}, with a select for
 * the figure to show.
 *
 * @param preferred figure names to pick first, in order
 */
export function dailyPanel(rows, preferred, labelOf, chartName, range) {
  const names = [...new Set(rows.map(r => r.figure))].sort((a, b) => figureLabel(a).localeCompare(figureLabel(b)));
  if (!names.length) {
    return { node: notice(t('fig.noDaily')), draw: () => {} };
  }
  let chosen = preferred.find(p => names.includes(p)) || names[0];
  const holder = h('div', {});
  const render = () => {
    holder.replaceChildren();
    const container = box(chartName);
    const series = dailySeries(rows, chosen, labelOf);
    const daily = shown(series, figureUnit(chosen, series.unit));
    const unit = unitText(daily.unit || '');
    holder.append(container, h('p', { class: 'hint' }, t('fig.dailyHint', {
      figure: figureLabel(chosen) + (unit ? ' (' + unit + ')' : ''),
      total: daily.total ? t('fig.dailyHintTotal', { label: daily.total.label }) : ''
    })));
    dailyBars(container, daily, { digits: 2, range, yLabel: figureLabel(chosen) });
  };
  const controls = h('div', { class: 'view-head' }, select(chartName + '-figure', t('fig.col.figure'), names.map(n => [n, figureLabel(n)]),
    chosen, v => {
      chosen = v;
      render();
    }));
  return { node: h('div', {}, controls, holder), draw: render };
}
