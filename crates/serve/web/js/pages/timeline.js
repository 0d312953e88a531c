import { api } from '../api.js';
import { h } from '../dom.js';
import { page, empty, itemsOf, docHref } from '../ui.js';
import { loadVis, addMonths } from '../vis.js';

export const CAMEO_ROOTS = {
  '01': 'Make public statement',
  '02': 'Appeal',
  '03': 'Express intent to cooperate',
  '04': 'Consult',
  '05': 'Diplomatic cooperation',
  '06': 'Material cooperation',
  '07': 'Provide aid',
  '08': 'Yield',
  '09': 'Investigate',
  '10': 'Demand',
  '11': 'Disapprove',
  '12': 'Reject',
  '13': 'Threaten',
  '14': 'Protest',
  '15': 'Exhibit force posture',
  '16': 'Reduce relations',
  '17': 'Coerce',
  '18': 'Assault',
  '19': 'Fight',
  '20': 'Unconventional mass violence',
};

function label(e) {
  const src = (e.source || []).join('+') || '?';
  const tgt = (e.target || []).join('+') || '?';
  return src + ' → ' + tgt + ' ' + (e.cameo || '');
}

function tooltip(e) {
  const names = (ids, ns) => (ns && ns.length ? ns : ids || []).join(', ') || '?';
  return (
    names(e.source, e.source_names) + ' → ' + names(e.target, e.target_names) +
    '\nCAMEO ' + e.cameo + (e.plover ? ' · ' + e.plover : '') + ' · Goldstein ' + e.goldstein +
    (e.modality && e.modality !== 'asserted' ? ' · ' + e.modality : '') +
    '\n' + (e.date ? e.date.value : '') + ' · ' + (e.outlet || e.title || e.doc) +
    '\n“' + (e.sentence_text || e.quote || '') + '”'
  );
}

export async function render(ctx) {
  const list = await api(['events'], { limit: 1000 });
  const all = itemsOf(list);
  const actor = ctx.query.actor || '';
  const root = ctx.query.root || '';

  const actorNames = new Map();
  const roots = new Set();
  for (const e of all) {
    (e.source || []).forEach((id, i) => actorNames.set(id, (e.source_names && e.source_names[i]) || id));
    (e.target || []).forEach((id, i) => actorNames.set(id, (e.target_names && e.target_names[i]) || id));
    if (e.root) roots.add(e.root);
  }
  const shown = all.filter(
    (e) => (!actor || (e.source || []).includes(actor) || (e.target || []).includes(actor)) && (!root || e.root === root),
  );
  const dated = shown.filter((e) => e.date && (e.date.from || e.date.value));

  const option = (value, text, selected) => {
    const o = h('option', { value }, text);
    if (selected) o.selected = true;
    return o;
  };
  const actorSelect = h(
    'select',
    { testid: 'filter-actor', id: 'filter-actor', on: { change: (ev) => ctx.setQuery({ actor: ev.target.value || null, root: root || null }) } },
    option('', 'all actors', !actor),
    [...actorNames.entries()].sort((a, b) => a[1].localeCompare(b[1])).map(([id, name]) => option(id, name + ' (' + id + ')', id === actor)),
  );
  const rootSelect = h(
    'select',
    { testid: 'filter-root', id: 'filter-root', on: { change: (ev) => ctx.setQuery({ actor: actor || null, root: ev.target.value || null }) } },
    option('', 'all event types', !root),
    [...roots].sort().map((r) => option(r, r + ' ' + (CAMEO_ROOTS[r] || ''), r === root)),
  );
  const box = h('div', { class: 'timeline', testid: 'timeline' });
  const fit = h('button', { type: 'button', testid: 'fit' }, 'Show all dates');

  const node = page(
    'timeline',
    'Events timeline',
    h(
      'form',
      { class: 'filters', on: { submit: (ev) => ev.preventDefault() } },
      h('label', { for: 'filter-actor' }, 'Actor '),
      actorSelect,
      h('label', { for: 'filter-root' }, 'Type '),
      rootSelect,
      fit,
      h(
        'span',
        { class: 'muted' },
        dated.length + ' dated event' + (dated.length === 1 ? '' : 's') + ' shown' +
          (shown.length > dated.length ? ', ' + (shown.length - dated.length) + ' without a date left out' : '') +
          (list.total > all.length ? ' (first ' + all.length + ' of ' + list.total + ' events)' : ''),
      ),
    ),
    h('p', { class: 'small muted' }, 'Each item reads “source → target CAMEO code”. Green: cooperative, red: conflictual. Click an item to read it in its document. Scroll to zoom, drag to move.'),
    dated.length ? box : empty('No dated events match.'),
  );

  return {
    node,
    mount: async () => {
      if (!dated.length) return;
      const vis = await loadVis();
      if (!ctx.isCurrent()) return;
      const items = dated.map((e, i) => ({
        id: i,
        start: e.date.from || e.date.value,
        className: 'ev ' + (e.goldstein > 0 ? 'ev-coop' : e.goldstein < 0 ? 'ev-confl' : 'ev-neutral'),
        event: e,
      }));
      const times = items.map((i) => new Date(i.start).getTime()).filter(Number.isFinite);
      const max = new Date(Math.max(...times));
      const min = new Date(Math.min(...times));
      const windowStart = addMonths(max, -12) > min ? addMonths(max, -12) : addMonths(min, -1);
      const timeline = new vis.Timeline(box, new vis.DataSet(items), {
        template: (item) => {
          const el = document.createElement('span');
          el.className = 'ev-label';
          el.textContent = label(item.event);
          el.title = tooltip(item.event);
          el.setAttribute('data-testid', 'timeline-item');
          return el;
        },
        start: windowStart,
        end: addMonths(max, 2),
        maxHeight: 620,
        verticalScroll: true,
        stack: true,
        selectable: true,
        showTooltips: false,
        margin: { item: { horizontal: 4, vertical: 4 } },
      });
      timeline.on('click', (props) => {
        if (props.item === null || props.item === undefined) return;
        const e = items[props.item] && items[props.item].event;
        if (e) location.hash = docHref(e.doc, e.span && e.span[0]);
      });
      fit.addEventListener('click', () => timeline.fit());
      box.dataset.ready = 'true';
      ctx.onCleanup(() => timeline.destroy());
    },
  };
}
