import { api, getDocument } from '../api.js';
import { h, hash, clear, externalLink } from '../dom.js';
import { page, table, docTitle, fmtDate, pager, empty, actorLink, actorList, goldstein, modality, eventDate, fileName } from '../ui.js';
import { buildTree, renderTree, LAYERS } from '../highlight.js';

const PAGE = 50;

export function documentTable(items, testid) {
  return table(
    [
      {
        label: 'Title',
        cell: (d) => [
          h('a', { href: hash(['documents', d.id || d.doc]), class: 'doc-title', testid: 'doc-link' }, docTitle(d)),
          d.title && d.source ? h('div', { class: 'small muted' }, fileName(d.source)) : null,
        ],
      },
      { label: 'Outlet', cell: (d) => d.outlet || h('span', { class: 'muted', text: 'unknown' }) },
      {
        label: 'Published',
        cell: (d) => h('span', { title: d.published_basis ? 'from the ' + d.published_basis : '' }, fmtDate(d.published)),
        class: 'nowrap',
      },
      { label: 'Mentions', cell: (d) => String(d.mentions ?? '—'), class: 'num' },
    ],
    items,
    { testid: testid || 'document-table', rowAttrs: (d) => ({ testid: 'document-row', dataset: { doc: d.id || d.doc } }) },
  );
}

export async function renderList(ctx) {
  const offset = Math.max(0, parseInt(ctx.query.offset, 10) || 0);
  const list = await api(['documents'], { limit: PAGE, offset });
  return page(
    'documents',
    'Documents',
    h('p', { class: 'lead' }, list.total + ' document' + (list.total === 1 ? '' : 's') + ', by publication date (unknown dates last).'),
    list.items.length ? documentTable(list.items) : empty('No documents are stored yet.'),
    pager(list.total, PAGE, offset, (o) => ctx.setQuery({ offset: o || null })),
  );
}

// ---------- one document ----------

const LAYER_LABEL = { mention: 'Mentions', event: 'Event triggers', time: 'Times', quantity: 'Quantities', claim: 'Claims' };

function describe(span) {
  const it = span.item;
  switch (span.layer) {
    case 'mention':
      if (!it.entity) return 'unresolved name (not in the lexicon)' + (it.how ? ', ' + it.how : '');
      return (it.name ? it.name + ' — ' : '') + it.entity + ' (' + (it.kind || 'unknown') + (it.how ? ', ' + it.how : '') + ')';
    case 'time': {
      const range = it.from || it.to ? ' [' + (it.from || '…') + ' – ' + (it.to || '…') + ']' : '';
      return 'time: ' + (it.value ?? '?') + range + (it.granularity ? ', ' + it.granularity : '') + (it.kind ? ', ' + it.kind : '');
    }
    case 'quantity': {
      let v = it.value !== null && it.value !== undefined ? String(it.value) : '';
      if (it.low !== null && it.low !== undefined && it.high !== null && it.high !== undefined) v = it.low + '–' + it.high;
      else if (it.low !== null && it.low !== undefined) v = '≥ ' + it.low;
      else if (it.high !== null && it.high !== undefined) v = '≤ ' + it.high;
      const unit = it.unit ? ' ' + it.unit : '';
      const scale = it.scale ? ' ×' + it.scale : '';
      return 'quantity: ' + (it.approx ? '≈ ' : '') + v + unit + scale + (it.measure ? ' · ' + it.measure : '');
    }
    case 'event': {
      const src = (it.source_names && it.source_names.length ? it.source_names : it.source || []).join(', ') || '?';
      const tgt = (it.target_names && it.target_names.length ? it.target_names : it.target || []).join(', ') || '?';
      return (
        'event: CAMEO ' + it.cameo + (it.plover ? ' · ' + it.plover : '') + ' · ' + src + ' → ' + tgt +
        (it.goldstein !== undefined && it.goldstein !== null ? ' · Goldstein ' + it.goldstein : '') +
        (it.modality && it.modality !== 'asserted' ? ' · ' + it.modality : '') +
        (it.date ? ' · ' + it.date.value : '')
      );
    }
    case 'claim':
      return (
        'claim: ' + (it.predicate || '?') + '(' + (it.subject || '?') + (it.object ? ', ' + it.object : '') + ')' +
        (it.from || it.to ? ' [' + (it.from || '…') + ' – ' + (it.to || '…') + ']' : '') +
        (it.modality && it.modality !== 'asserted' ? ' · ' + it.modality : '')
      );
    default:
      return span.layer;
  }
}

