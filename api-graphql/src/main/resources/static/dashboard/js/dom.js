// Elements are built, never parsed from strings: names and messages from the server arrive as text only.

/**
 * h('div', { class: 'card', onclick: fn, dataset: { id: 'x' } }, 'text', child, [more, children])
 * Attributes that are null, undefined or false are left out; children that are null or false are skipped.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name === 'style' && typeof value === 'object') {
      for (const [property, v] of Object.entries(value)) {
        if (property.startsWith('--')) element.style.setProperty(property, v);
        else element.style[property] = v;
      }
    }
    else if (name === 'class') element.className = value;
    else if (name in element && typeof value !== 'string') element[name] = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** An SVG element (the map). */
export function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** A panel that says what is happening: loading, empty (and why), or failed (and why). */
export function note(kind, text, detail) {
  return h('div', { class: `state state-${kind}`, role: kind === 'error' ? 'alert' : 'status', dataset: { state: kind } },
    kind === 'loading' ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null,
    h('div', {}, h('p', { class: 'state-text' }, text), detail ? h('p', { class: 'state-detail' }, detail) : null));
}

export const loading = (text) => note('loading', text);
export const empty = (text, detail) => note('empty', text, detail);
export const failed = (text, detail) => note('error', text, detail);

export function card(title, ...children) {
  return h('section', { class: 'card' }, title ? h('h2', { class: 'card-title' }, title) : null, ...children);
}

export function badge(text, colour, extraClass = '') {
  return h('span', { class: `badge ${extraClass}`, style: { '--badge': colour } }, text);
}

export function table(columns, rows, { onRow, selected, rowKey, empty: emptyText } = {}) {
  const head = h('thead', {}, h('tr', {}, columns.map((c) => h('th', { class: c.numeric ? 'num' : '' }, c.title))));
  const body = h('tbody', {}, rows.map((row) => h('tr', {
    class: [onRow ? 'clickable' : '', selected !== undefined && rowKey && rowKey(row) === selected ? 'selected' : ''].join(' '),
    dataset: rowKey ? { key: rowKey(row) } : {},
    onclick: onRow ? () => onRow(row) : null,
  }, columns.map((c) => h('td', { class: c.numeric ? 'num' : '' }, c.cell(row))))));
  const t = h('table', { class: 'data' }, head, body);
  if (!rows.length && emptyText) return h('div', {}, t, empty(emptyText));
  return t;
}

/** A definition list of label/value pairs. */
export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(Boolean).map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]));
}
