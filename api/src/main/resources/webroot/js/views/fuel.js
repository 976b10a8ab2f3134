// Fuel of one camp: tank levels over time (hourly buckets of fuel.volume), days of supply with interval and
// reorder date, daily consumption (the fuel_consumed_l figures) and the fuel events (refuels, thefts, leaks).
import * as api from '../api.js';
import { h, notice, panel, table } from '../dom.js';
import { lastDays, time, value } from '../format.js';
import { box, lineChart } from '../charts.js';
import { byAssetAndMetric, pointsWithGaps, HOUR_MS } from '../compute.js';
import { DAYS_OF_SUPPLY, REORDER_DATE, currentTable, dailyPanel, daysOfSupply, find, reorderDate } from '../figures.js';
import { metricLabel } from '../catalogue.js';
import { campPicker, eventTable } from './shared.js';

export const CONSUMED = 'fuel_consumed_l';
const VOLUME = 'fuel.volume';

export async function render(root, ctx, mount) {
  const camps = await api.camps();
  const camp = camps.find(c => c.id === ctx.args[0]) || camps[0];
  root.append(campPicker('Fuel', camps, camp, 'fuel'));
  if (!camp) {
    root.append(notice('No camps are in your scope.'));
    mount();
    return;
  }
  const range = lastDays(ctx.days);
  const [summary, assets, levels] = await Promise.all([
    api.get('/api/v1/camps/' + encodeURIComponent(camp.id) + '/fuel', range),
    api.assets(),
    api.getAll('/api/v1/readings', { camp: camp.id, metric: VOLUME, bucket: '1h', from: range.from, to: range.to })
  ]);
  const tanks = assets.filter(a => a.campId === camp.id && a.kind === 'fuel_tank');
  const names = new Map(assets.map(a => [a.id, a.name || a.id]));
  const labelOf = r => r.subjectKind === 'camp' ? 'camp total' : names.get(r.subjectId) || r.subjectId;
  const byTank = byAssetAndMetric(levels);
  const levelBox = box('tank-levels', 'tall');
  const consumption = dailyPanel(summary.daily, [CONSUMED], labelOf, 'fuel-consumption', range);
  root.append(
    panel('Tanks', tankTable(camp, tanks, summary.current, byTank)),
    h('div', { class: 'cols' },
      panel('Tank levels (hourly mean, litres)', levels.length ? levelBox : notice('No tank level readings in this range.'),
        h('p', { class: 'hint' }, 'Hourly means of the tank sensors (' + metricLabel(VOLUME).toLowerCase() + '); the line breaks where hours are missing.')),
      panel('Daily consumption', consumption.node)),
    panel('Fuel events', eventTable(summary.events, names)),
    panel('All fuel figures now', currentTable(summary.current, labelOf)));
  mount();
  if (!ctx.alive()) {
    return;
  }
  if (levels.length) {
    lineChart(levelBox, [...byTank.entries()].map(([asset, metrics]) => ({
      label: names.get(asset) || asset, points: pointsWithGaps(metrics.get(VOLUME) || [], HOUR_MS)
    })), { unit: 'L', yLabel: 'Fuel in the tank', digits: 0, yMin: 0, range });
  }
  consumption.draw();
}

function tankTable(camp, tanks, current, byTank) {
  const subjects = [{ id: camp.id, name: 'Camp (all tanks)', camp: true }].concat(tanks.map(t => ({ id: t.id, name: t.name || t.id, tank: t })))
    .filter(s => !s.camp || find(current, s.id, DAYS_OF_SUPPLY));
  if (!subjects.length) {
    return notice('No fuel tanks registered in this camp.');
  }
  return table([
    { label: 'Tank', cell: s => s.name },
    { label: 'Level now', num: true, cell: s => levelNow(s, byTank) },
    { label: 'Capacity', num: true, cell: s => s.tank ? value(s.tank.capacityL, 'L', 0) : '' },
    { label: 'Days of supply (interval)', num: true, cell: s => daysOfSupply(find(current, s.id, DAYS_OF_SUPPLY)) },
    {
      label: 'Reorder by', cell: s => {
        const d = reorderDate(find(current, s.id, REORDER_DATE), find(current, s.id, DAYS_OF_SUPPLY));
        return d ? h('span', { 'data-reorder': d }, d) : h('span', { class: 'nodata' }, '–');
      }
    }
  ], subjects, { rowAttrs: s => ({ 'data-subject': s.id }) });
}

function levelNow(s, byTank) {
  const rows = s.tank && byTank.get(s.id) ? byTank.get(s.id).get(VOLUME) || [] : [];
  const last = rows[rows.length - 1];
  if (!last) {
    return s.tank ? h('span', { class: 'nodata' }, 'no data') : '';
  }
  return h('span', {}, value(last.last ?? last.value, 'L', 0, { 'data-level': s.id }),
    h('span', { class: 'interval' }, ' at ' + time(last.timestamp)));
}
