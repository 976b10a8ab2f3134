// Events: the list (filtered by camp and kind) and one event with its evidence: the readings the detector
// looked at (chart, with the event's window shaded), its figures and its explanation (in the page's language: the
// API writes it again from the figures per Accept-Language, localizedExplanation).
import * as api from '../api.js';
import { h, notice, panel, select, table, viewHead } from '../dom.js';
import { figureValue, lastDays, millis, time, value } from '../format.js';
import { t } from '../i18n.js';
import { box, lineChart, shadeX } from '../charts.js';
import { eventTable } from './shared.js';
import { detailLabel, eventKinds, kindLabel, metricLabel, metricUnit } from '../catalogue.js';


export async function render(root, ctx, mount) {
  if (/^\d+$/.test(ctx.args[0] || '')) {
    return evidence(root, ctx, mount, ctx.args[0]);
  }
  const filter = filters(ctx.args);
  const [camps, assets, events] = await Promise.all([api.camps(), api.assets(),
    api.getAll('/api/v1/events', Object.assign({ camp: filter.camp, kind: filter.kind }, lastDays(ctx.days)))]);
  const names = new Map(assets.map(a => [a.campId + '/' + a.id, a.name || a.id]));
  const go = (key, v) => {
    const next = Object.assign({}, filter, { [key]: v || null });
    location.hash = '#/events' + (next.camp ? '/camp/' + encodeURIComponent(next.camp) : '')
      + (next.kind ? '/kind/' + encodeURIComponent(next.kind) : '');
  };
  root.append(viewHead(t('events.title'),
    select('events-camp', t('common.campLabel'), [['', t('events.allCamps')]].concat(camps.map(c => [c.id, c.name || c.id])), filter.camp || '', v => go('camp', v)),
    select('events-kind', t('events.col.kind'), [['', t('events.allKinds')]].concat(eventKinds().map(k => [k, kindLabel(k)])), filter.kind || '', v => go('kind', v)),
    h('span', { class: 'hint', 'data-count': String(events.length) }, t('events.count', { n: events.length, days: ctx.days }))),
  panel(null, eventTable(events.slice().reverse(), names)));
  mount();
}

function filters(args) {
  const out = { camp: null, kind: null };
  for (let i = 0; i + 1 < args.length; i += 2) {
    if (args[i] === 'camp' || args[i] === 'kind') {
      out[args[i]] = args[i + 1];
    }
  }
  return out;
}

async function evidence(root, ctx, mount, id) {
  const [event, assets] = await Promise.all([api.get('/api/v1/events/' + id), api.assets()]);
  const names = new Map(assets.map(a => [a.campId + '/' + a.id, a.name || a.id]));
  const ev = event.evidence || {};
  const readings = (ev.readings || []).map(p => ({ x: millis(p.ts), y: typeof p.value === 'number' ? p.value : null }))
    .filter(p => Number.isFinite(p.x)).sort((a, b) => a.x - b.x);
  const chart = box('evidence', 'tall');
  root.append(viewHead(t('events.at', { kind: kindLabel(event.kind), asset: names.get(event.camp + '/' + event.asset) || event.asset }),
    h('a', { href: '#/events/camp/' + encodeURIComponent(event.camp) }, t('events.back', { camp: event.camp }))),
  h('div', { class: 'cols' },
    panel(t('events.what'),
      h('p', { class: 'explanation', 'data-explanation': '' }, event.localizedExplanation || ev.explanation || t('events.noExplanation')),
      h('dl', { class: 'facts' },
        h('dt', {}, t('events.col.quantity')), h('dd', {}, value(event.quantity, event.unit, 1, { 'data-quantity': String(event.id) })),
        h('dt', {}, t('events.when')), h('dd', {}, time(event.start) + ' – ' + time(event.end)),
        h('dt', {}, t('events.campAsset')), h('dd', {}, event.camp + ' / ' + event.asset),
        h('dt', {}, t('events.window')), h('dd', {}, time(ev.windowStart) + ' – ' + time(ev.windowEnd)),
        h('dt', {}, t('events.detectedAt')), h('dd', {}, time(event.detectedAt)))),
    panel(t('events.figures'), figures(ev.figures || {}))),
  panel(t('events.evidence', { what: ev.metric ? metricLabel(ev.metric).toLowerCase() : t('events.readings'), n: readings.length }),
    readings.length ? chart : notice(t('events.noReadings')),
    h('p', { class: 'hint' }, t('events.shaded'))));
  mount();
  if (readings.length && ctx.alive()) {
    const window = ev.windowStart && ev.windowEnd ? { from: ev.windowStart, to: ev.windowEnd } : null;
    lineChart(chart, [{ label: ev.metric ? metricLabel(ev.metric) : t('events.reading'), points: readings }], {
      digits: 1, unit: ev.metric ? metricUnit(ev.metric) : null, yLabel: ev.metric ? metricLabel(ev.metric) : null, window, plugins: [shadeX(millis(event.start), Math.max(millis(event.end), millis(event.start) + 60_000), 'rgba(179,38,30,0.12)')]
    });
  }
}

function figures(map) {
  const rows = Object.entries(map).sort();
  if (!rows.length) {
    return notice(t('events.noFigures'));
  }
  return table([
    { label: t('fig.col.figure'), cell: ([k]) => detailLabel(k).label },
    {
      label: t('fig.col.value'), num: true,
      cell: ([k, v]) => typeof v === 'number' ? figureValue(v, detailLabel(k).unit, 2, { 'data-evidence-figure': k })
        : h('span', { 'data-evidence-figure': k, 'data-value': String(v) }, String(v))
    }
  ], rows);
}
