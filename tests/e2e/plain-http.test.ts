import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logInThroughForm, type TestBrowser } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

// A newsroom on a LAN opens Retouche at http://<server name>:3000: plain HTTP by a name that is
// not loopback, which browsers do not treat as secure. Chromium maps the name to this machine.
const HOST = 'retouche.test';

let server: ServerProcess;
let chromium: TestBrowser;
let page: Page;
let url: string;

beforeAll(async () => {
  [server, chromium] = await Promise.all([startServerProcess(), launchBrowser({ args: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`] })]);
  url = server.url.replace('localhost', HOST);
  await server.ensureUser('Ana');
  page = await (await chromium.browser.newContext()).newPage();
});
afterAll(async () => {
  await chromium?.close();
  await server?.stop();
});

describe('plain HTTP by a LAN name', () => {
  it('sends no HTTPS-only headers, so the page is styled and the login form works', async () => {
    const failed: string[] = [];
    // A request the browser itself gave up because the page moved on (the favicon during the login's
    // redirect, on a loaded machine) is not one the server refused: an HTTPS upgrade fails otherwise.
    page.on('requestfailed', (request) => {
      if (request.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(request.url());
    });
    const response = await page.goto(`${url}/login`);
    const headers = response!.headers();
    expect(headers['strict-transport-security']).toBeUndefined();
    expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    // The stylesheet was fetched over HTTP and applied: the header bar has its colour, not the browser's default.
    expect(await page.evaluate(() => Array.from(document.styleSheets, (sheet) => sheet.href))).toEqual([`${url}/static/style.css`]);
    expect(await page.locator('header.top').evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    await logInThroughForm(page, url, 'Ana');
    expect(new URL(page.url()).pathname).toBe('/documents');
    await expect(page.locator('.user-name').textContent()).resolves.toBe('Ana');
    expect(failed).toEqual([]);
  });
});
