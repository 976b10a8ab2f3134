// Data quality of the camps in scope: the coverage of each subject's daily figures (mean and least, figures
// under the threshold), stale and flat-lined sensors (events, with their evidence) and each gateway's
// last message.
import * as api from '../api.js';
import { h, notice, panel, table, viewHead } from '../dom.js';
import { age, coverage, lastDays, num, pct, time } from '../format.js';
import { bars, box } from '../charts.js';
import { eventTable } from './shared.js';

const STALE_GATEWAY_MS = 3_600_000;

export async function render(root, ctx, mount) {
  const [quality, assets] = await Promise.all([api.get('/api/v1/data-quality', lastDays(ctx.days)), api.assets()]);
  const names = new Map(assets.map(a => [a.campId + '/' + a.id, a.name || a.id]));
  const label = r => r.subjectKind === 'camp' ? 'camp ' + r.subjectId : names.get(r.camp + '/' + r.subjectId) || r.subjectId;
  const items = quality.items || [];
  const chart = box('coverage', items.length > 12 ? 'tall' : null);
  root.append(viewHead('Data quality', h('span', { class: 'hint' }, 'Coverage of the daily figures over the last ' + ctx.days
    + ' days; threshold ' + pct(quality.threshold))),
  h('div', { class: 'cols' },
    panel('Mean coverage per subject', items.length ? chart : notice('No daily figures in this range yet.')),
    panel('Gateways', gateways(quality.gateways || []))),
  panel('Coverage per subject', items.length ? coverageTable(items, label, quality.threshold) : notice('No daily figures in this range yet.')),
  panel('Stale and flat-lined sensors', eventTable(quality.events || [], names)));
  mount();
  if (items.length && ctx.alive()) {
    bars(chart, items.map(label), 'mean coverage', items.map(r => typeof r.coverageMean === 'number' ? r.coverageMean * 100 : null), {
      unit: '%', min: 0, max: 100, digits: 0, horizontal: true,
      colors: items.map(r => r.coverageMean >= quality.threshold ? '#2e7d32' : r.coverageMean >= 0.5 ? '#d9822b' : '#b3261e')
    });
  }
}

function coverageTable(items, label, threshold) {
  return table([
    { label: 'Subject', cell: label },
    { label: 'Days', num: true, cell: r => num(r.days, 0) },
    { label: 'Mean coverage', cell: r => h('span', { 'data-coverage-mean': r.subjectId, 'data-value': String(r.coverageMean) }, coverage(r.coverageMean)) },
    { label: 'Least', cell: r => coverage(r.coverageMin) },
    {
      label: 'Figures below ' + pct(threshold), num: true,
      cell: r => h('span', { class: r.figuresBelowThreshold > 0 ? 'warn' : null, 'data-below': r.subjectId }, num(r.figuresBelowThreshold, 0))
    }
  ], items, { rowAttrs: r => ({ 'data-subject': r.subjectId }) });
}

function gateways(list) {
  if (!list.length) {
    return notice('No gateway has sent anything yet.');
  }
  return table([
    { label: 'Camp', cell: g => g.camp },
    { label: 'Gateway', cell: g => g.gateway },
    {
      label: 'Last message', cell: g => h('span', {
        class: Date.now() - Date.parse(g.lastReceivedAt) > STALE_GATEWAY_MS ? 'bad' : null
      }, time(g.lastReceivedAt) + ' (' + age(g.lastReceivedAt) + ')')
    },
    { label: 'Last seq', num: true, cell: g => g.lastSeq ?? '–' },
    { label: 'Messages', num: true, cell: g => num(g.messages, 0) }
  ], list, { rowAttrs: g => ({ 'data-gateway': g.gateway }) });
}
