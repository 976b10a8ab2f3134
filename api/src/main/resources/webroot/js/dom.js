// Building the page with DOM calls only: data from the API is always set as text, never parsed as HTML,
// and no inline script or style is ever written (the page runs under a strict Content-Security-Policy).

/** An element with attributes (class, data-*, on<event> handlers) and children (nodes or text). */
export function h(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) {
      continue;
    }
    if (k === 'class') {
      e.className = v;
    } else if (k.startsWith('on') && typeof v === 'function') {
      e.addEventListener(k.slice(2), v);
    } else {
      e.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(e, children);
  return e;
}

/** Appends nodes and text to {@code e}, skipping null and false. */
export function append(e, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) {
      continue;
    }
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/** A panel with a heading. */
export function panel(title, ...content) {
  return h('section', { class: 'panel' }, title ? h('h2', {}, title) : null, ...content);
}

/** A grey (or error/warn) line of text. */
export function notice(text, kind) {
  return h('p', { class: 'notice' + (kind ? ' ' + kind : ''), role: kind === 'error' ? 'alert' : null }, text);
}

/**
 * A table: {@code columns} are {label, cell(row) -> node|text, num (right-aligned), attrs(row)}; rows may carry
 * a {@code rowAttrs(row)} option for the tr.
 */
export function table(columns, rows, options) {
  const head = h('tr', {}, columns.map(c => h('th', { class: c.num ? 'num' : null, scope: 'col' }, c.label)));
  const body = rows.map(r => h('tr', options && options.rowAttrs ? options.rowAttrs(r) : {},
    columns.map(c => h('td', Object.assign({ class: c.num ? 'num' : null }, c.attrs ? c.attrs(r) : {}), c.cell(r)))));
  return h('div', { class: 'scroll' }, h('table', options && options.attrs ? options.attrs : {},
    h('thead', {}, head), h('tbody', {}, body)));
}

/** A select whose options are [value, label] pairs; {@code onChange} receives the new value. */
export function select(id, label, options, value, onChange) {
  const s = h('select', { id, onchange: () => onChange(s.value) },
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
  return [h('label', { for: id }, label), s];
}

/** The heading row of a view: title, then controls. */
export function viewHead(title, ...controls) {
  return h('div', { class: 'view-head' }, h('h1', {}, title), ...controls);
}
