import { api } from '../api.js';
import { h } from '../dom.js';
import { page, empty, errorBox, itemsOf } from '../ui.js';
import { documentTable } from './documents.js';
import { conflictCard } from './conflicts.js';

const STATS = [
  ['documents', 'Documents', '#/documents'],
  ['outlets', 'Outlets', '#/sources'],
  ['actors', 'Actors', '#/actors'],
  ['events', 'Events', '#/timeline'],
  ['claims', 'Claims', null],
  ['quantities', 'Quantities', null],
  ['conflicts', 'Conflicts', '#/conflicts'],
];

async function settle(promise) {
  try {
    return { ok: await promise };
  } catch (err) {
    return { err };
  }
}

export async function render() {
  const [stats, docs, conflicts] = await Promise.all([
    settle(api(['stats'])),
    settle(api(['documents'], { limit: 10 })),
    settle(api(['conflicts'], { limit: 5 })),
  ]);

  const statBlock = stats.err
    ? errorBox(stats.err)
    : h(
        'div',
        { class: 'stats', testid: 'stats' },
        STATS.map(([key, label, href]) => {
          const value = h('span', { class: 'stat-value', testid: 'stat-' + key }, String(stats.ok[key] ?? '—'));
          const inner = [value, h('span', { class: 'stat-label' }, label)];
          return href ? h('a', { class: 'stat', href }, inner) : h('div', { class: 'stat' }, inner);
        }),
      );

  let docBlock;
  if (docs.err) docBlock = errorBox(docs.err);
  else if (!docs.ok.items.length) docBlock = empty('No documents yet: run `dyad analyze` on some articles.');
  else
    docBlock = [
      documentTable(docs.ok.items),
      docs.ok.total > docs.ok.items.length ? h('p', null, h('a', { href: '#/documents' }, 'All ' + docs.ok.total + ' documents →')) : null,
    ];

  let conflictBlock;
  if (conflicts.err) conflictBlock = errorBox(conflicts.err);
  else {
    const items = itemsOf(conflicts.ok).slice(0, 5);
    conflictBlock = items.length
      ? [h('div', { class: 'cards' }, items.map((c) => conflictCard(c, true))), h('p', null, h('a', { href: '#/conflicts' }, 'All conflicts →'))]
      : empty('The sources do not contradict each other.');
  }

  return page(
    'overview',
    'Overview',
    h('p', { class: 'lead' }, 'Actors, events, claims and conflicts extracted from the stored news articles.'),
    statBlock,
    h(
      'nav',
      { class: 'quicklinks', testid: 'quicklinks' },
      [
        ['Agreements and blocs', '#/organisations'],
        ['Events timeline', '#/timeline'],
        ['Actor network', '#/network'],
        ['Source profiles', '#/sources'],
      ].map(([label, href]) => h('a', { href, class: 'button-link' }, label)),
    ),
    h('div', { class: 'two-col' },
      h('section', { class: 'panel', testid: 'overview-documents' }, h('h2', null, 'Documents'), docBlock),
      h('section', { class: 'panel', testid: 'overview-conflicts' }, h('h2', null, 'Latest conflicts'), conflictBlock),
    ),
  );
}
