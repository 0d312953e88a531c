// Shared pieces of the pages: headings, tables, links into the data, states.
import { h, hash, link } from './dom.js';

export function page(name, title, ...children) {
  return h('section', { class: 'page page-' + name, testid: 'page-' + name }, h('h1', { text: title }), ...children);
}

export function loading(what) {
  return h('p', { class: 'state loading', testid: 'loading', role: 'status' }, 'Loading ' + (what || '') + '…');
}

export function errorBox(err) {
  const status = err && err.status ? ' (' + err.status + ')' : '';
  return h(
    'div',
    { class: 'state error', testid: 'error', role: 'alert' },
    h('strong', { text: 'Error' + status + ': ' }),
    err && err.message ? err.message : String(err),
  );
}

export function empty(message) {
  return h('p', { class: 'state empty', testid: 'empty' }, message);
}

export function fileName(path) {
  if (!path) return null;
  const parts = String(path).split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** A document's display title: its title, else its file name, else its id. */
export function docTitle(d) {
  return (d && (d.title || fileName(d.source) || d.id || d.doc)) || 'untitled';
}

/** 'foreign_minister' → 'foreign minister' */
export function words(s) {
  return s ? String(s).replace(/_/g, ' ') : '—';
}

export function fmtDate(d) {
  return d || '—';
}

export function fmtNum(n, digits) {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  if (typeof n !== 'number') return String(n);
  if (digits !== undefined) return n.toFixed(digits);
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

export function docHref(doc, start) {
  return hash(['documents', doc], start === undefined || start === null ? null : { at: start });
}

export function docLink(doc, start, label) {
  return h('a', { href: docHref(doc, start), class: 'doc-link' }, label);
}

export function actorLink(id, name) {
  return h('a', { href: hash(['actors', id]), class: 'actor-link', title: id }, name || id);
}

export function actorList(ids, names) {
  const out = [];
  (ids || []).forEach((id, i) => {
    if (i) out.push(', ');
    out.push(actorLink(id, names && names[i]));
  });
  if (!out.length) out.push(h('span', { class: 'muted', text: '—' }));
  return out;
}

/**
 * A table. `columns`: [{label, cell: row => node|string, class}], rows: data.
 * `rowAttrs(row)` may add attributes to each <tr>.
 */
export function table(columns, rows, opts = {}) {
  const thead = h('thead', null, h('tr', null, columns.map((c) => h('th', { class: c.class, scope: 'col' }, c.label))));
  const tbody = h(
    'tbody',
    null,
    rows.map((row) =>
      h(
        'tr',
        opts.rowAttrs ? opts.rowAttrs(row) : null,
        columns.map((c) => h('td', { class: c.class }, c.cell(row))),
      ),
    ),
  );
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data', testid: opts.testid }, thead, tbody));
}

export function badge(text, kind) {
  return h('span', { class: 'badge badge-' + (kind || text), testid: 'badge' }, text);
}

export function modality(m) {
  if (!m || m === 'asserted') return null;
  return h('span', { class: 'modality modality-' + m, title: 'modality' }, m);
}

export function eventDate(e) {
  if (!e.date) return h('span', { class: 'muted', text: 'undated' });
  const d = e.date;
  const title = (d.from || '?') + ' – ' + (d.to || '?') + (d.basis ? ' (' + d.basis + ')' : '');
  return h('span', { title }, d.value || d.from || '?');
}

export function goldstein(g) {
  if (g === null || g === undefined) return '—';
  const cls = g > 0 ? 'coop' : g < 0 ? 'confl' : 'neutral';
  return h('span', { class: 'goldstein ' + cls }, (g > 0 ? '+' : '') + fmtNum(g, 1));
}

const EVENT_COLUMNS = [
  { label: 'Date', cell: (e) => eventDate(e), class: 'nowrap' },
  { label: 'Source', cell: (e) => actorList(e.source, e.source_names) },
  {
    label: 'Event',
    cell: (e) => [h('code', { title: e.plover || '' }, e.cameo), ' ', h('span', { class: 'muted' }, e.plover || ''), ' ', modality(e.modality)],
    class: 'nowrap',
  },
  { label: 'Target', cell: (e) => actorList(e.target, e.target_names) },
  { label: 'Goldstein', cell: (e) => goldstein(e.goldstein), class: 'num' },
  {
    label: 'Evidence',
    cell: (e) => [
      h('a', { href: docHref(e.doc, e.span && e.span[0]), class: 'quote-link', testid: 'evidence-link', title: e.sentence_text || null }, e.quote || 'open'),
      h('div', { class: 'small muted' }, [e.outlet, docTitle({ id: e.doc, title: e.title })].filter(Boolean).join(' · ')),
    ],
  },
];

/** The event table used on actor and dyad pages; long lists show their first rows until asked. */
export function eventTable(events, testid, first = 25) {
  if (!events || !events.length) return empty('No events.');
  const wrap = table(EVENT_COLUMNS, events.slice(0, first), { testid: testid || 'event-table' });
  if (events.length <= first) return wrap;
  const more = h('button', { type: 'button', class: 'more', testid: 'show-all' }, 'Show all ' + events.length + ' events');
  more.addEventListener('click', () => {
    wrap.replaceWith(table(EVENT_COLUMNS, events, { testid: testid || 'event-table' }));
    more.remove();
  });
  return h('div', null, wrap, more);
}

/** An evidence object: the quote linked to its place in the document. */
export function evidenceItem(ev) {
  return h(
    'li',
    { class: 'evidence' },
    h('a', { href: docHref(ev.doc, ev.span && ev.span[0]), testid: 'evidence-link', class: 'quote-link' }, '“' + (ev.quote || '…') + '”'),
    ' ',
    h('span', { class: 'small muted' }, [ev.outlet, ev.title, ev.published].filter(Boolean).join(' · ') || ev.doc),
    ' ',
    modality(ev.modality),
  );
}

export function pager(total, limit, offset, go) {
  if (total <= limit) return null;
  const from = offset + 1;
  const to = Math.min(total, offset + limit);
  return h(
    'nav',
    { class: 'pager', testid: 'pager' },
    h('button', { type: 'button', disabled: offset <= 0, on: { click: () => go(Math.max(0, offset - limit)) } }, '← Previous'),
    h('span', { class: 'muted' }, from + '–' + to + ' of ' + total),
    h('button', { type: 'button', disabled: to >= total, on: { click: () => go(offset + limit) } }, 'Next →'),
  );
}

/** A list answer's items (`{items: [...]}`), or the array itself. */
export function itemsOf(x) {
  if (Array.isArray(x)) return x;
  return (x && Array.isArray(x.items) && x.items) || [];
}

export { h, hash, link };
