// Fuel of one camp: tank levels over time (hourly buckets of fuel.volume), days of supply with interval and
// reorder date, daily consumption (the fuel_consumed_l figures) and the fuel events (refuels, thefts, leaks).
import * as api from '../api.js';
import { h, notice, panel, table } from '../dom.js';
import { dateText, lastDays, time, value } from '../format.js';
import { box, lineChart } from '../charts.js';
import { byAssetAndMetric, pointsWithGaps, HOUR_MS } from '../compute.js';
import { DAYS_OF_SUPPLY, REORDER_DATE, currentTable, dailyPanel, daysOfSupply, find, reorderDate } from '../figures.js';
import { metricLabel } from '../catalogue.js';
import { t } from '../i18n.js';
import { campPicker, eventTable } from './shared.js';

export const CONSUMED = 'fuel_consumed_l';
const VOLUME = 'fuel.volume';

export async function render(root, ctx, mount) {
  const camps = await api.camps();
  const camp = camps.find(c => c.id === ctx.args[0]) || camps[0];
  root.append(campPicker(t('fuel.title'), camps, camp, 'fuel'));
  if (!camp) {
    root.append(notice(t('common.noCamps')));
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
  const labelOf = r => r.subjectKind === 'camp' ? t('fuel.campTotal') : names.get(r.subjectId) || r.subjectId;
  const byTank = byAssetAndMetric(levels);
  const levelBox = box('tank-levels', 'tall');
  const consumption = dailyPanel(summary.daily, [CONSUMED], labelOf, 'fuel-consumption', range);
  root.append(
    panel(t('fuel.tanks'), tankTable(camp, tanks, summary.current, byTank)),
    h('div', { class: 'cols' },
      panel(t('fuel.levels'), levels.length ? levelBox : notice(t('fuel.noLevels')),
        h('p', { class: 'hint' }, t('fuel.levelsHint', { metric: metricLabel(VOLUME).toLowerCase() }))),
      panel(t('fuel.daily'), consumption.node)),
    panel(t('fuel.events'), eventTable(summary.events, names)),
    panel(t('fuel.now'), currentTable(summary.current, labelOf)));
  mount();
  if (!ctx.alive()) {
    return;
  }
  if (levels.length) {
    lineChart(levelBox, [...byTank.entries()].map(([asset, metrics]) => ({
      label: names.get(asset) || asset, points: pointsWithGaps(metrics.get(VOLUME) || [], HOUR_MS)
    })), { unit: 'L', yLabel: t('fuel.levelAxis'), digits: 0, yMin: 0, range });
  }
  consumption.draw();
}

function tankTable(camp, tanks, current, byTank) {
  const subjects = [{ id: camp.id, name: t('fuel.campAll'), camp: true }].concat(tanks.map(t => ({ id: t.id, name: t.name || t.id, tank: t })))
    .filter(s => !s.camp || find(current, s.id, DAYS_OF_SUPPLY));
  if (!subjects.length) {
    return notice(t('fuel.noTanks'));
  }
  return table([
    { label: t('fuel.col.tank'), cell: s => s.name },
    { label: t('fuel.col.level'), num: true, cell: s => levelNow(s, byTank) },
    { label: t('fuel.col.capacity'), num: true, cell: s => s.tank ? value(s.tank.capacityL, 'L', 0) : '' },
    { label: t('fuel.col.dos'), num: true, cell: s => daysOfSupply(find(current, s.id, DAYS_OF_SUPPLY)) },
    {
      label: t('fuel.col.reorder'), cell: s => {
        const d = reorderDate(find(current, s.id, REORDER_DATE), find(current, s.id, DAYS_OF_SUPPLY));
        return d ? h('span', { 'data-reorder': d }, dateText(d)) : h('span', { class: 'nodata' }, '–');
      }
    }
  ], subjects, { rowAttrs: s => ({ 'data-subject': s.id }) });
}

function levelNow(s, byTank) {
  const rows = s.tank && byTank.get(s.id) ? byTank.get(s.id).get(VOLUME) || [] : [];
  const last = rows[rows.length - 1];
  if (!last) {
    return s.tank ? h('span', { class: 'nodata' }, t('fmt.noData')) : '';
  }
  return h('span', {}, value(last.last ?? last.value, 'L', 0, { 'data-level': s.id }),
    h('span', { class: 'interval' }, t('fuel.at', { time: time(last.timestamp) })));
}
