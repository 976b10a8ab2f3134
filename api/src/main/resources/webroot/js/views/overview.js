// Mission overview, the first view when the scope holds several camps: every camp in scope on a map (Leaflet,
// served by this application, over country boundaries shipped with it: no tile server, nothing from the
// internet) and in a sortable table of the figures that say which camp needs attention first.
import * as api from '../api.js';
import { h, notice, panel, viewHead } from '../dom.js';
import { coverage, day, lastDays, num, pct, DAY_MS } from '../format.js';
import { SEVERITIES, badge } from './alarms.js';
import { DAYS_OF_SUPPLY, daysOfSupply, find } from '../figures.js';
import { plural, t } from '../i18n.js';

const CONSUMED = 'fuel_consumed_l';
const LOAD = 'load_factor_avg';
const RECENT_DAYS = 7;
const BEFORE_DAYS = 28;
const SILENT_MS = 3_600_000;
const BOUNDARIES = 'data/countries-110m.geojson';
let map = null;

export async function render(root, ctx, mount) {
  const camps = await api.camps();
  const days = RECENT_DAYS + BEFORE_DAYS;
  const [geo, current, alarms, daily, quality, boundaries] = await Promise.all([
    api.get('/api/v1/camps.geojson'),
    api.getAll('/api/v1/figures/current', { figure: DAYS_OF_SUPPLY }),
    api.get('/api/v1/alarms', { status: 'active', limit: 1 }),
    api.getAll('/api/v1/figures/daily', Object.assign({ figure: [CONSUMED, LOAD] }, lastDays(days))),
    api.get('/api/v1/data-quality', lastDays(RECENT_DAYS)),
    fetch(BOUNDARIES, { credentials: 'omit' }).then(r => r.ok ? r.json() : null).catch(() => null)
  ]);
  const rows = camps.map(c => campRow(c, current, alarms.activeByCamp || {}, daily, quality));
  const mapBox = h('div', { id: 'overview-map', class: 'map', role: 'region', 'aria-label': t('overview.mapLabel') });
  const tableHolder = h('div', {});
  root.append(viewHead(t('overview.title'), h('span', { class: 'hint' }, plural('overview.inScope', camps.length))),
    panel(t('overview.table'), tableHolder, h('p', { class: 'hint' }, t('overview.tableHint',
      { recent: RECENT_DAYS, before: BEFORE_DAYS }))),
    panel(t('overview.map'), mapBox, h('p', { class: 'hint' }, t('overview.mapHint'))));
  sortable(tableHolder, rows, 'dos', 1);
  mount();
  if (ctx.alive()) {
    drawMap(mapBox, geo, boundaries, rows);
  }
}

/** The figures of one camp for the table, each with the raw value it sorts by. */
function campRow(camp, current, activeByCamp, daily, quality) {
  const dos = find(current, camp.id, DAYS_OF_SUPPLY);
  const bySeverity = activeByCamp[camp.id] || {};
  const active = SEVERITIES.map(s => bySeverity[s] || 0);
  const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  const recentFrom = day(today - (RECENT_DAYS - 1) * DAY_MS);
  const beforeFrom = day(today - (RECENT_DAYS + BEFORE_DAYS - 1) * DAY_MS);
  const fuel = daily.filter(r => r.subjectKind === 'camp' && r.subjectId === camp.id && r.figure === CONSUMED
    && typeof r.value === 'number');
  const recent = sum(fuel.filter(r => r.day >= recentFrom));
  const beforeRows = fuel.filter(r => r.day < recentFrom && r.day >= beforeFrom);
  // The 4 weeks before as a mean week, over the days that have a figure (a missing day is not a zero).
  const before = beforeRows.length ? sum(beforeRows) / beforeRows.length * RECENT_DAYS : null;
  const loads = daily.filter(r => r.camp === camp.id && r.figure === LOAD && r.day >= recentFrom
    && typeof r.value === 'number');
  const load = loads.length ? loads.reduce((a, r) => a + r.value, 0) / loads.length : null;
  const items = (quality.items || []).filter(i => i.camp === camp.id || (i.subjectKind === 'camp' && i.subjectId === camp.id));
  const campItem = items.find(i => i.subjectKind === 'camp');
  const cov = campItem ? campItem.coverageMean : items.length
    ? items.reduce((a, i) => a + (i.coverageMean || 0), 0) / items.length : null;
  const gateways = (quality.gateways || []).filter(g => g.camp === camp.id);
  const silent = gateways.filter(g => !(Date.now() - Date.parse(g.lastReceivedAt) <= SILENT_MS)).length;
  return {
    camp, dos, active, alarms: active.reduce((a, n) => a + n, 0), recent: fuel.length ? recent : null, before,
    change: before ? (recent - before) / before : null, load, cov, silent, gateways: gateways.length
  };
}

