// Small DOM helpers. Data only ever reaches the page through text nodes and
// attribute setters: nothing here parses HTML.

const SAFE_SCHEMES = /^https?:\/\//i;

/**
 * Builds an element. `attrs` keys:
 *   class, text, testid (data-testid), dataset (object), on (object of listeners),
 *   href (must be a `#/...` hash, use `externalLink` for web addresses), anything else
 *   via setAttribute. Children: strings (text nodes), nodes, arrays, null/false (skipped).
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') el.className = value;
      else if (key === 'text') el.textContent = String(value);
      else if (key === 'testid') el.setAttribute('data-testid', value);
      else if (key === 'dataset') {
        for (const [k, v] of Object.entries(value)) {
          if (v !== null && v !== undefined) el.dataset[k] = String(v);
        }
      } else if (key === 'on') {
        for (const [event, fn] of Object.entries(value)) el.addEventListener(event, fn);
      } else if (key === 'href') {
        const s = String(value);
        if (!s.startsWith('#')) throw new Error('h(): only hash links may be built with href');
        el.setAttribute('href', s);
      } else if (key === 'value') {
        el.value = value;
      } else if (key === 'checked') {
        el.checked = Boolean(value);
      } else {
        el.setAttribute(key, value === true ? '' : String(value));
      }
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** A link to a web address from the data: only http(s) becomes a link, the rest stays text. */
export function externalLink(url) {
  if (typeof url !== 'string' || url === '') return null;
  if (!SAFE_SCHEMES.test(url.trim())) return h('span', { class: 'url-text', testid: 'url-text' }, url);
  const a = h('a', { rel: 'noopener noreferrer nofollow', target: '_blank', class: 'external' }, url);
  a.setAttribute('href', url.trim());
  return a;
}

/** Builds a `#/a/b/c?k=v` hash with every path part and value encoded. */
export function hash(parts, query) {
  let s = '#/' + parts.map((p) => encodeURIComponent(String(p))).join('/');
  if (query) {
    const q = Object.entries(query)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => encodeURIComponent(k) + '=' + encodeURIComponent(String(v)));
    if (q.length) s += '?' + q.join('&');
  }
  return s;
}

export function link(parts, query, ...children) {
  return h('a', { href: hash(parts, query) }, ...children);
}

/** Loads a vendored script once (same origin, so the page's policy allows it). */
const loaded = new Map();
export function loadScript(path) {
  if (!loaded.has(path)) {
    loaded.set(
      path,
      new Promise((resolve, reject) => {
        const s = document.createElement('script');
        s.src = '/assets/' + path;
        s.async = false;
        s.addEventListener('load', () => resolve());
        s.addEventListener('error', () => {
          loaded.delete(path);
          reject(new Error('could not load ' + path));
        });
        document.head.appendChild(s);
      }),
    );
  }
  return loaded.get(path);
}

export function loadStyle(path) {
  const href = '/assets/' + path;
  if (document.querySelector('link[data-vendor="' + CSS.escape(path) + '"]')) return;
  const l = document.createElement('link');
  l.rel = 'stylesheet';
  l.href = href;
  l.dataset.vendor = path;
  document.head.appendChild(l);
}
