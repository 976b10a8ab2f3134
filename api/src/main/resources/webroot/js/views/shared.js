// Pieces several views share: the camp picker and the events table.
import { h, notice, select, table, viewHead } from '../dom.js';
import { kindLabel, time, value } from '../format.js';

/** The view heading with a camp select that navigates to #/{view}/{camp}. */
export function campPicker(title, camps, camp, view) {
  if (!camps.length) {
    return viewHead(title);
  }
  return viewHead(title + ': ' + (camp.name || camp.id),
    select(view + '-camp', 'Camp', camps.map(c => [c.id, c.name || c.id]), camp.id, id => {
      location.hash = '#/' + view + '/' + encodeURIComponent(id);
    }));
}

/** Events with kind, asset, times, quantity and explanation; each links to its evidence. */
export function eventTable(events, names) {
  if (!events.length) {
    return notice('No events in this range.');
  }
  return table([
    { label: 'Start (UTC)', cell: e => h('a', { href: '#/events/' + e.id, 'data-event': String(e.id) }, time(e.start)) },
    { label: 'Kind', cell: e => kindLabel(e.kind) },
    { label: 'Asset', cell: e => names && names.get(e.camp + '/' + e.asset) || e.asset },
    { label: 'Quantity', num: true, cell: e => value(e.quantity, e.unit, 1, { 'data-quantity': String(e.id) }) },
    { label: 'Explanation', cell: e => e.explanation || '' }
  ], events, { rowAttrs: e => ({ 'data-kind': e.kind }) });
}