function sum(rows) {
  return rows.reduce((a, r) => a + r.value, 0);
}

/** The table's columns: label key, the value it sorts by (null sorts last) and the cell. */
const COLUMNS = [
  { id: 'camp', label: 'overview.col.camp', key: r => r.camp.name || r.camp.id,
    cell: r => h('a', { href: '#/fuel/' + encodeURIComponent(r.camp.id), 'data-camp-link': r.camp.id }, r.camp.name || r.camp.id) },
  { id: 'dos', label: 'overview.col.dos', num: true, key: r => r.dos && typeof r.dos.value === 'number' ? r.dos.value : null,
    cell: r => daysOfSupply(r.dos) },
  { id: 'alarms', label: 'overview.col.alarms', key: r => severityKey(r.active), cell: r => severity(r) },
  { id: 'fuel', label: 'overview.col.fuel', num: true, key: r => r.recent, cell: r => fuelCell(r) },
  { id: 'load', label: 'overview.col.load', num: true, key: r => r.load,
    cell: r => r.load === null ? h('span', { class: 'nodata' }, t('fmt.noData'))
      : h('span', { 'data-value': String(r.load), class: r.load < 0.3 ? 'bad' : r.load < 0.4 ? 'warn' : null },
        pct(r.load) + (r.load < 0.4 ? ' (' + (r.load < 0.3 ? t('overview.wet') : t('overview.low')) + ')' : '')) },
  { id: 'coverage', label: 'overview.col.coverage', key: r => r.cov, cell: r => coverage(r.cov) },
  { id: 'gateways', label: 'overview.col.gateways', num: true, key: r => r.gateways ? r.silent : null,
    cell: r => r.gateways ? h('span', { class: r.silent ? 'bad' : null, 'data-value': String(r.silent) },
      t('overview.silentOf', { n: r.silent, of: r.gateways })) : h('span', { class: 'nodata' }, t('overview.noGateways')) }
];

/** Sorts by the most urgent severity first: any critical alarm outranks any number of major ones, and so on. */
function severityKey(active) {
  return active.reduce((key, n) => key * 1000 + Math.min(n, 999), 0);
}

/** The active alarms by severity, each as a badge that says its severity in words, linking to the inbox. */
function severity(r) {
  const attrs = { 'data-alarms': String(r.alarms) };
  SEVERITIES.forEach((s, i) => {
    attrs['data-' + s] = String(r.active[i]);
  });
  if (!r.alarms) {
    return h('span', attrs, t('overview.alarms.none'));
  }
  return h('a', Object.assign({ href: '#/alarms/status/active', class: 'overview-alarms' }, attrs),
    SEVERITIES.filter((s, i) => r.active[i] > 0).map((s, i) => [i ? ' ' : null, h('span', { class: 'overview-alarm' },
      badge(s), ' ' + num(r.active[SEVERITIES.indexOf(s)], 0))]));
}

function fuelCell(r) {
  if (r.recent === null) {
    return h('span', { class: 'nodata' }, t('fmt.noData'));
  }
  const change = r.change === null ? t('overview.noBefore')
    : t('overview.vsBefore', { before: num(r.before, 0), change: (r.change > 0 ? '+' : '') + pct(r.change) });
  return h('span', { 'data-value': String(r.recent) }, num(r.recent, 0) + ' L',
    h('span', { class: 'interval' }, ' ' + change));
}

