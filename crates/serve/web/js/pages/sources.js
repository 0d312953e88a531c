import { api } from '../api.js';
import { h } from '../dom.js';
import { page, table, empty, docHref, docTitle, fmtDate } from '../ui.js';

function bar(row) {
  const total = row.claims || 0;
  if (!total) return h('span', { class: 'muted' }, '—');
  const pct = (n) => ((100 * (n || 0)) / total).toFixed(1) + '%';
  const el = h('div', { class: 'stackbar', title: row.corroborated + ' corroborated, ' + row.contradicted + ' contradicted, ' + row.unique + ' unique' });
  for (const [k, cls] of [['corroborated', 'seg-corr'], ['contradicted', 'seg-contra'], ['unique', 'seg-unique']]) {
    const seg = h('span', { class: 'seg ' + cls });
    seg.style.width = pct(row[k]);
    el.appendChild(seg);
  }
  return el;
}

const COUNTS = [
  { label: 'Claims', cell: (r) => String(r.claims ?? 0), class: 'num' },
  { label: 'Corroborated', cell: (r) => String(r.corroborated ?? 0), class: 'num' },
  { label: 'Contradicted', cell: (r) => String(r.contradicted ?? 0), class: 'num' },
  { label: 'Unique', cell: (r) => String(r.unique ?? 0), class: 'num' },
  { label: 'Profile', cell: bar, class: 'bar-cell' },
];

export async function render() {
  const s = await api(['sources']);
  const docs = s.documents || [];
  const outlets = s.outlets || [];
  return page(
    'sources',
    'Source profiles',
    h(
      'p',
      { class: 'lead' },
      'How each source’s claims relate to the others: ',
      h('span', { class: 'key-box seg-corr' }), ' corroborated by another source, ',
      h('span', { class: 'key-box seg-contra' }), ' contradicted, ',
      h('span', { class: 'key-box seg-unique' }), ' found in no other source.',
    ),
    h(
      'section',
      { class: 'panel' },
      h('h2', null, 'By outlet'),
      outlets.length
        ? table([{ label: 'Outlet', cell: (r) => r.outlet || h('span', { class: 'muted' }, 'unknown outlet') }, { label: 'Documents', cell: (r) => String(r.documents ?? 0), class: 'num' }, ...COUNTS], outlets, { testid: 'outlet-table' })
        : empty('No outlets.'),
    ),
    h(
      'section',
      { class: 'panel' },
      h('h2', null, 'By document'),
      docs.length
        ? table(
            [
              { label: 'Document', cell: (r) => [h('a', { href: docHref(r.doc) }, docTitle({ title: r.title, id: r.doc })), h('div', { class: 'small muted' }, r.outlet || 'unknown outlet')] },
              { label: 'Published', cell: (r) => fmtDate(r.published), class: 'nowrap' },
              ...COUNTS,
            ],
            docs,
            { testid: 'source-doc-table' },
          )
        : empty('No documents.'),
    ),
  );
}
