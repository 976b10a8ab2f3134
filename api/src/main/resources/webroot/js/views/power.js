// Generator loading of one camp: per generator the hours run in each load-factor band and the hourly load
// factor over time (from the hourly buckets of power.active and engine.running against the rated kW), the
// stored power figures (daily and current) and the power events (low load, overload, outages).
import * as api from '../api.js';
import { h, notice, panel, table } from '../dom.js';
import { coverage, lastDays, num, value } from '../format.js';
import { BAND_COLORS, box, lineChart, shadeY, stackedBars } from '../charts.js';
import { BANDS, byAssetAndMetric, generatorHours, hoursSince, loadingSummary, pointsWithGaps, HOUR_MS } from '../compute.js';
import { currentTable, dailyPanel } from '../figures.js';
import { campPicker, eventTable } from './shared.js';
import { runningMetric } from '../catalogue.js';
import { t } from '../i18n.js';

const POWER = 'power.active';

export async function render(root, ctx, mount) {
  const camps = await api.camps();
  const camp = camps.find(c => c.id === ctx.args[0]) || camps[0];
  root.append(campPicker(t('power.title'), camps, camp, 'power'));
  if (!camp) {
    root.append(notice(t('common.noCamps')));
    mount();
    return;
  }
  const range = lastDays(ctx.days);
  const RUNNING = runningMetric('generator');
  const [summary, assets, rows] = await Promise.all([
    api.get('/api/v1/camps/' + encodeURIComponent(camp.id) + '/power', range),
    api.assets(),
    api.getAll('/api/v1/readings', { camp: camp.id, metric: [POWER, RUNNING], bucket: '1h', from: range.from, to: range.to })
  ]);
  const generators = assets.filter(a => a.campId === camp.id && a.kind === 'generator');
  const names = new Map(assets.map(a => [a.id, a.name || a.id]));
  const labelOf = r => r.subjectKind === 'camp' ? t('common.camp') : names.get(r.subjectId) || r.subjectId;
  const readings = byAssetAndMetric(rows);
  const loading = generators.map(g => {
    const m = readings.get(g.id) || new Map();
    const hours = generatorHours(m.get(POWER) || [], m.get(RUNNING), g.ratedKw);
    return { g, hours, s: loadingSummary(hours, hoursSince(range.from)) };
  });
  const withData = loading.filter(l => l.hours.length);
  const bandBox = box('load-bands');
  const lfBox = box('load-factor', 'tall');
  const daily = dailyPanel(summary.daily, ['load_factor_avg', 'energy_kwh', 'running_h'], labelOf, 'power-daily', range);
  root.append(
    panel(t('power.generators'), generators.length ? loadingTable(loading) : notice(t('power.noGenerators'))),
    h('div', { class: 'cols' },
      panel(t('power.bandsTitle'), withData.length ? bandBox : notice(t('power.noReadings')),
        h('p', { class: 'hint' }, t('power.bandsHint'))),
      panel(t('power.lfTitle'), withData.length ? lfBox : notice(t('power.noReadings')),
        h('p', { class: 'hint' }, t('power.lfHint')))),
    panel(t('power.daily'), daily.node),
    panel(t('power.events'), eventTable(summary.events, names)),
    panel(t('power.now'), currentTable(summary.current, labelOf)));
  mount();
  if (!ctx.alive()) {
    return;
  }
  if (withData.length) {
    stackedBars(bandBox, withData.map(l => l.g.name || l.g.id), BANDS.map((b, i) => ({
      label: t('band.' + b.id), color: BAND_COLORS[i], values: withData.map(l => l.s.bands[i])
    })), { unit: t('power.runningHours') });
    lineChart(lfBox, withData.map(l => ({
      label: l.g.name || l.g.id,
      points: pointsWithGaps(l.hours.map(hr => ({ timestamp: hr.t, value: hr.lf === null ? null : hr.lf * 100 })), HOUR_MS)
    })), { unit: '%', yLabel: t('power.lfAxis'), digits: 0, yMin: 0, suggestedMax: 100, range, plugins: [shadeY(60, 80, 'rgba(46,125,50,0.10)')] });
  }
  daily.draw();
}

function loadingTable(loading) {
  return table([
    { label: t('power.col.generator'), cell: l => l.g.name || l.g.id },
    { label: t('power.col.rated'), num: true, cell: l => value(l.g.ratedKw, 'kW', 0) },
    { label: t('power.col.running'), num: true, cell: l => value(l.hours.length ? l.s.runningH : null, 'h', 1, { 'data-running': l.g.id }) },
    { label: t('power.col.meanLoad'), num: true, cell: l => l.s.meanLf === null ? h('span', { class: 'nodata' }, t('fmt.noData'))
      : h('span', { 'data-load': l.g.id, 'data-value': String(l.s.meanLf) }, num(l.s.meanLf * 100, 0) + ' %') },
    { label: t('power.col.below30'), num: true, cell: l => value(l.hours.length ? l.s.bands[0] : null, 'h', 1, { 'data-wet': l.g.id }) },
    { label: t('power.col.in6080'), num: true, cell: l => value(l.hours.length ? l.s.bands[3] : null, 'h', 1, { 'data-target': l.g.id }) },
    { label: t('common.hoursWithData'), cell: l => [num(l.s.hoursWithData, 0) + ' h', coverage(l.s.coverage)] }
  ], loading, { rowAttrs: l => ({ 'data-subject': l.g.id }) });
}
