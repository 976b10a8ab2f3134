// Pieces several views share: the camp picker and the events table.
import { h, notice, select, table, viewHead } from '../dom.js';
import { time, value } from '../format.js';
import { kindLabel } from '../catalogue.js';
import { t } from '../i18n.js';

/** The view heading with a camp select that navigates to #/{view}/{camp}. */
export function campPicker(title, camps, camp, view) {
  if (!camps.length) {
    return viewHead(title);
  }
  return viewHead(t('common.titleOf', { title, name: camp.name || camp.id }),
    select(view + '-camp', t('common.campLabel'), camps.map(c => [c.id, c.name || c.id]), camp.id, id => {
      location.hash = '#/' + view + '/' + encodeURIComponent(id);
    }));
}

/** Events with kind, asset, times, quantity and explanation; each links to its evidence. */
export function eventTable(events, names) {
  if (!events.length) {
    return notice(t('events.none'));
  }
  return table([
    { label: t('events.col.start'), cell: e => h('a', { href: '#/events/' + e.id, 'data-event': String(e.id) }, time(e.start)) },
    { label: t('events.col.kind'), cell: e => kindLabel(e.kind) },
    { label: t('events.col.asset'), cell: e => names && names.get(e.camp + '/' + e.asset) || e.asset },
    { label: t('events.col.quantity'), num: true, cell: e => value(e.quantity, e.unit, 1, { 'data-quantity': String(e.id) }) },
    { label: t('events.col.explanation'), cell: e => e.localizedExplanation || e.explanation || '' }
  ], events, { rowAttrs: e => ({ 'data-kind': e.kind }) });
}
