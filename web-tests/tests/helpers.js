// Shared set-up for the browser tests: one Chromium for the whole run, a fresh page per
// visit, console errors and uncaught exceptions collected per page.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
export const SCREENSHOTS = resolve(process.env.SCREENSHOT_DIR || join(here, '..', '..', 'target', 'web-screenshots'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

let browser = null;

export async function launch() {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return browser;
}

export async function close() {
  if (browser) await browser.close();
  browser = null;
}

/** GET a JSON endpoint of the server under test. */
export async function apiGet(path) {
  const res = await fetch(BASE_URL + path, { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error('GET ' + path + ': HTTP ' + res.status + ' ' + (await res.text()));
  return res.json();
}

/**
 * Opens `hash` (e.g. '#/actors/KAZ') in a new page and waits for `ready` (a selector).
 * Returns { page, errors, dialogs }; errors are console errors and warnings, and page errors.
 */
export async function visit(hash, ready) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  const dialogs = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') errors.push('console.' + msg.type() + ': ' + msg.text());
  });
  page.on('pageerror', (err) => errors.push('pageerror: ' + err.message));
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto(BASE_URL + '/' + hash, { waitUntil: 'load' });
  await page.waitForSelector(ready, { state: 'visible', timeout: 15000 });
  return { page, errors, dialogs, context };
}

/** Navigates an open page to another hash and waits for `ready`. */
export async function go(page, hash, ready) {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
  await page.waitForSelector(ready, { state: 'visible', timeout: 15000 });
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(SCREENSHOTS, name + '.png'), fullPage: true });
}

/** Let late errors (async rendering, vendor scripts) surface before asserting. */
export async function settle(page, ms = 300) {
  await page.waitForTimeout(ms);
}

/** No console error or warning, no uncaught exception, and no error box on the page. */
export async function noErrors(assert, errors, where, page) {
  assert.deepEqual(errors, [], 'console errors on ' + where + ':\n' + errors.join('\n'));
  if (page) {
    const boxes = await page.locator('[data-testid="error"]').allTextContents();
    assert.deepEqual(boxes, [], 'error shown on ' + where);
  }
}
