import { api } from '../api.js';
import { h, hash } from '../dom.js';
import { page, table, empty, pager, actorLink, eventTable, evidenceItem, badge, fmtDate, words, docTitle, docHref } from '../ui.js';

const PAGE = 100;
const KINDS = ['', 'state', 'person', 'organization', 'company', 'agreement', 'place'];

export async function renderList(ctx) {
  const q = ctx.query.q || '';
  const kind = ctx.query.kind || '';
  const offset = Math.max(0, parseInt(ctx.query.offset, 10) || 0);
  const list = await api(['actors'], { q, kind, limit: PAGE, offset });

  let timer = null;
  const input = h('input', {
    type: 'search',
    value: q,
    placeholder: 'Filter by name or id',
    testid: 'actor-filter',
    'aria-label': 'Filter actors by name or id',
    on: {
      input: (ev) => {
        clearTimeout(timer);
        const v = ev.target.value;
        timer = setTimeout(() => ctx.setQuery({ q: v || null, kind: kind || null }, true), 300);
      },
    },
  });
  ctx.onCleanup(() => clearTimeout(timer));
  const select = h(
    'select',
    { testid: 'actor-kind', 'aria-label': 'Kind', on: { change: (ev) => ctx.setQuery({ q: q || null, kind: ev.target.value || null }) } },
    KINDS.map((k) => {
      const o = h('option', { value: k }, k || 'all kinds');
      if (k === kind) o.selected = true;
      return o;
    }),
  );

  const node = page(
    'actors',
    'Actors',
    h('form', { class: 'filters', on: { submit: (ev) => ev.preventDefault() } }, input, select, h('span', { class: 'muted' }, list.total + ' actor' + (list.total === 1 ? '' : 's'))),
    list.items.length
      ? table(
          [
            { label: 'Name', cell: (a) => actorLink(a.id, a.name) },
            { label: 'Id', cell: (a) => h('code', null, a.id) },
            { label: 'Kind', cell: (a) => a.kind || '—' },
            { label: 'Documents', cell: (a) => String(a.documents ?? '—'), class: 'num' },
            { label: 'Mentions', cell: (a) => String(a.mentions ?? '—'), class: 'num' },
          ],
          list.items,
          { testid: 'actor-table', rowAttrs: (a) => ({ testid: 'actor-row', dataset: { actor: a.id } }) },
        )
      : empty(q || kind ? 'No actor matches.' : 'No actors yet.'),
    pager(list.total, PAGE, offset, (o) => ctx.setQuery({ q: q || null, kind: kind || null, offset: o || null })),
  );
  return {
    node,
    mount: () => {
      if (q) {
        input.focus();
        input.setSelectionRange(q.length, q.length);
      }
    },
  };
}

function partners(a) {
  const counts = new Map();
  const add = (ids, names) =>
    (ids || []).forEach((id, i) => {
      if (id === a.id) return;
      const c = counts.get(id) || { id, name: (names && names[i]) || id, n: 0 };
      c.n += 1;
      counts.set(id, c);
    });
  for (const e of a.events_as_source || []) add(e.target, e.target_names);
  for (const e of a.events_as_target || []) add(e.source, e.source_names);
  return [...counts.values()].sort((x, y) => y.n - x.n || x.id.localeCompare(y.id));
}

function section(title, testid, ...body) {
  return h('section', { class: 'panel', testid }, h('h2', null, title), ...body);
}

export async function renderActor(ctx) {
  const id = ctx.params[0];
  const a = await api(['actors', id]);
  const src = a.events_as_source || [];
  const tgt = a.events_as_target || [];
  const top = partners(a).slice(0, 12);

  return page(
    'actor',
    a.name || a.id,
    h(
      'p',
      { class: 'lead' },
      badge(a.kind || 'unknown', 'kind'),
      ' ',
      h('code', null, a.id),
      !['state', 'person', 'place'].includes(a.kind)
        ? [' · ', h('a', { href: hash(['organisations', a.id]), testid: 'org-members-link' }, 'members'), ' ']
        : null,
      ' · mentioned ' + (a.mentions ?? 0) + ' times in ' + (a.documents ?? 0) + ' document' + (a.documents === 1 ? '' : 's') + ' · ' + src.length + ' events as source, ' + tgt.length + ' as target',
    ),
    top.length
      ? section(
          'Top partners',
          'partners',
          h('ul', { class: 'chips' }, top.map((p) => h('li', null, h('a', { href: hash(['dyads', a.id, p.id]), testid: 'dyad-link' }, (a.name || a.id) + ' ↔ ' + p.name), h('span', { class: 'muted small' }, ' ' + p.n)))),
        )
      : null,
    a.offices && a.offices.length
      ? section(
          'Offices',
          'offices',
          table(
            [
              { label: 'Person', cell: (o) => actorLink(o.person, o.person_name) },
              { label: 'Office', cell: (o) => words(o.office) },
              { label: 'State', cell: (o) => (o.state ? actorLink(o.state, o.state_name) : '—') },
              { label: 'From', cell: (o) => fmtDate(o.from), class: 'nowrap' },
              { label: 'To', cell: (o) => o.to || 'present', class: 'nowrap' },
            ],
            a.offices,
            { testid: 'office-table' },
          ),
        )
      : null,
    a.memberships && a.memberships.length
      ? section(
          'Memberships',
          'memberships',
          table(
            [
              { label: 'Organisation', cell: (m) => h('a', { href: hash(['organisations', m.org]) }, m.org_name || m.org) },
              { label: 'From', cell: (m) => fmtDate(m.from), class: 'nowrap' },
              { label: 'To', cell: (m) => m.to || 'present', class: 'nowrap' },
              { label: 'Basis', cell: (m) => badge(m.basis || '—', m.basis === 'reference' ? 'reference' : 'documents') },
              {
                label: 'Evidence',
                cell: (m) => (m.evidence && m.evidence.length ? h('ul', { class: 'evidence-list' }, m.evidence.slice(0, 5).map(evidenceItem), m.evidence.length > 5 ? h('li', { class: 'muted small' }, '… and ' + (m.evidence.length - 5) + ' more') : null) : h('span', { class: 'muted' }, 'reference data only')),
              },
            ],
            a.memberships,
            { testid: 'membership-table' },
          ),
        )
      : null,
    section('Events as source (' + src.length + ')', 'events-source', eventTable(src, 'events-source-table')),
    section('Events as target (' + tgt.length + ')', 'events-target', eventTable(tgt, 'events-target-table')),
    section(
      'Documents mentioning ' + (a.name || a.id),
      'actor-documents',
      a.in_documents && a.in_documents.length
        ? table(
            [
              { label: 'Document', cell: (d) => h('a', { href: docHref(d.id) }, docTitle(d)) },
              { label: 'Mentions', cell: (d) => String(d.mentions ?? '—'), class: 'num' },
            ],
            a.in_documents,
            { testid: 'actor-doc-table' },
          )
        : empty('No document mentions it.'),
    ),
  );
}
