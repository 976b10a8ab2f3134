// Asset utilization in one camp: how much each asset with an on/off signal was on (its kind's running metric in the
// catalogue: generators' engine.running, vehicles' ignition, pumps' running flag; hourly buckets), and for one selected asset its
// stored figures, daily figures and events (/camps/{camp}/assets/{asset}/utilization).
import * as api from '../api.js';
import { h, notice, panel, select, table } from '../dom.js';
import { coverage, lastDays, num, pct, value } from '../format.js';
import { bars, box, lineChart } from '../charts.js';
import { byAssetAndMetric, hoursSince, usage } from '../compute.js';
import { currentTable, dailyPanel } from '../figures.js';
import { campPicker, eventTable } from './shared.js';
import { assetKindLabel, metricLabel, runningMetric, runningMetrics } from '../catalogue.js';
import { t } from '../i18n.js';

export async function render(root, ctx, mount) {
  const camps = await api.camps();
  const camp = camps.find(c => c.id === ctx.args[0]) || camps[0];
  root.append(campPicker(t('util.title'), camps, camp, 'utilization'));
  if (!camp) {
    root.append(notice(t('common.noCamps')));
    mount();
    return;
  }
  const range = lastDays(ctx.days);
  const assets = (await api.assets()).filter(a => a.campId === camp.id);
  const rows = await api.getAll('/api/v1/readings', { camp: camp.id, metric: runningMetrics(), bucket: '1h', from: range.from, to: range.to });
  const readings = byAssetAndMetric(rows);
  const used = assets.filter(a => runningMetric(a.kind) && readings.has(a.id)).map(a => ({
    a, u: usage(readings.get(a.id).get(runningMetric(a.kind)) || [], hoursSince(range.from))
  }));
  const chosen = assets.find(a => a.id === ctx.args[1]) || (used[0] || {}).a || assets[0];
  const shareBox = box('utilization', 'short');
  const dailyBox = box('on-hours');
  root.append(
    h('div', { class: 'cols' },
      panel(t('util.share'), used.length ? [shareBox, usageTable(used)] : notice(t('util.noReadings'))),
      panel(t('util.perDay'), used.length ? dailyBox : notice(t('util.noReadings')),
        h('p', { class: 'hint' }, t('util.perDayHint')))));
  const detail = h('div', {});
  root.append(detail);
  mount();
  if (!ctx.alive()) {
    return;
  }
  if (used.length) {
    bars(shareBox, used.map(x => x.a.name || x.a.id), t('util.inUseSeries'), used.map(x => x.u.utilization === null ? null : x.u.utilization * 100),
      { unit: t('util.unitShare'), min: 0, max: 100, digits: 0, horizontal: true });
    lineChart(dailyBox, used.map(x => ({ label: x.a.name || x.a.id, points: x.u.perDay })), { unit: 'h', yLabel: t('util.hoursInUse'), digits: 1, daily: true, yMin: 0, suggestedMax: 24, range });
  }
  if (chosen) {
    await assetDetail(detail, ctx, camp, assets, chosen, range);
  }
}

function usageTable(used) {
  return table([
    { label: t('util.col.asset'), cell: x => x.a.name || x.a.id },
    { label: t('util.col.signal'), cell: x => metricLabel(runningMetric(x.a.kind)) },
    { label: t('util.col.inUse'), num: true, cell: x => x.u.utilization === null ? h('span', { class: 'nodata' }, t('fmt.noData'))
      : h('span', { 'data-utilization': x.a.id, 'data-value': String(x.u.utilization) }, pct(x.u.utilization)) },
    { label: t('util.col.onHours'), num: true, cell: x => value(x.u.onH, 'h', 1, { 'data-on-hours': x.a.id }) },
    { label: t('common.hoursWithData'), cell: x => [num(x.u.hoursWithData, 0) + ' h', coverage(x.u.coverage)] }
  ], used, { rowAttrs: x => ({ 'data-subject': x.a.id }) });
}

async function assetDetail(detail, ctx, camp, assets, asset, range) {
  const summary = await api.get('/api/v1/camps/' + encodeURIComponent(camp.id) + '/assets/' + encodeURIComponent(asset.id) + '/utilization', range);
  if (!ctx.alive()) {
    return;
  }
  const names = new Map(assets.map(a => [a.id, a.name || a.id]));
  const daily = dailyPanel(summary.daily, ['utilization_pct', 'engine_h', 'running_h', 'idle_ratio'], r => names.get(r.subjectId) || r.subjectId, 'asset-daily', range);
  detail.append(panel(t('util.asset', { name: asset.name || asset.id }),
    h('div', { class: 'view-head' }, select('utilization-asset', t('util.col.asset'), assets.map(a => [a.id, (a.name || a.id) + ' (' + assetKindLabel(a.kind).toLowerCase() + ')']),
      asset.id, id => {
        location.hash = '#/utilization/' + encodeURIComponent(camp.id) + '/' + encodeURIComponent(id);
      })),
    h('h3', {}, t('util.figuresNow')), currentTable(summary.current, r => names.get(r.subjectId) || r.subjectId),
    h('h3', {}, t('util.dailyFigures')), daily.node,
    h('h3', {}, t('util.events')), eventTable(summary.events, names)));
  daily.draw();
}
