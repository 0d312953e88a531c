import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, close, visit, go, screenshot, settle, noErrors, apiGet, BASE_URL } from './helpers.js';

before(async () => {
  await launch();
});
after(async () => {
  await close();
});

async function allDocuments() {
  const list = await apiGet('/api/documents?limit=1000');
  return list.items;
}

test('overview shows the corpus counts, documents and conflicts', async () => {
  const { page, errors, context } = await visit('#/', '[data-testid="page-overview"]');
  try {
    assert.equal(await page.locator('h1').first().textContent(), 'Overview');
    const docs = Number(await page.locator('[data-testid="stat-documents"]').textContent());
    assert.ok(docs >= 6, 'expected 6+ documents, the page says ' + docs);
    assert.ok((await page.locator('[data-testid="overview-documents"] [data-testid="document-row"]').count()) >= 6);
    assert.ok((await page.locator('[data-testid="overview-conflicts"] [data-testid="conflict"]').count()) >= 1);
    for (const label of ['Overview', 'Documents', 'Actors', 'Agreements', 'Events timeline', 'Network', 'Conflicts', 'Sources']) {
      assert.equal(await page.locator('#nav a', { hasText: label }).first().isVisible(), true, 'nav link ' + label);
    }
    assert.equal(await page.locator('[data-testid="search-input"]').isVisible(), true);
    await settle(page);
    await screenshot(page, 'overview');
    await noErrors(assert, errors, 'overview', page);
  } finally {
    await context.close();
  }
});

