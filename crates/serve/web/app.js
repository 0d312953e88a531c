// dyad web UI: hash routing over the read-only JSON API.
import { h, clear, hash } from './js/dom.js';
import { loading, errorBox, page, empty } from './js/ui.js';
import * as overview from './js/pages/overview.js';
import * as documents from './js/pages/documents.js';
import * as actors from './js/pages/actors.js';
import * as organisations from './js/pages/organisations.js';
import * as dyad from './js/pages/dyad.js';
import * as conflicts from './js/pages/conflicts.js';
import * as network from './js/pages/network.js';
import * as timeline from './js/pages/timeline.js';
import * as sources from './js/pages/sources.js';
import * as search from './js/pages/search.js';

// [pattern, render, nav section]
const ROUTES = [
  [/^$/, overview.render, 'overview'],
  [/^documents$/, documents.renderList, 'documents'],
  [/^documents\/([^/]+)$/, documents.renderDocument, 'documents'],
  [/^actors$/, actors.renderList, 'actors'],
  [/^actors\/([^/]+)$/, actors.renderActor, 'actors'],
  [/^organisations$/, organisations.renderList, 'organisations'],
  [/^organisations\/([^/]+)$/, organisations.renderOrganisation, 'organisations'],
  [/^dyads\/([^/]+)\/([^/]+)$/, dyad.render, 'network'],
  [/^conflicts$/, conflicts.render, 'conflicts'],
  [/^network$/, network.render, 'network'],
  [/^timeline$/, timeline.render, 'timeline'],
  [/^sources$/, sources.render, 'sources'],
  [/^search$/, search.render, 'search'],
];

const main = document.getElementById('app');
let seq = 0;
let cleanups = [];

function parseHash() {
  let raw = location.hash.replace(/^#\/?/, '');
  let qs = '';
  const qi = raw.indexOf('?');
  if (qi >= 0) {
    qs = raw.slice(qi + 1);
    raw = raw.slice(0, qi);
  }
  raw = raw.replace(/\/+$/, '');
  const query = {};
  for (const pair of qs.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const k = eq >= 0 ? pair.slice(0, eq) : pair;
    const v = eq >= 0 ? pair.slice(eq + 1) : '';
    try {
      query[decodeURIComponent(k.replace(/\+/g, ' '))] = decodeURIComponent(v.replace(/\+/g, ' '));
    } catch {
      // a malformed escape: ignore that pair
    }
  }
  return { path: raw, query };
}

function setActiveNav(section) {
  for (const a of document.querySelectorAll('#nav a[data-section]')) {
    if (a.dataset.section === section) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

function runCleanups() {
  const list = cleanups;
  cleanups = [];
  for (const fn of list) {
    try {
      fn();
    } catch (e) {
      // a widget that fails to tear down must not stop the next page
      console.warn('cleanup failed', e);
    }
  }
}

async function route() {
  const token = ++seq;
  runCleanups();
  const { path, query } = parseHash();
  let match = null;
  let entry = null;
  for (const r of ROUTES) {
    match = r[0].exec(path);
    if (match) {
      entry = r;
      break;
    }
  }
  const searchInput = document.getElementById('search-q');
  if (searchInput && document.activeElement !== searchInput) searchInput.value = entry && entry[2] === 'search' ? query.q || '' : '';
  if (!entry) {
    setActiveNav(null);
    clear(main).appendChild(page('notfound', 'Page not found', empty('There is no page at this address.'), h('p', null, h('a', { href: '#/' }, 'Back to the overview'))));
    document.title = 'Not found · dyad';
    return;
  }
  setActiveNav(entry[2]);
  let params;
  try {
    params = match.slice(1).map((p) => decodeURIComponent(p));
  } catch {
    params = match.slice(1);
  }
  const ctx = {
    params,
    query,
    isCurrent: () => token === seq,
    onCleanup: (fn) => {
      if (token === seq) cleanups.push(fn);
      else fn();
    },
    // Navigate to the same route with another query.
    setQuery: (q, replace) => {
      const target = '#/' + path + hash([], q).slice(2);
      if (replace) location.replace(target);
      else location.hash = target;
    },
  };
  clear(main).appendChild(loading());
  main.setAttribute('aria-busy', 'true');
  let result;
  try {
    result = await entry[1](ctx);
  } catch (err) {
    if (token !== seq) return;
    console.info('page failed:', err && err.message);
    result = page('error', 'Something went wrong', errorBox(err));
  }
  if (token !== seq) return;
  main.removeAttribute('aria-busy');
  const node = result && result.node ? result.node : result;
  clear(main).appendChild(node);
  const h1 = node.querySelector('h1');
  document.title = (h1 ? h1.textContent : 'dyad') + ' · dyad';
  if (result && typeof result.mount === 'function') {
    try {
      await result.mount();
    } catch (err) {
      console.info('page widget failed:', err && err.message);
      if (token === seq) node.appendChild(errorBox(err));
    }
  } else if (!query.at) {
    window.scrollTo(0, 0);
  }
}

document.getElementById('search-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const q = document.getElementById('search-q').value.trim();
  if (q) location.hash = hash(['search'], { q });
});

window.addEventListener('hashchange', route);
route();