function kindClass(span) {
  const it = span.item;
  if (span.layer === 'mention') return it.entity ? 'k-' + String(it.kind || 'unknown').replace(/[^a-z0-9_-]/gi, '') : 'k-unresolved';
  if (span.layer === 'event') return 'q-' + (Number.isInteger(it.quad) ? it.quad : 0);
  return '';
}

function details(span) {
  const it = span.item;
  const rows = [];
  const row = (k, v) => rows.push(h('dt', null, k), h('dd', null, v));
  if (span.layer === 'mention') {
    row('Entity', it.entity ? actorLink(it.entity, it.name || it.entity) : 'unresolved (not in the lexicon)');
    row('Kind', it.kind || '—');
    if (it.how) row('Found by', it.how);
  } else if (span.layer === 'event') {
    row('CAMEO', h('code', null, it.cameo || '—'));
    if (it.plover) row('PLOVER', it.plover);
    row('Source', actorList(it.source, it.source_names));
    row('Target', actorList(it.target, it.target_names));
    row('Goldstein', goldstein(it.goldstein));
    row('Date', eventDate(it));
    if (it.modality) row('Modality', it.modality);
    if (it.attributed_to) row('Attributed to', actorLink(it.attributed_to));
    if ((it.source || []).length && (it.target || []).length) {
      row('Dyad', h('a', { href: hash(['dyads', it.source[0], it.target[0]]) }, (it.source_names || it.source)[0] + ' ↔ ' + (it.target_names || it.target)[0]));
    }
  } else if (span.layer === 'time') {
    row('Value', String(it.value ?? '—'));
    row('From', it.from || '—');
    row('To', it.to || '—');
    if (it.granularity) row('Granularity', it.granularity);
  } else if (span.layer === 'quantity') {
    row('Value', describe(span).replace(/^quantity: /, ''));
    if (it.measure) row('Measure', it.measure);
    if (it.subjects && it.subjects.length) row('About', actorList(it.subjects));
  } else if (span.layer === 'claim') {
    row('Subject', it.subject ? actorLink(it.subject, it.subject_name) : '—');
    row('Predicate', it.predicate || '—');
    row('Object', it.object ? actorLink(it.object, it.object_name) : '—');
    if (it.basis) row('Read from', it.basis === 'list' ? 'a list of members' : it.basis === 'event' ? 'a coded event' : it.basis);
    if (it.from || it.to) row('Valid', (it.from || '…') + ' – ' + (it.to || '…'));
    if (it.modality) row('Modality', it.modality);
  }
  return h(
    'div',
    { class: 'detail detail-' + span.layer },
    h('div', { class: 'detail-head' }, h('span', { class: 'swatch hl-' + span.layer }), LAYER_LABEL[span.layer], ': ', h('q', null, span.text || '')),
    h('dl', null, rows),
  );
}

function spansOf(doc) {
  const spans = [];
  const add = (layer, items) => {
    for (const item of items || []) {
      if (!item || !Array.isArray(item.u16)) continue;
      spans.push({ start: item.u16[0], end: item.u16[1], layer, item, at: item.span ? item.span[0] : null });
    }
  };
  add('mention', doc.mentions);
  add('event', doc.events);
  add('time', doc.times);
  add('quantity', doc.quantities);
  add('claim', doc.claims);
  return spans;
}

function flash(container, at) {
  let marks = container.querySelectorAll('mark[data-at="' + CSS.escape(String(at)) + '"]');
  if (!marks.length) {
    // No span starts exactly there: take the first one after it.
    const want = Number(at);
    let best = null;
    for (const m of container.querySelectorAll('mark[data-at]')) {
      const v = Number(m.dataset.at);
      if (v >= want && (best === null || v < Number(best.dataset.at))) best = m;
    }
    if (!best || !Number.isFinite(want)) return null;
    marks = [best];
  }
  for (const m of marks) {
    m.classList.remove('flash');
    // restart the animation
    void m.offsetWidth;
    m.classList.add('flash', 'target');
  }
  marks[0].scrollIntoView({ block: 'center', behavior: 'auto' });
  // nested marks come after their parents: the last one is the innermost
  return marks[marks.length - 1];
}

