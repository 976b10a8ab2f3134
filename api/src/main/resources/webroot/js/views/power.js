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

const POWER = 'power.active';

export async function render(root, ctx, mount) {
  const camps = await api.camps();
  const camp = camps.find(c => c.id === ctx.args[0]) || camps[0];
  root.append(campPicker('Generators', camps, camp, 'power'));
  if (!camp) {
    root.append(notice('No camps are in your scope.'));
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
  const labelOf = r => r.subjectKind === 'camp' ? 'camp' : names.get(r.subjectId) || r.subjectId;
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
    panel('Generators', generators.length ? loadingTable(loading) : notice('No generators registered in this camp.')),
    h('div', { class: 'cols' },
      panel('Hours run in each load band', withData.length ? bandBox : notice('No generator readings in this range.'),
        h('p', { class: 'hint' }, 'Target band 60–80 % of rated kW; below 40 % is low load, below 30 % risks wet stacking.')),
      panel('Load factor, hourly (while running)', withData.length ? lfBox : notice('No generator readings in this range.'),
        h('p', { class: 'hint' }, 'Hourly mean kW ÷ (running share × rated kW); shaded: the 60–80 % target band. '
          + 'Gaps are hours without data or with the set stopped.'))),
    panel('Daily power figures', daily.node),
    panel('Power events', eventTable(summary.events, names)),
    panel('Power figures now', currentTable(summary.current, labelOf)));
  mount();
  if (!ctx.alive()) {
    return;
  }
  if (withData.length) {
    stackedBars(bandBox, withData.map(l => l.g.name || l.g.id), BANDS.map((b, i) => ({
      label: b.label, color: BAND_COLORS[i], values: withData.map(l => l.s.bands[i])
    })), { unit: 'running hours' });
    lineChart(lfBox, withData.map(l => ({
      label: l.g.name || l.g.id,
      points: pointsWithGaps(l.hours.map(hr => ({ timestamp: hr.t, value: hr.lf === null ? null : hr.lf * 100 })), HOUR_MS)
    })), { unit: '%', yLabel: 'Load, share of rated kW', digits: 0, yMin: 0, suggestedMax: 100, range, plugins: [shadeY(60, 80, 'rgba(46,125,50,0.10)')] });
  }
  daily.draw();
}

function loadingTable(loading) {
  return table([
    { label: 'Generator', cell: l => l.g.name || l.g.id },
    { label: 'Rated', num: true, cell: l => value(l.g.ratedKw, 'kW', 0) },
    { label: 'Running', num: true, cell: l => value(l.hours.length ? l.s.runningH : null, 'h', 1, { 'data-running': l.g.id }) },
    { label: 'Mean load (running)', num: true, cell: l => l.s.meanLf === null ? h('span', { class: 'nodata' }, 'no data')
      : h('span', { 'data-load': l.g.id, 'data-value': String(l.s.meanLf) }, num(l.s.meanLf * 100, 0) + ' %') },
    { label: 'Below 30 %', num: true, cell: l => value(l.hours.length ? l.s.bands[0] : null, 'h', 1, { 'data-wet': l.g.id }) },
    { label: 'In 60–80 %', num: true, cell: l => value(l.hours.length ? l.s.bands[3] : null, 'h', 1, { 'data-target': l.g.id }) },
    { label: 'Hours with data', cell: l => [num(l.s.hoursWithData, 0) + ' h', coverage(l.s.coverage)] }
  ], loading, { rowAttrs: l => ({ 'data-subject': l.g.id }) });
}
