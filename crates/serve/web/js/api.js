// The JSON API (docs/API.md). Every call resolves to parsed JSON or rejects with an
// ApiError that carries the server's message.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function query(params) {
  if (!params) return '';
  const parts = [];
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '') continue;
    parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(String(v)));
  }
  return parts.length ? '?' + parts.join('&') : '';
}

/** `path` is a list of segments, each encoded: api(['actors', id], {as_of}). */
export async function api(path, params) {
  const url = '/api/' + path.map((p) => encodeURIComponent(String(p))).join('/') + query(params);
  let res;
  try {
    res = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch (e) {
    throw new ApiError(0, 'The server could not be reached (' + e.message + ')');
  }
  let body = null;
  const text = await res.text();
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) {
    const message =
      body && body.error && body.error.message
        ? body.error.message
        : 'HTTP ' + res.status + (res.statusText ? ' ' + res.statusText : '');
    throw new ApiError(res.status, message);
  }
  if (body === null) throw new ApiError(res.status, 'The server sent no JSON for ' + url);
  return body;
}

// Documents are large and opened repeatedly (evidence links): keep the last few.
const docCache = new Map();
export async function getDocument(id) {
  if (docCache.has(id)) return docCache.get(id);
  const doc = await api(['documents', id]);
  docCache.set(id, doc);
  if (docCache.size > 8) docCache.delete(docCache.keys().next().value);
  return doc;
}
