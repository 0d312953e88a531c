import { api } from '../api.js';
import { h, hash } from '../dom.js';
import { page, table, empty, eventTable, fmtNum, actorLink } from '../ui.js';
import { loadVis, monthMiddle, addMonths } from '../vis.js';

export async function render(ctx) {
  const [a, b] = ctx.params;
  const d = await api(['dyads', a, b]);
  const events = d.events || [];
  const series = (d.series || []).filter((s) => monthMiddle(s.period));
  const undated = events.filter((e) => !e.date).length;
  const an = d.a_name || a;
  const bn = d.b_name || b;
  let coop = 0;
  let confl = 0;
  for (const e of events) {
    if (e.goldstein > 0) coop++;
    else if (e.goldstein < 0) confl++;
  }

  const chart = h('div', { class: 'chart', testid: 'dyad-chart' });
  const node = page(
    'dyad',
    an + ' ↔ ' + bn,
    h(
      'p',
      { class: 'lead' },
      actorLink(d.a || a, an), ' and ', actorLink(d.b || b, bn), ': ',
      events.length + ' event' + (events.length === 1 ? '' : 's') + ' in either direction (' + coop + ' cooperative, ' + confl + ' conflictual)',
      undated ? '; ' + undated + ' without a date are left out of the chart' : '',
      '. ',
      h('a', { href: hash(['dyads', b, a]) }, 'Swap'),
    ),
    h(
      'section',
      { class: 'panel' },
      h('h2', null, 'Cooperation by month (Goldstein)'),
      series.length
        ? [
            chart,
            h('p', { class: 'small muted' }, 'Per month: the Goldstein scores of cooperative events added up (green, above zero), of conflictual events (red, below zero), and the net score (line).'),
            table(
              [
                { label: 'Month', cell: (s) => s.period, class: 'nowrap' },
                { label: 'Events', cell: (s) => String(s.events ?? 0), class: 'num' },
                { label: 'Net Goldstein', cell: (s) => fmtNum(Number(s.goldstein) || 0, 1), class: 'num' },
                { label: 'Cooperative', cell: (s) => fmtNum(Number(s.cooperation) || 0, 1), class: 'num' },
                { label: 'Conflictual', cell: (s) => fmtNum(Number(s.conflict) || 0, 1), class: 'num' },
              ],
              series,
              { testid: 'series-table' },
            ),
          ]
        : empty('No dated events between them, so there is nothing to chart.'),
    ),
    h('section', { class: 'panel' }, h('h2', null, 'Events'), eventTable(events, 'dyad-events')),
  );

  return {
    node,
    mount: async () => {
      if (!series.length) return;
      const vis = await loadVis();
      if (!ctx.isCurrent()) return;
      const items = [];
      series.forEach((s, i) => {
        const x = monthMiddle(s.period);
        const coop = Math.abs(Number(s.cooperation) || 0);
        const confl = Math.abs(Number(s.conflict) || 0);
        if (coop) items.push({ id: 'c' + i, x, y: coop, group: 'coop' });
        if (confl) items.push({ id: 'k' + i, x, y: -confl, group: 'confl' });
        items.push({ id: 'n' + i, x, y: Number(s.goldstein) || 0, group: 'net' });
      });
      const groups = new vis.DataSet([
        { id: 'coop', content: 'cooperative', className: 'g-coop', options: { style: 'bar' } },
        { id: 'confl', content: 'conflictual', className: 'g-confl', options: { style: 'bar' } },
        { id: 'net', content: 'net', className: 'g-net', options: { style: 'line', drawPoints: { style: 'circle', size: 6 }, shaded: false } },
      ]);
      const xs = items.map((i) => i.x.getTime());
      const ys = items.map((i) => i.y);
      const pad = Math.max(1, (Math.max(...ys, 0) - Math.min(...ys, 0)) * 0.1);
      const range = { min: Math.min(0, ...ys) - (Math.min(...ys) < 0 ? pad : 0), max: Math.max(0, ...ys) + pad };
      const start = addMonths(new Date(Math.min(...xs)), -2);
      const end = addMonths(new Date(Math.max(...xs)), 2);
      // A fixed grid step for the span shown: left to itself, the axis can pick a step far too
      // fine for a pair whose events span decades and give up drawing its grid.
      const months = Math.max(1, (end.getTime() - start.getTime()) / (30.44 * 86400000));
      const timeAxis = months > 120
        ? { scale: 'year', step: Math.max(1, Math.ceil(months / 12 / 24)) }
        : { scale: 'month', step: Math.max(1, Math.ceil(months / 24)) };
      const graph = new vis.Graph2d(chart, new vis.DataSet(items), groups, {
        style: 'bar',
        stack: false,
        barChart: { width: 28, align: 'center', sideBySide: false },
        legend: { enabled: true, left: { position: 'top-left' } },
        dataAxis: { left: { title: { text: 'Goldstein' }, range } },
        height: '280px',
        start,
        end,
        timeAxis,
        zoomable: true,
        moveable: true,
      });
      ctx.onCleanup(() => graph.destroy());
    },
  };
}