test('Abraham Accords lists Kazakhstan with evidence, Oman and Saudi Arabia disputed', async () => {
  const { page, errors, context } = await visit('#/organisations/ABRAHAM_ACCORDS?as_of=2025-12-31', '[data-testid="page-organisation"]');
  try {
    assert.match(await page.locator('h1').textContent(), /Abraham Accords/);
    assert.equal(await page.locator('[data-testid="as-of"]').inputValue(), '2025-12-31');
    const kaz = page.locator('[data-testid="member-row"][data-member="KAZ"]');
    assert.equal(await kaz.count(), 1, 'a row for Kazakhstan');
    assert.match(await kaz.textContent(), /Kazakhstan/);
    const links = kaz.locator('[data-testid="evidence-link"]');
    assert.ok((await links.count()) >= 1, 'Kazakhstan has evidence links');
    const href = await links.first().getAttribute('href');
    assert.match(href, /^#\/documents\/[^/?]+\?at=\d+$/);
    for (const id of ['OMN', 'SAU']) {
      const row = page.locator('[data-testid="member-row"][data-member="' + id + '"]');
      assert.equal(await row.count(), 1, 'a row for ' + id);
      assert.equal(await row.getAttribute('data-status'), 'disputed', id + ' is disputed');
      assert.match(await row.locator('[data-testid="badge"]').first().textContent(), /disputed/);
    }
    await settle(page);
    await screenshot(page, 'organisation');
    await noErrors(assert, errors, 'organisation page', page);

    // Before Kazakhstan joined (November 2025) it is not listed; the date input drives ?as_of.
    await page.locator('[data-testid="as-of"]').fill('2024-06-30');
    await page.waitForFunction(() => location.hash.includes('as_of=2024-06-30'));
    await page.waitForSelector('[data-testid="shown-as-of"]:has-text("2024-06-30")');
    assert.equal(await page.locator('[data-testid="member-row"][data-member="KAZ"]').count(), 0, 'no Kazakhstan row before it joined');
    assert.ok((await page.locator('[data-testid="member-row"][data-member="ISR"]').count()) === 1, 'Israel is a member in 2024');
    await page.goBack();
    await page.waitForSelector('[data-testid="member-row"][data-member="KAZ"]');

    // The evidence link opens the document at the quoted span.
    await links.first().click();
    await page.waitForSelector('[data-testid="page-document"] mark.hl.target', { timeout: 15000 });
    const at = href.split('?at=')[1];
    assert.ok((await page.locator('mark.hl.target').count()) >= 1);
    assert.equal(await page.locator('mark.hl.target').first().getAttribute('data-at'), at);
    await settle(page);
    await noErrors(assert, errors, 'document opened from evidence', page);
  } finally {
    await context.close();
  }
});

test('organisations list links to the agreements', async () => {
  const { page, errors, context } = await visit('#/organisations', '[data-testid="page-organisations"]');
  try {
    assert.ok((await page.locator('[data-testid="org-row"][data-org="ABRAHAM_ACCORDS"]').count()) === 1);
    await screenshot(page, 'organisations');
    await noErrors(assert, errors, 'organisations', page);
  } finally {
    await context.close();
  }
});

test('conflicts page quotes both sides of a reference conflict about Oman or Saudi Arabia', async () => {
  const { page, errors, context } = await visit('#/conflicts', '[data-testid="page-conflicts"]');
  try {
    const cards = page.locator('[data-testid="conflict"]');
    assert.ok((await cards.count()) >= 1);
    const wanted = page
      .locator('[data-testid="conflict"][data-kind="reference"], [data-testid="conflict"][data-kind="membership"]')
      .filter({ hasText: /Oman|Saudi Arabia|OMN|SAU/ });
    assert.ok((await wanted.count()) >= 1, 'a reference/membership conflict about Oman or Saudi Arabia');
    const card = wanted.first();
    const sides = card.locator('[data-testid="conflict-side"]');
    assert.ok((await sides.count()) >= 2, 'two sides');
    const docSide = card.locator('[data-testid="conflict-side"][data-doc]').filter({ hasText: /Oman|Saudi Arabia/ });
    assert.ok((await docSide.count()) >= 1, 'one side quotes the document');
    assert.equal(await docSide.first().locator('blockquote').isVisible(), true);
    assert.match(await docSide.first().locator('blockquote').textContent(), /Oman|Saudi Arabia/);
    assert.match(await docSide.first().locator('[data-testid="conflict-doc-link"]').getAttribute('href'), /^#\/documents\/[^/?]+\?at=\d+$/);
    const refSide = card.locator('[data-testid="conflict-side"][data-reference="true"]');
    assert.equal(await refSide.count(), 1, 'one side is the reference data');
    assert.equal(await refSide.isVisible(), true);
    assert.match(await refSide.textContent(), /reference data/);
    await settle(page);
    await screenshot(page, 'conflicts');
    await noErrors(assert, errors, 'conflicts', page);
  } finally {
    await context.close();
  }
});

test('a seed document highlights entities, times, quantities and events', async () => {
  const docs = await allDocuments();
  const seed = docs.filter((d) => !/malicious/.test(d.source || '')).sort((a, b) => b.mentions - a.mentions)[0];
  assert.ok(seed, 'a seed document');
  const { page, errors, context } = await visit('#/documents/' + encodeURIComponent(seed.id), '[data-testid="page-document"]');
  try {
    const marks = page.locator('[data-testid="highlight"]');
    assert.ok((await marks.count()) >= 10, '10+ highlights');
    assert.ok((await page.locator('mark.hl-mention[data-entity="KAZ"]').count()) >= 1, 'Kazakhstan is highlighted');
    const kaz = page.locator('mark.hl-mention[data-entity="KAZ"]').first();
    assert.match(await kaz.getAttribute('title'), /KAZ/);
    assert.ok((await page.locator('mark.hl-event').count()) >= 1, 'event triggers');
    assert.ok((await page.locator('mark.hl-time').count()) >= 1, 'times');
    // The text is the document's text, unchanged by the highlighting.
    const api = await apiGet('/api/documents/' + encodeURIComponent(seed.id));
    assert.equal(await page.locator('[data-testid="doc-text"]').evaluate((el) => el.textContent), api.text);
    // Layers can be switched off.
    await page.locator('[data-testid="toggle-mention"]').uncheck();
    assert.equal(await page.locator('[data-testid="doc-text"]').evaluate((el) => el.classList.contains('hide-mention')), true);
    await page.locator('[data-testid="toggle-mention"]').check();
    // Clicking a span shows its details.
    await kaz.click();
    assert.match(await page.locator('[data-testid="span-details"]').textContent(), /Kazakhstan/);
    await settle(page);
    await screenshot(page, 'document');
    await noErrors(assert, errors, 'document', page);
  } finally {
    await context.close();
  }
});

test('documents list and a document opened at a span', async () => {
  const { page, errors, context } = await visit('#/documents', '[data-testid="page-documents"]');
  try {
    assert.ok((await page.locator('[data-testid="document-row"]').count()) >= 6);
    await screenshot(page, 'documents');
    const docs = await allDocuments();
    const doc = await apiGet('/api/documents/' + encodeURIComponent(docs[0].id));
    const last = doc.mentions[doc.mentions.length - 1];
    await go(page, '#/documents/' + encodeURIComponent(docs[0].id) + '?at=' + last.span[0], '[data-testid="page-document"] mark.hl.target');
    assert.equal(await page.locator('mark.hl.target').first().getAttribute('data-at'), String(last.span[0]));
    assert.equal(await page.locator('mark.hl.target').first().isVisible(), true);
    await settle(page);
    await noErrors(assert, errors, 'documents', page);
  } finally {
    await context.close();
  }
});

test('a malicious document renders inert', async () => {
  const docs = await allDocuments();
  const bad = docs.filter((d) => /malicious/.test(d.source || ''));
  assert.ok(bad.length >= 1, 'the malicious fixtures are stored');
  const { page, errors, dialogs, context } = await visit('#/documents', '[data-testid="page-documents"]');
  const check = async (where) => {
    assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', 'window.__pwned set on ' + where);
    const scripts = await page.evaluate(() => [...document.querySelectorAll('script')].map((s) => s.getAttribute('src') || '(inline) ' + s.textContent.slice(0, 60)));
    for (const src of scripts) assert.match(src, /^\/assets\//, 'unexpected script on ' + where + ': ' + src);
    const bad = await page.evaluate(() => ({
      handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).map((el) => el.outerHTML.slice(0, 80)),
      jsLinks: [...document.querySelectorAll('[href], [src]')].filter((el) => /^\s*javascript:/i.test(el.getAttribute('href') || el.getAttribute('src') || '')).map((el) => el.outerHTML.slice(0, 80)),
      frames: document.querySelectorAll('iframe, object, embed, svg script').length,
    }));
    assert.deepEqual(bad, { handlers: [], jsLinks: [], frames: 0 }, 'active content on ' + where);
    assert.deepEqual(dialogs, [], 'a dialog opened on ' + where);
  };
  try {
    assert.match(await page.locator('main').innerText(), /<script>/, 'the literal <script> is shown as text in the list');
    await check('documents list');
    await screenshot(page, 'documents-malicious');
    for (const d of bad) {
      await go(page, '#/documents/' + encodeURIComponent(d.id), '[data-testid="page-document"]');
      await settle(page, 200);
      const text = await page.locator('main').innerText();
      assert.match(text, /<script>window\.__pwned=1<\/script>/, 'the script tag is visible as text in ' + d.source);
      if (/\.txt$/.test(d.source)) {
        assert.match(await page.locator('h1').innerText(), /<script>/, 'the title shows <script> as text');
        assert.match(text, /<img src=x onerror="window\.__pwned=1">/);
        assert.match(text, /javascript:alert\(1\)/);
      }
      await check(d.source);
      await screenshot(page, 'document-' + d.source.split('/').pop().replace(/\W+/g, '-'));
    }
    await go(page, '#/search?q=script', '[data-testid="page-search"]');
    assert.ok((await page.locator('[data-testid="search-documents"] [data-testid="document-row"]').count()) >= 1, 'search finds the malicious documents');
    assert.match(await page.locator('main').innerText(), /<script>/);
    await check('search');
    await screenshot(page, 'search-script');
    await settle(page);
    await noErrors(assert, errors, 'malicious pages', page);
  } finally {
    await context.close();
  }
});

test('actor page for Kazakhstan', async () => {
  const { page, errors, context } = await visit('#/actors/KAZ', '[data-testid="page-actor"]');
  try {
    assert.equal(await page.locator('h1').textContent(), 'Kazakhstan');
    assert.ok((await page.locator('[data-testid="events-source-table"] tbody tr').count()) >= 1, 'events as source');
    assert.ok((await page.locator('[data-testid="actor-doc-table"] tbody tr').count()) >= 5, 'documents mentioning it');
    assert.ok((await page.locator('[data-testid="dyad-link"]').count()) >= 1, 'links to dyads');
    await settle(page);
    await screenshot(page, 'actor');
    await noErrors(assert, errors, 'actor', page);
  } finally {
    await context.close();
  }
});

test('actors list filters by name', async () => {
  const { page, errors, context } = await visit('#/actors', '[data-testid="page-actors"]');
  try {
    assert.ok((await page.locator('[data-testid="actor-row"]').count()) >= 10);
    await screenshot(page, 'actors');
    await page.locator('[data-testid="actor-filter"]').fill('kazak');
    await page.waitForFunction(() => location.hash.includes('q=kazak'));
    await page.waitForSelector('[data-testid="actor-row"][data-actor="KAZ"]');
    assert.ok((await page.locator('[data-testid="actor-row"]').count()) < 10);
    await settle(page);
    await noErrors(assert, errors, 'actors', page);
  } finally {
    await context.close();
  }
});

test('dyad page charts the busiest pair', async () => {
  const net = await apiGet('/api/network');
  assert.ok(net.edges.length >= 1, 'the network has edges');
  // The busiest pair that has dated events (so the chart has bars), else the busiest.
  const edges = net.edges.slice().sort((x, y) => y.events - x.events).slice(0, 8);
  let e = edges[0];
  for (const c of edges) {
    const d = await apiGet('/api/dyads/' + encodeURIComponent(c.source) + '/' + encodeURIComponent(c.target));
    if (d.series.length) {
      e = c;
      break;
    }
  }
  const { page, errors, context } = await visit('#/dyads/' + encodeURIComponent(e.source) + '/' + encodeURIComponent(e.target), '[data-testid="page-dyad"]');
  try {
    if (await page.locator('[data-testid="show-all"]').count()) await page.locator('[data-testid="show-all"]').click();
    assert.ok((await page.locator('[data-testid="dyad-events"] tbody tr').count()) >= e.events);
    const dyad = await apiGet('/api/dyads/' + encodeURIComponent(e.source) + '/' + encodeURIComponent(e.target));
    if (dyad.series.length) {
      await page.waitForSelector('[data-testid="dyad-chart"] svg', { timeout: 15000 });
    }
    await settle(page, 500);
    await screenshot(page, 'dyad');
    await noErrors(assert, errors, 'dyad', page);
  } finally {
    await context.close();
  }
});

test('network graph', async () => {
  const { page, errors, context } = await visit('#/network', '[data-testid="page-network"]');
  try {
    await page.waitForSelector('[data-testid="network-graph"][data-ready="true"] canvas', { timeout: 20000 });
    assert.ok((await page.locator('[data-testid="edge-table"] tbody tr').count()) >= 1);
    await settle(page, 500);
    await screenshot(page, 'network');
    await noErrors(assert, errors, 'network', page);
  } finally {
    await context.close();
  }
});

test('events timeline with filters', async () => {
  const { page, errors, context } = await visit('#/timeline', '[data-testid="page-timeline"]');
  try {
    await page.waitForSelector('[data-testid="timeline"][data-ready="true"] [data-testid="timeline-item"]', { timeout: 20000 });
    const first = await page.locator('[data-testid="timeline-item"]').first().textContent();
    assert.match(first, /^\S+ → \S+ \d{3,4}$/, 'items read "SRC → TGT code": ' + first);
    await settle(page, 300);
    await screenshot(page, 'timeline');
    await page.locator('[data-testid="filter-actor"]').selectOption('KAZ');
    await page.waitForFunction(() => location.hash.includes('actor=KAZ'));
    await page.waitForSelector('[data-testid="timeline"][data-ready="true"] [data-testid="timeline-item"]', { timeout: 20000 });
    for (const t of await page.locator('[data-testid="timeline-item"]').allTextContents()) assert.match(t, /KAZ/);
    // Clicking an item opens its document at the trigger. The timeline shows the last year
    // first, so items dated earlier sit outside the window: click one inside it.
    const frame = await page.locator('[data-testid="timeline"]').boundingBox();
    const items = page.locator('[data-testid="timeline-item"]');
    let inside = null;
    for (let i = 0; i < (await items.count()) && !inside; i++) {
      const b = await items.nth(i).boundingBox();
      if (b && b.x >= frame.x && b.x + b.width <= frame.x + frame.width
          && b.y >= frame.y && b.y + b.height <= frame.y + frame.height) inside = items.nth(i);
    }
    assert.ok(inside, 'an item inside the visible window');
    await inside.click();
    await page.waitForSelector('[data-testid="page-document"] mark.hl.target', { timeout: 15000 });
    assert.match(await page.evaluate(() => location.hash), /^#\/documents\/[^/?]+\?at=\d+$/);
    await settle(page);
    await noErrors(assert, errors, 'timeline', page);
  } finally {
    await context.close();
  }
});

test('sources page', async () => {
  const { page, errors, context } = await visit('#/sources', '[data-testid="page-sources"]');
  try {
    assert.ok((await page.locator('[data-testid="source-doc-table"] tbody tr').count()) >= 6);
    assert.ok((await page.locator('[data-testid="outlet-table"] tbody tr').count()) >= 1);
    await settle(page);
    await screenshot(page, 'sources');
    await noErrors(assert, errors, 'sources', page);
  } finally {
    await context.close();
  }
});

test('search from the nav bar', async () => {
  const { page, errors, context } = await visit('#/', '[data-testid="page-overview"]');
  try {
    await page.locator('[data-testid="search-input"]').fill('Kazakhstan');
    await page.locator('[data-testid="search-input"]').press('Enter');
    await page.waitForSelector('[data-testid="page-search"]');
    assert.ok((await page.locator('[data-testid="search-actors"] a[href="#/actors/KAZ"]').count()) >= 1);
    assert.ok((await page.locator('[data-testid="search-documents"] [data-testid="document-row"]').count()) >= 1);
    await settle(page);
    await screenshot(page, 'search');
    await noErrors(assert, errors, 'search', page);
  } finally {
    await context.close();
  }
});

test('an unknown id shows the API error message', async () => {
  const { page, context } = await visit('#/actors/NO_SUCH_ACTOR_XYZ', '[data-testid="error"]');
  try {
    const text = await page.locator('[data-testid="error"]').textContent();
    assert.match(text, /404/);
    assert.ok(text.length > 12, 'the server message is shown: ' + text);
  } finally {
    await context.close();
  }
  assert.ok(BASE_URL);
});
