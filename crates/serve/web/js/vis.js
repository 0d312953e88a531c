// Loads the vendored vis-timeline/Graph2d bundle on first use.
import { loadScript, loadStyle } from './dom.js';

export async function loadVis() {
  loadStyle('vendor/vis-timeline-graph2d.min.css');
  await loadScript('vendor/vis-timeline-graph2d.min.js');
  if (!window.vis || !window.vis.Timeline) throw new Error('the timeline library did not load');
  return window.vis;
}

export async function loadCytoscape() {
  await loadScript('vendor/cytoscape.min.js');
  if (typeof window.cytoscape !== 'function') throw new Error('the graph library did not load');
  return window.cytoscape;
}

/** 'YYYY-MM' → Date at the middle of that month (UTC). */
export function monthMiddle(period) {
  const m = /^(\d{4})-(\d{2})/.exec(period || '');
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 15));
}

export function addMonths(date, n) {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + n, date.getUTCDate()));
}
