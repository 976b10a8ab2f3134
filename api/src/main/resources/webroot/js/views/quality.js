// Data quality of the camps in scope: the coverage of each subject's daily figures (mean and least, figures
// under the threshold), stale and flat-lined sensors (events, with their evidence) and each gateway's
// last message.
import * as api from '../api.js';
import { h, notice, panel, table, viewHead } from '../dom.js';
import { age, coverage, lastDays, num, pct, time } from '../format.js';
import { bars, box } from '../charts.js';
import { eventTable } from './shared.js';
import { t } from '../i18n.js';

const STALE_GATEWAY_MS = 3_600_000;

export async function render(root, ctx, mount) {
  const [quality, assets] = await Promise.all([api.get('/api/v1/data-quality', lastDays(ctx.days)), api.assets()]);
  const names = new Map(assets.map(a => [a.campId + '/' + a.id, a.name || a.id]));
  const label = r => r.subjectKind === 'camp' ? t('quality.campSubject', { id: r.subjectId }) : names.get(r.camp + '/' + r.subjectId) || r.subjectId;
  const items = quality.items || [];
  const chart = box('coverage', items.length > 12 ? 'tall' : null);
  root.append(viewHead(t('quality.title'), h('span', { class: 'hint' }, t('quality.hint', { days: ctx.days, threshold: pct(quality.threshold) }))),
  h('div', { class: 'cols' },
    panel(t('quality.meanPerSubject'), items.length ? chart : notice(t('fig.noDaily'))),
    panel(t('quality.gateways'), gateways(quality.gateways || []))),
  panel(t('quality.perSubject'), items.length ? coverageTable(items, label, quality.threshold) : notice(t('fig.noDaily'))),
  panel(t('quality.sensors'), eventTable(quality.events || [], names)));
  mount();
  if (items.length && ctx.alive()) {
    bars(chart, items.map(label), t('quality.meanSeries'), items.map(r => typeof r.coverageMean === 'number' ? r.coverageMean * 100 : null), {
      unit: '%', min: 0, max: 100, digits: 0, horizontal: true,
      colors: items.map(r => r.coverageMean >= quality.threshold ? '#2e7d32' : r.coverageMean >= 0.5 ? '#d9822b' : '#b3261e')
    });
  }
}

function coverageTable(items, label, threshold) {
  return table([
    { label: t('fig.col.subject'), cell: label },
    { label: t('quality.col.days'), num: true, cell: r => num(r.days, 0) },
    { label: t('quality.col.mean'), cell: r => h('span', { 'data-coverage-mean': r.subjectId, 'data-value': String(r.coverageMean) }, coverage(r.coverageMean)) },
    { label: t('quality.col.least'), cell: r => coverage(r.coverageMin) },
    {
      label: t('quality.col.below', { threshold: pct(threshold) }), num: true,
      cell: r => h('span', { class: r.figuresBelowThreshold > 0 ? 'warn' : null, 'data-below': r.subjectId }, num(r.figuresBelowThreshold, 0))
    }
  ], items, { rowAttrs: r => ({ 'data-subject': r.subjectId }) });
}

function gateways(list) {
  if (!list.length) {
    return notice(t('quality.noGateways'));
  }
  return table([
    { label: t('common.campLabel'), cell: g => g.camp },
    { label: t('quality.col.gateway'), cell: g => g.gateway },
    {
      label: t('quality.col.last'), cell: g => h('span', {
        class: Date.now() - Date.parse(g.lastReceivedAt) > STALE_GATEWAY_MS ? 'bad' : null
      }, time(g.lastReceivedAt) + ' (' + age(g.lastReceivedAt) + ')')
    },
    { label: t('quality.col.seq'), num: true, cell: g => g.lastSeq ?? '–' },
    { label: t('quality.col.messages'), num: true, cell: g => num(g.messages, 0) }
  ], list, { rowAttrs: g => ({ 'data-gateway': g.gateway }) });
}