export async function renderDocument(ctx) {
  const id = ctx.params[0];
  const data = await getDocument(id);
  const d = data.document || {};
  const text = typeof data.text === 'string' ? data.text : '';
  const spans = spansOf(data);
  const byLayer = Object.fromEntries(LAYERS.map((l) => [l, spans.filter((s) => s.layer === l).length]));

  const textEl = h('div', { class: 'doc-text', testid: 'doc-text', lang: 'en' });
  const marks = new WeakMap();
  renderTree(buildTree(spans, text.length), text, textEl, (mark, span) => {
    mark.className = 'hl hl-' + span.layer + (kindClass(span) ? ' ' + kindClass(span) : '') + (span.cont ? ' hl-cont' : '');
    mark.setAttribute('data-testid', 'highlight');
    mark.dataset.layer = span.layer;
    if (span.layer === 'mention' && span.item.entity) mark.dataset.entity = span.item.entity;
    if (!span.cont && span.at !== null && span.at !== undefined) mark.dataset.at = String(span.at);
    mark.title = describe(span);
    marks.set(mark, { ...span, text: text.slice(span.start, span.end) });
  });

  const detailBox = h('div', { class: 'details', testid: 'span-details', 'aria-live': 'polite' }, h('p', { class: 'muted small' }, 'Click a highlighted span to see what was found there.'));
  // The details of a mark and of the marks around it, innermost first.
  const showDetails = (mark) => {
    const found = [];
    for (let el = mark; el && textEl.contains(el); el = el.parentElement) {
      if (el.matches('mark.hl') && marks.has(el)) found.push(marks.get(el));
    }
    clear(detailBox).append(...found.map(details));
  };
  textEl.addEventListener('click', (ev) => {
    const el = ev.target instanceof Element ? ev.target.closest('mark.hl') : null;
    if (el) showDetails(el);
  });

  const toggles = h(
    'fieldset',
    { class: 'legend', testid: 'legend' },
    h('legend', null, 'Layers'),
    LAYERS.map((layer) => {
      const input = h('input', {
        type: 'checkbox',
        checked: true,
        testid: 'toggle-' + layer,
        on: { change: (ev) => textEl.classList.toggle('hide-' + layer, !ev.target.checked) },
      });
      return h('label', { class: 'toggle' }, input, h('span', { class: 'swatch hl-' + layer }), LAYER_LABEL[layer], h('span', { class: 'muted small' }, ' ' + byLayer[layer]));
    }),
    h(
      'div',
      { class: 'kinds small' },
      'Mention kinds: ',
      ['state', 'person', 'organization', 'company', 'agreement', 'place'].map((k) => [h('mark', { class: 'hl hl-mention k-' + k + ' key' }, k), ' ']),
    ),
  );

  const meta = h(
    'dl',
    { class: 'meta', testid: 'doc-meta' },
    h('dt', null, 'Outlet'),
    h('dd', { testid: 'doc-outlet' }, d.outlet || 'unknown'),
    h('dt', null, 'Published'),
    h('dd', { testid: 'doc-date' }, fmtDate(d.published), d.published_basis ? h('span', { class: 'muted small' }, ' (from the ' + d.published_basis + ')') : null),
    d.author ? [h('dt', null, 'Author'), h('dd', null, d.author)] : null,
    d.dateline ? [h('dt', null, 'Dateline'), h('dd', null, d.dateline)] : null,
    d.url ? [h('dt', null, 'Address'), h('dd', null, externalLink(d.url))] : null,
    d.source ? [h('dt', null, 'Source'), h('dd', { class: 'small' }, d.source)] : null,
    h('dt', null, 'Id'),
    h('dd', null, h('code', null, d.id || id)),
  );

  // Actors found in this document, most mentioned first.
  const counts = new Map();
  for (const m of data.mentions || []) {
    if (!m.entity) continue;
    const c = counts.get(m.entity) || { id: m.entity, name: m.name || m.entity, kind: m.kind, n: 0 };
    c.n += 1;
    counts.set(m.entity, c);
  }
  const actors = [...counts.values()].sort((a, b) => b.n - a.n || a.id.localeCompare(b.id));

  const node = page(
    'document',
    docTitle({ ...d, id }),
    meta,
    h(
      'div',
      { class: 'doc-layout' },
      h('article', { class: 'doc-body' }, text ? textEl : empty('This document has no text.')),
      h(
        'aside',
        { class: 'doc-side' },
        h('div', { class: 'sticky' }, toggles, detailBox,
          actors.length
            ? h('div', { class: 'doc-actors' }, h('h2', null, 'Actors'), h('ul', { class: 'chips' }, actors.slice(0, 40).map((a) => h('li', null, actorLink(a.id, a.name), h('span', { class: 'muted small' }, ' ' + a.n)))))
            : null,
        ),
      ),
    ),
  );
  return {
    node,
    mount: () => {
      if (ctx.query.at !== undefined) {
        const m = flash(textEl, ctx.query.at);
        if (m) {
          showDetails(m);
        } else {
          textEl.before(h('p', { class: 'state empty', testid: 'at-missing' }, 'No span starts at byte ' + ctx.query.at + ' in this document.'));
        }
      } else {
        window.scrollTo(0, 0);
      }
    },
  };
}
