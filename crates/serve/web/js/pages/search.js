import { api } from '../api.js';
import { h, hash } from '../dom.js';
import { page, table, empty, actorLink } from '../ui.js';
import { documentTable } from './documents.js';

export async function render(ctx) {
  const q = (ctx.query.q || '').trim();
  if (!q) return page('search', 'Search', empty('Type a name, an id or a word in the search box above.'));
  const r = await api(['search'], { q });
  const actors = r.actors || [];
  const orgs = r.organisations || [];
  const docs = r.documents || [];
  const actorCols = [
    { label: 'Name', cell: (a) => actorLink(a.id, a.name) },
    { label: 'Id', cell: (a) => h('code', null, a.id) },
    { label: 'Kind', cell: (a) => a.kind || '—' },
    { label: 'Mentions', cell: (a) => String(a.mentions ?? '—'), class: 'num' },
  ];
  const total = actors.length + orgs.length + docs.length;
  return page(
    'search',
    'Search: ' + q,
    h('p', { class: 'lead', testid: 'search-summary' }, total ? total + ' result' + (total === 1 ? '' : 's') + ' for “' + q + '”' : 'Nothing found for “' + q + '”.'),
    h('section', { class: 'panel', testid: 'search-actors' }, h('h2', null, 'Actors (' + actors.length + ')'), actors.length ? table(actorCols, actors, { testid: 'search-actor-table' }) : empty('No actor matches.')),
    h(
      'section',
      { class: 'panel', testid: 'search-organisations' },
      h('h2', null, 'Agreements and organisations (' + orgs.length + ')'),
      orgs.length
        ? table(
            [
              { label: 'Name', cell: (o) => h('a', { href: hash(['organisations', o.id]) }, o.name || o.id) },
              { label: 'Actor page', cell: (o) => actorLink(o.id, 'mentions and events') },
              { label: 'Id', cell: (o) => h('code', null, o.id) },
              { label: 'Kind', cell: (o) => o.kind || '—' },
            ],
            orgs,
            { testid: 'search-org-table' },
          )
        : empty('No organisation matches.'),
    ),
    h('section', { class: 'panel', testid: 'search-documents' }, h('h2', null, 'Documents (' + docs.length + ')'), docs.length ? documentTable(docs, 'search-document-table') : empty('No document matches.')),
  );
}