/** Draws the table sorted by column {@code by} ({@code dir} 1 ascending, -1 descending); headers re-sort it. */
function sortable(holder, rows, by, dir) {
  const column = COLUMNS.find(c => c.id === by);
  const sorted = rows.slice().sort((a, b) => {
    const x = column.key(a);
    const y = column.key(b);
    if (x === null || y === null) {
      return x === y ? 0 : x === null ? 1 : -1;
    }
    return (typeof x === 'string' ? x.localeCompare(y) : x - y) * dir;
  });
  const head = h('tr', {}, COLUMNS.map(c => h('th', {
    scope: 'col', class: c.num ? 'num' : null,
    'aria-sort': c.id === by ? (dir > 0 ? 'ascending' : 'descending') : null
  }, h('button', {
    type: 'button', class: 'sort', 'data-sort': c.id,
    onclick: () => {
      sortable(holder, rows, c.id, c.id === by ? -dir : 1);
      holder.querySelector('[data-sort="' + c.id + '"]').focus();
    }
  }, t(c.label), c.id === by ? h('span', { 'aria-hidden': 'true' }, dir > 0 ? ' ▲' : ' ▼') : null))));
  const body = sorted.map(r => h('tr', { 'data-camp': r.camp.id },
    COLUMNS.map(c => h(c.id === 'camp' ? 'th' : 'td', { class: c.num ? 'num' : null, scope: c.id === 'camp' ? 'row' : null }, c.cell(r)))));
  holder.replaceChildren(h('div', { class: 'scroll' }, h('table', { 'data-table': 'overview' },
    h('caption', { class: 'sr-only' }, t('overview.caption')), h('thead', {}, head), h('tbody', {}, body))));
}

/** The map: country boundaries and one marker per camp with a position, fitted to the camps. */
function drawMap(box, geo, boundaries, rows) {
  const L = window.L;
  if (!L) {
    box.replaceChildren(notice(t('overview.noMapLibrary'), 'error'));
    return;
  }
  if (map) {
    try {
      map.remove();
    } catch (e) {
      // The old view's map went with its container.
    }
    map = null;
  }
  map = L.map(box, { attributionControl: false, zoomSnap: 0.5, worldCopyJump: false, minZoom: 1, maxZoom: 9 });
  map.zoomControl.remove();
  L.control.zoom({ zoomInTitle: t('overview.zoomIn'), zoomOutTitle: t('overview.zoomOut') }).addTo(map);
  const byId = new Map(rows.map(r => [r.camp.id, r]));
  const placed = (geo.features || []).filter(f => f.geometry && f.geometry.type === 'Point');
  const points = placed.map(f => [f.geometry.coordinates[1], f.geometry.coordinates[0]]);
  // The view first: Leaflet places layers (and permanent tooltips) relative to it.
  if (points.length) {
    map.fitBounds(L.latLngBounds(points).pad(0.5), { maxZoom: 6 });
  } else {
    map.setView([0, 20], 2);
  }
  if (boundaries) {
    L.geoJSON(boundaries, { style: { color: '#8a958f', weight: 0.8, fillColor: '#e4e9e3', fillOpacity: 1 }, interactive: false })
      .addTo(map);
  }
  placed.forEach((f, i) => {
    const id = f.properties.id || f.id;
    const r = byId.get(id);
    const name = f.properties.name || id;
    const marker = L.circleMarker(points[i], {
      radius: 8, color: '#1d2521', weight: 2, fillColor: r && r.alarms > 0 ? '#b3261e' : '#2f6f4f', fillOpacity: 0.9
    }).addTo(map);
    marker.bindTooltip(name + (r ? ' – ' + plural('overview.alarms.count', r.alarms) : ''), { permanent: true, direction: 'right', offset: [10, 0] });
    if (marker.getElement()) {
      marker.getElement().setAttribute('data-camp-marker', id);
    }
  });
  box.dataset.markers = String(points.length);
  box.dataset.drawn = 'true';
}
