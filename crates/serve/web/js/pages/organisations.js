import { api } from '../api.js';
import { h, hash } from '../dom.js';
import { page, table, empty, badge, fmtDate, evidenceItem, actorLink, itemsOf } from '../ui.js';

export async function renderList() {
  const list = await api(['organisations'], { limit: 1000 });
  const items = itemsOf(list);
  const filter = h('input', { type: 'search', placeholder: 'Filter by name, id or kind', testid: 'org-filter', 'aria-label': 'Filter organisations' });
  const claimedOnly = h('input', { type: 'checkbox', testid: 'org-claimed-only' });
  const apply = () => {
    const q = filter.value.trim().toLowerCase();
    for (const tr of node.querySelectorAll('tr[data-org]')) {
      const o = byId.get(tr.dataset.org);
      const hit = !q || [o.id, o.name, o.kind].some((v) => String(v || '').toLowerCase().includes(q));
      tr.hidden = !hit || (claimedOnly.checked && !(o.claimed_members > 0));
    }
  };
  const byId = new Map(items.map((o) => [o.id, o]));
  filter.addEventListener('input', apply);
  claimedOnly.addEventListener('change', apply);
  const node = page(
    'organisations',
    'Agreements and organisations',
    h('p', { class: 'lead' }, 'Organisations, blocs and agreements with known members, from the reference data and from what the documents claim.'),
    items.length ? h('form', { class: 'filters', on: { submit: (ev) => ev.preventDefault() } }, filter, h('label', { class: 'toggle' }, claimedOnly, 'only those the documents name members of')) : null,
    items.length
      ? table(
          [
            { label: 'Name', cell: (o) => h('a', { href: hash(['organisations', o.id]), testid: 'org-link' }, o.name || o.id) },
            { label: 'Id', cell: (o) => h('code', null, o.id) },
            { label: 'Kind', cell: (o) => o.kind || '—' },
            { label: 'Reference members', cell: (o) => String(o.reference_members ?? '—'), class: 'num' },
            { label: 'Claimed in documents', cell: (o) => String(o.claimed_members ?? '—'), class: 'num' },
          ],
          items,
          { testid: 'org-table', rowAttrs: (o) => ({ testid: 'org-row', dataset: { org: o.id } }) },
        )
      : empty('No organisation with known members.'),
  );
  return node;
}

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
}

const STATUS_HELP = {
  member: 'a member as of this date',
  disputed: 'the sources and the reference data disagree',
  claimed: 'only the documents say so',
  announced: 'announced or planned, not yet in force',
};

export async function renderOrganisation(ctx) {
  const id = ctx.params[0];
  const asOf = /^\d{4}-\d{2}-\d{2}$/.test(ctx.query.as_of || '') ? ctx.query.as_of : today();
  const org = await api(['organisations', id], { as_of: asOf });
  const members = org.members || [];
  const counts = {};
  for (const m of members) counts[m.status] = (counts[m.status] || 0) + 1;

  const dateInput = h('input', {
    type: 'date',
    value: asOf,
    testid: 'as-of',
    id: 'as-of',
    on: {
      change: (ev) => {
        if (/^\d{4}-\d{2}-\d{2}$/.test(ev.target.value)) ctx.setQuery({ as_of: ev.target.value });
      },
    },
  });

  return page(
    'organisation',
    org.name || org.id,
    h(
      'form',
      { class: 'filters', on: { submit: (ev) => ev.preventDefault() } },
      h('label', { for: 'as-of' }, 'Members as of '),
      dateInput,
      h('button', { type: 'button', on: { click: () => ctx.setQuery({ as_of: today() }) } }, 'Today'),
      h('span', { class: 'muted' }, badge(org.kind || 'organisation', 'kind'), ' ', h('code', null, org.id), ' · shown as of ', h('strong', { testid: 'shown-as-of' }, org.as_of || asOf), ' · ', actorLink(org.id, 'mentions and events →')),
    ),
    h(
      'p',
      { class: 'status-summary' },
      Object.keys(STATUS_HELP)
        .filter((s) => counts[s])
        .map((s) => h('span', { class: 'summary-item', title: STATUS_HELP[s] }, badge(s), ' ' + counts[s] + ' ')),
    ),
    members.length
      ? table(
          [
            { label: 'Member', cell: (m) => [actorLink(m.id, m.name), h('div', { class: 'small muted' }, m.id)] },
            { label: 'Status', cell: (m) => h('span', { title: STATUS_HELP[m.status] || '' }, badge(m.status || 'unknown')) },
            { label: 'Joined', cell: (m) => fmtDate(m.joined), class: 'nowrap' },
            { label: 'Reference data', cell: (m) => (m.reference_from ? 'since ' + m.reference_from : h('span', { class: 'muted' }, 'not listed')), class: 'nowrap' },
            { label: 'Sources', cell: (m) => String(m.sources ?? 0), class: 'num' },
            {
              label: 'Explanation and evidence',
              cell: (m) => [
                h('div', { class: 'explanation' }, m.explanation || ''),
                m.evidence && m.evidence.length
                  ? h('ul', { class: 'evidence-list' }, m.evidence.slice(0, 6).map(evidenceItem), m.evidence.length > 6 ? h('li', { class: 'muted small' }, '… and ' + (m.evidence.length - 6) + ' more') : null)
                  : null,
              ],
            },
          ],
          members,
          { testid: 'member-table', rowAttrs: (m) => ({ testid: 'member-row', dataset: { member: m.id, status: m.status }, class: 'status-' + m.status }) },
        )
      : empty('No members known as of ' + asOf + '.'),
  );
}
