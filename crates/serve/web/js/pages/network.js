import { api } from '../api.js';
import { h, hash } from '../dom.js';
import { page, empty, table, actorLink, goldstein } from '../ui.js';
import { loadCytoscape } from '../vis.js';

// Goldstein -10..10 → red .. grey .. green.
export function goldsteinColour(g) {
  const t = Math.max(-1, Math.min(1, (Number(g) || 0) / 10));
  const grey = [148, 163, 184];
  const end = t >= 0 ? [22, 163, 74] : [220, 38, 38];
  const k = Math.min(1, Math.abs(t) * 2.5);
  const c = grey.map((v, i) => Math.round(v + (end[i] - v) * k));
  return 'rgb(' + c.join(',') + ')';
}

// The API gives each link's Goldstein sum (OpenAPI: NetworkEdge.goldstein); colour by the mean.
const mean = (e) => (e.events ? (Number(e.goldstein) || 0) / e.events : 0);

const KIND_COLOUR = { state: '#2563eb', person: '#9333ea', organization: '#d97706', company: '#db2777', agreement: '#0d9488', place: '#64748b' };

export async function render(ctx) {
  const min = Math.max(1, parseInt(ctx.query.min_events, 10) || 1);
  const net = await api(['network'], { min_events: min });
  const nodes = net.nodes || [];
  const edges = net.edges || [];
  const graph = h('div', { class: 'graph', testid: 'network-graph' });
  const minInput = h('input', {
    type: 'number',
    min: 1,
    value: String(min),
    testid: 'min-events',
    id: 'min-events',
    on: { change: (ev) => ctx.setQuery({ min_events: Math.max(1, parseInt(ev.target.value, 10) || 1) }) },
  });
  const strongest = edges.slice().sort((x, y) => y.events - x.events).slice(0, 15);
  const names = Object.fromEntries(nodes.map((n) => [n.id, n.name || n.id]));

  const node = page(
    'network',
    'Actor network',
    h(
      'form',
      { class: 'filters', on: { submit: (ev) => ev.preventDefault() } },
      h('label', { for: 'min-events' }, 'Links with at least '),
      minInput,
      h('span', null, ' events'),
      h('span', { class: 'muted' }, ' · ' + nodes.length + ' actors, ' + edges.length + ' links'),
    ),
    h(
      'p',
      { class: 'small muted legend-line' },
      'Node size: number of events. Link colour: mean Goldstein score, ',
      h('span', { class: 'key-coop' }, 'cooperative'),
      ' to ',
      h('span', { class: 'key-confl' }, 'conflictual'),
      '. Colour of a node: its kind (',
      Object.entries(KIND_COLOUR).map(([k, c], i) => {
        const dot = h('span', { class: 'dot' });
        dot.style.background = c;
        return [i ? ', ' : '', dot, ' ' + k];
      }),
      '). Click an actor to open it.',
    ),
    nodes.length ? graph : empty('No actors are linked by coded events.'),
    strongest.length
      ? h(
          'section',
          { class: 'panel' },
          h('h2', null, 'Busiest links'),
          table(
            [
              { label: 'Source', cell: (e) => actorLink(e.source, names[e.source]) },
              { label: 'Target', cell: (e) => actorLink(e.target, names[e.target]) },
              { label: 'Events', cell: (e) => String(e.events), class: 'num' },
              { label: 'Mean Goldstein', cell: (e) => goldstein(mean(e)), class: 'num' },
              { label: 'Sum', cell: (e) => goldstein(Number(e.goldstein) || 0), class: 'num' },
              { label: '', cell: (e) => h('a', { href: hash(['dyads', e.source, e.target]), testid: 'dyad-link' }, 'dyad →') },
            ],
            strongest,
            { testid: 'edge-table' },
          ),
        )
      : null,
  );

  return {
    node,
    mount: async () => {
      if (!nodes.length) return;
      const cytoscape = await loadCytoscape();
      if (!ctx.isCurrent()) return;
      const maxEvents = Math.max(1, ...nodes.map((n) => n.events || 0));
      const ids = new Set(nodes.map((n) => n.id));
      const elements = [
        ...nodes.map((n) => ({
          data: {
            id: 'n:' + n.id,
            actor: n.id,
            label: n.name || n.id,
            size: 16 + 44 * Math.sqrt((n.events || 0) / maxEvents),
            colour: KIND_COLOUR[n.kind] || '#64748b',
          },
        })),
        ...edges
          .filter((e) => ids.has(e.source) && ids.has(e.target))
          .map((e, i) => ({
            data: {
              id: 'e' + i,
              source: 'n:' + e.source,
              target: 'n:' + e.target,
              width: 1 + Math.min(8, Math.log2(1 + (e.events || 1)) * 1.5),
              colour: goldsteinColour(mean(e)),
            },
          })),
      ];
      const cy = cytoscape({
        container: graph,
        elements,
        style: [
          {
            selector: 'node',
            style: {
              width: 'data(size)',
              height: 'data(size)',
              'background-color': 'data(colour)',
              label: 'data(label)',
              'font-size': 11,
              'font-family': 'system-ui, sans-serif',
              color: '#1f2937',
              'text-valign': 'bottom',
              'text-margin-y': 3,
              'text-outline-color': '#ffffff',
              'text-outline-width': 2,
            },
          },
          {
            selector: 'edge',
            style: {
              width: 'data(width)',
              'line-color': 'data(colour)',
              'target-arrow-color': 'data(colour)',
              'target-arrow-shape': 'triangle',
              'curve-style': 'bezier',
              opacity: 0.85,
            },
          },
          { selector: 'node:active, node:selected', style: { 'border-width': 3, 'border-color': '#111827' } },
        ],
        layout: {
          name: 'cose',
          animate: false,
          randomize: false,
          nodeRepulsion: () => 60000,
          idealEdgeLength: () => 140,
          nodeOverlap: 20,
          componentSpacing: 100,
          gravity: 0.3,
          numIter: 2500,
          padding: 30,
        },
      });
      cy.on('tap', 'node', (ev) => {
        location.hash = hash(['actors', ev.target.data('actor')]);
      });
      cy.on('mouseover', 'node', () => graph.classList.add('pointer'));
      cy.on('mouseout', 'node', () => graph.classList.remove('pointer'));
      graph.dataset.ready = 'true';
      ctx.onCleanup(() => cy.destroy());
    },
  };
}
