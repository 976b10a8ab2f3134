// Camps overview: one card per camp in scope with its fuel days of supply (per tank and for the camp, with
// interval, reorder date and coverage) and the alerts (events) of the last 7 days.
import * as api from '../api.js';
import { h, notice, viewHead } from '../dom.js';
import { dateText, lastDays, num } from '../format.js';
import { alertKinds, kindLabel } from '../catalogue.js';
import { plural, t } from '../i18n.js';
import { DAYS_OF_SUPPLY, REORDER_DATE, daysOfSupply, find, reorderDate } from '../figures.js';

const ALERT_DAYS = 7;

export async function render(root, ctx, mount) {
  const [camps, assets, current, events] = await Promise.all([
    api.camps(), api.assets(),
    api.getAll('/api/v1/figures/current', { figure: [DAYS_OF_SUPPLY, REORDER_DATE] }),
    api.getAll('/api/v1/events', lastDays(ALERT_DAYS))
  ]);
  root.append(viewHead(t('camps.title'), h('span', { class: 'hint' }, plural('camps.inScope', camps.length, { days: ALERT_DAYS }))));
  if (!camps.length) {
    root.append(notice(t('common.noCamps')));
  }
  root.append(h('div', { class: 'grid' }, camps.map(c => card(c, assets, current, events))));
  mount();
}

function card(camp, assets, current, events) {
  const tanks = assets.filter(a => a.campId === camp.id && a.kind === 'fuel_tank');
  const mine = events.filter(e => e.camp === camp.id);
  const today = new Date().toISOString().slice(0, 10);
  const rows = [{ id: camp.id, label: t('common.campCap') }].concat(tanks.map(t => ({ id: t.id, label: t.name || t.id })))
    .map(s => ({ s, dos: find(current, s.id, DAYS_OF_SUPPLY), reorder: find(current, s.id, REORDER_DATE) }))
    .filter(r => r.dos || r.s.id !== camp.id);
  return h('article', { class: 'panel card', 'data-camp': camp.id },
    h('h2', {}, h('span', {}, camp.name || camp.id), h('span', { class: 'hint' }, camp.id)),
    h('p', { class: 'meta' }, [camp.missionId, camp.population ? plural('camps.people', camp.population) : null,
      plural('camps.assets', camp.assets ?? 0)].filter(Boolean).join(' · ')),
    h('h3', {}, t('camps.dos')),
    rows.length ? h('div', { class: 'scroll' }, h('table', {}, h('tbody', {}, rows.map(r => fuelRow(r, today)))))
      : notice(t('camps.noTanks')),
    h('h3', {}, t('camps.alerts', { days: ALERT_DAYS })),
    alerts(mine),
    h('div', { class: 'links' },
      h('a', { href: '#/fuel/' + encodeURIComponent(camp.id) }, t('nav.fuel')),
      h('a', { href: '#/power/' + encodeURIComponent(camp.id) }, t('nav.power')),
      h('a', { href: '#/utilization/' + encodeURIComponent(camp.id) }, t('nav.utilization')),
      h('a', { href: '#/events/camp/' + encodeURIComponent(camp.id) }, t('nav.events'))));
}

function fuelRow(r, today) {
  const date = reorderDate(r.reorder, r.dos);
  const due = date && date <= today;
  return h('tr', { 'data-subject': r.s.id },
    h('td', {}, r.s.label),
    h('td', { class: 'num' }, daysOfSupply(r.dos)),
    h('td', {}, date ? h('span', { class: due ? 'bad' : null, 'data-reorder': date }, t(due ? 'camps.reorderNow' : 'camps.reorderBy', { date: dateText(date) })) : null));
}

function alerts(events) {
  if (!events.length) {
    return h('p', { class: 'hint', 'data-alerts': '0' }, t('camps.noEvents'));
  }
  const counts = new Map();
  for (const e of events) {
    counts.set(e.kind, (counts.get(e.kind) || 0) + 1);
  }
  const flagged = events.filter(e => alertKinds().includes(e.kind)).length;
  return h('div', { 'data-alerts': String(flagged) }, [...counts.entries()].sort().map(([kind, n]) =>
    h('span', { class: 'chip' + (alertKinds().includes(kind) ? ' alert' : ''), 'data-kind': kind }, kindLabel(kind) + ' × ' + n)));
}
