import { api } from '../api.js';
import { h } from '../dom.js';
import { page, empty, itemsOf, docHref, docTitle, badge } from '../ui.js';

const KIND_LABEL = {
  value: 'figures disagree',
  status: 'accession status',
  reference: 'not in the reference data',
  membership: 'membership',
};

function side(s, i) {
  if (!s.doc) {
    return h(
      'div',
      { class: 'side side-reference', testid: 'conflict-side', dataset: { reference: 'true' } },
      h('div', { class: 'side-label' }, 'reference data'),
      h('blockquote', { class: 'quote' }, s.quote || s.claim || 'the reference data'),
      s.quote && s.claim ? h('p', { class: 'claim small' }, s.claim) : null,
      h('p', { class: 'small muted' }, 'dyad’s built-in lexicon of members, offices and dates'),
    );
  }
  const start = Array.isArray(s.span) ? s.span[0] : null;
  return h(
    'div',
    { class: 'side', testid: 'conflict-side', dataset: { doc: s.doc } },
    h('div', { class: 'side-label' }, 'source ' + (i + 1)),
    h('blockquote', { class: 'quote' }, '“', s.quote || '…', '”'),
    s.claim ? h('p', { class: 'claim small' }, s.claim) : null,
    h(
      'p',
      { class: 'small' },
      h('span', { class: 'outlet' }, s.outlet || 'unknown outlet'),
      ' · ',
      h('span', { class: 'muted' }, docTitle({ title: s.title, id: s.doc })),
    ),
    h('a', { href: docHref(s.doc, start), class: 'doc-link', testid: 'conflict-doc-link' }, 'Open in the document →'),
  );
}

export function conflictCard(c, compact) {
  const sides = c.sides || [];
  return h(
    'article',
    { class: 'card conflict' + (compact ? ' compact' : ''), testid: 'conflict', dataset: { kind: c.kind, id: c.id } },
    h('header', null, badge(c.kind || 'conflict', 'kind'), h('span', { class: 'muted small' }, ' ' + (KIND_LABEL[c.kind] || ''))),
    h('p', { class: 'explanation' }, c.explanation || ''),
    h('div', { class: 'sides', dataset: { count: sides.length } }, sides.map(side)),
  );
}

export async function render() {
  const list = await api(['conflicts'], { limit: 1000 });
  const items = itemsOf(list);
  const kinds = {};
  for (const c of items) kinds[c.kind] = (kinds[c.kind] || 0) + 1;
  return page(
    'conflicts',
    'Conflicts between sources',
    h(
      'p',
      { class: 'lead' },
      items.length
        ? items.length + ' conflict' + (items.length === 1 ? '' : 's') + ': ' + Object.entries(kinds).map(([k, n]) => n + ' ' + k).join(', ') + '. Each side is quoted; open it to read it in context.'
        : '',
    ),
    items.length ? h('div', { class: 'cards' }, items.map((c) => conflictCard(c, false))) : empty('The sources do not contradict each other.'),
  );
}
