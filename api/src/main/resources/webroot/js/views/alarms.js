// Alarms: the inbox (active first, then by severity) and one alarm with its history, where logistics staff
// acknowledge, clear or comment; and the count of active alarms in the header of every view.
import * as api from '../api.js';
import { h, notice, panel, select, table, viewHead } from '../dom.js';
import { conditionLabel } from '../catalogue.js';
import { num, time, unitText } from '../format.js';
import { plural, t } from '../i18n.js';

/** Severities, most urgent first (the API's order). */
export const SEVERITIES = ['critical', 'major', 'minor', 'warning'];
const ACTIONS = ['raised', 'updated', 'acknowledged', 'cleared', 'commented', 'reopened'];

// Every user-visible string of this view, from the dashboard's bundles (i18n/dashboard_*.properties, alarms.*).
export const STRINGS = {
  get title() { return t('alarms.title'); },
  get status() { return t('alarms.status'); },
  get statusOpen() { return t('alarms.statusOpen'); },
  get statusActive() { return t('alarms.statusActive'); },
  get statusAcknowledged() { return t('alarms.statusAcknowledged'); },
  get statusCleared() { return t('alarms.statusCleared'); },
  get statusAll() { return t('alarms.statusAll'); },
  get none() { return t('alarms.none'); },
  get colSeverity() { return t('alarms.colSeverity'); },
  get colStatus() { return t('alarms.colStatus'); },
  get colSummary() { return t('alarms.colSummary'); },
  get colCamp() { return t('alarms.colCamp'); },
  get colRaised() { return t('alarms.colRaised'); },
  get colEvidence() { return t('alarms.colEvidence'); },
  get evidence() { return t('alarms.evidence'); },
  get back() { return t('alarms.back'); },
  get facts() { return t('alarms.facts'); },
  get factRule() { return t('alarms.factRule'); },
  get factCondition() { return t('alarms.factCondition'); },
  get factCampAsset() { return t('alarms.factCampAsset'); },
  get factQuantity() { return t('alarms.factQuantity'); },
  get factRaised() { return t('alarms.factRaised'); },
  get factAcknowledged() { return t('alarms.factAcknowledged'); },
  get factCleared() { return t('alarms.factCleared'); },
  get event() { return t('alarms.event'); },
  get openEvidence() { return t('alarms.openEvidence'); },
  get history() { return t('alarms.history'); },
  get colAt() { return t('alarms.colAt'); },
  get colAction() { return t('alarms.colAction'); },
  get colActor() { return t('alarms.colActor'); },
  get colComment() { return t('alarms.colComment'); },
  get system() { return t('alarms.system'); },
  get act() { return t('alarms.act'); },
  get comment() { return t('alarms.comment'); },
  get commentHint() { return t('alarms.commentHint'); },
  get acknowledge() { return t('alarms.acknowledge'); },
  get clear() { return t('alarms.clear'); },
  get addComment() { return t('alarms.addComment'); },
  get done() { return t('alarms.done'); },
  get headerTitle() { return t('alarms.headerTitle'); },
  get severity() {
    return Object.fromEntries(SEVERITIES.map(s => [s, t('alarms.severity.' + s)]));
  },
  get actions() {
    return Object.fromEntries(ACTIONS.map(a => [a, t('alarms.action.' + a)]));
  },
  shown: n => plural('alarms.shown', n),
  atBy: (at, who) => t('alarms.atBy', { at, who }),
  atConditionEnded: at => t('alarms.atConditionEnded', { at }),
  failed: reason => t('alarms.failed', { reason }),
  headerCount: n => plural('alarms.headerCount', n),
  summaryQuantity: (what, amount, where) => t('alarms.summary.quantity', { what, amount, where }),
  summaryDays: (what, days, where) => t('alarms.summary.days', { what, days, where }),
  summaryPlain: (what, where) => t('alarms.summary.plain', { what, where })
};

/** A quantity with its unit, without decimals when it is whole: "180 L", "12.5 L/day". */
function amount(q, unit) {
  return num(q, Number.isInteger(q) ? 0 : 1) + (unit ? ' ' + unitText(unit) : '');
}

/**
 * What the alarm is about in the page's language, from its fields (the stored summary is English): the condition's
 * catalogue label, the quantity or the days of supply, and the asset (else the camp).
 */
function summary(a) {
  const what = conditionLabel(a.condition);
  const where = a.asset || a.camp;
  const days = a.details && typeof a.details.daysOfSupply === 'number' ? a.details.daysOfSupply : null;
  if (typeof a.quantity === 'number') {
    return STRINGS.summaryQuantity(what, amount(a.quantity, a.unit), where);
  }
  return days !== null ? STRINGS.summaryDays(what, amount(days, 'd'), where) : STRINGS.summaryPlain(what, where);
}


/** A severity badge: colour and the word, never colour alone. */
export function badge(severity) {
  return h('span', { class: 'badge sev-' + severity, 'data-severity': severity },
    STRINGS.severity[severity] || severity);
}

export async function render(root, ctx, mount) {
  if (/^\d+$/.test(ctx.args[0] || '')) {
    return one(root, ctx, mount, ctx.args[0]);
  }
  const status = ctx.args[0] === 'status' && ctx.args[1] ? ctx.args[1] : 'open';
  const body = await api.get('/api/v1/alarms', { status, limit: 1000 });
  const items = body.items;
  root.append(viewHead(STRINGS.title,
    select('alarms-status', STRINGS.status, [['open', STRINGS.statusOpen], ['active', STRINGS.statusActive],
      ['acknowledged', STRINGS.statusAcknowledged], ['cleared', STRINGS.statusCleared], ['all', STRINGS.statusAll]],
    status, v => { location.hash = '#/alarms/status/' + encodeURIComponent(v); }),
    h('span', { class: 'hint', 'data-count': String(items.length) }, STRINGS.shown(items.length))),
  panel(null, items.length ? inbox(items) : notice(STRINGS.none)));
  mount();
}

function inbox(items) {
  return table([
    { label: STRINGS.colSeverity, cell: a => badge(a.severity) },
    { label: STRINGS.colStatus, cell: a => h('span', { 'data-status': a.status }, STRINGS['status' + cap(a.status)]) },
    { label: STRINGS.colSummary, cell: a => h('a', { href: '#/alarms/' + a.id, 'data-alarm': String(a.id) }, summary(a)) },
    { label: STRINGS.colCamp, cell: a => a.camp },
    { label: STRINGS.colRaised, cell: a => time(a.raisedAt) },
    { label: STRINGS.colEvidence, cell: a => a.event ? eventLink(a.event, STRINGS.evidence) : '' }
  ], items, { rowAttrs: a => ({ class: 'alarm-' + a.status, 'data-alarm-row': String(a.id) }) });
}

function eventLink(id, text) {
  return h('a', { href: '#/events/' + id, 'data-event-link': String(id) }, text);
}

function cap(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

async function one(root, ctx, mount, id) {
  const a = await api.get('/api/v1/alarms/' + id);
  const done = h('p', { class: 'notice', role: 'status', hidden: true });
  const comment = h('textarea', { id: 'alarm-comment', rows: 3, maxlength: 2000 });
  const act = async (path, ok) => {
    try {
      await api.send('POST', '/api/v1/alarms/' + id + '/' + path, { comment: comment.value.trim() || null });
      done.className = 'notice';
      done.textContent = STRINGS.done;
      done.hidden = false;
      refreshCount();
      ok();
    } catch (e) {
      done.className = 'notice error';
      done.textContent = STRINGS.failed(e.message);
      done.hidden = false;
    }
  };
  const again = () => window.dispatchEvent(new HashChangeEvent('hashchange'));
  root.append(viewHead(summary(a), badge(a.severity), h('a', { href: '#/alarms' }, STRINGS.back)),
    h('div', { class: 'cols' },
      panel(STRINGS.facts, h('dl', { class: 'facts', 'data-alarm-status': a.status },
        h('dt', {}, STRINGS.colStatus), h('dd', {}, STRINGS['status' + cap(a.status)]),
        h('dt', {}, STRINGS.factRule), h('dd', {}, a.rule),
        h('dt', {}, STRINGS.factCondition), h('dd', { 'data-condition': a.condition }, conditionLabel(a.condition)),
        h('dt', {}, STRINGS.factCampAsset), h('dd', {}, a.camp + (a.asset ? ' / ' + a.asset : '')),
        a.quantity !== null && a.quantity !== undefined ? [h('dt', {}, STRINGS.factQuantity),
          h('dd', { 'data-value': String(a.quantity) }, amount(a.quantity, a.unit))] : null,
        h('dt', {}, STRINGS.factRaised), h('dd', {}, time(a.raisedAt)),
        a.acknowledgedAt ? [h('dt', {}, STRINGS.factAcknowledged),
          h('dd', {}, STRINGS.atBy(time(a.acknowledgedAt), a.acknowledgedBy))] : null,
        a.clearedAt ? [h('dt', {}, STRINGS.factCleared), h('dd', {}, a.clearedBy
          ? STRINGS.atBy(time(a.clearedAt), a.clearedBy) : STRINGS.atConditionEnded(time(a.clearedAt)))] : null,
        a.event ? [h('dt', {}, STRINGS.event), h('dd', {}, eventLink(a.event, STRINGS.openEvidence))] : null)),
      panel(STRINGS.act,
        h('label', { for: 'alarm-comment' }, STRINGS.comment), comment,
        h('p', { class: 'hint' }, STRINGS.commentHint),
        h('div', { class: 'actions' },
          a.status === 'active' ? h('button', { type: 'button', id: 'alarm-acknowledge',
            onclick: () => act('acknowledge', again) }, STRINGS.acknowledge) : null,
          a.status !== 'cleared' ? h('button', { type: 'button', id: 'alarm-clear',
            onclick: () => act('clear', again) }, STRINGS.clear) : null,
          h('button', { type: 'button', id: 'alarm-add-comment', onclick: () => act('comments', again) },
            STRINGS.addComment)),
        done)),
    panel(STRINGS.history, table([
      { label: STRINGS.colAt, cell: e => time(e.at) },
      { label: STRINGS.colAction, cell: e => STRINGS.actions[e.action] || e.action },
      { label: STRINGS.colActor, cell: e => e.actor || STRINGS.system },
      { label: STRINGS.colComment, cell: e => e.comment || '' }
    ], a.history, { attrs: { 'data-history': String(a.history.length) },
      rowAttrs: e => ({ 'data-action': e.action }) })));
  mount();
}

/** Updates the header's count of active alarms (hidden when the caller sees none or cannot read them). */
export async function refreshCount() {
  const link = document.getElementById('alarm-count');
  if (!link) {
    return;
  }
  try {
    const body = await api.get('/api/v1/alarms', { status: 'active', limit: 1 });
    const n = body.counts.active;
    link.textContent = STRINGS.headerCount(n);
    link.title = STRINGS.headerTitle;
    link.dataset.active = String(n);
    link.classList.toggle('has-active', n > 0);
    link.hidden = false;
  } catch (e) {
    link.hidden = true;
  }
}
