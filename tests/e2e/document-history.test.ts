import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logInThroughForm, type TestBrowser } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

let server: ServerProcess;
let chromium: TestBrowser;
let page: Page;
const scriptErrors: string[] = [];

async function save(position: number, edit: (text: string) => string, author: string) {
  const document = await (await server.fetch(`/api/documents/1`)).json();
  const segment = document.segments[position];
  await server.fetch(`/api/segments/${segment.id}`, {
    method: 'PUT', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text: edit(segment.text), baseRevision: segment.revision }),
  }, author);
}

beforeAll(async () => {
  [server, chromium] = await Promise.all([startServerProcess(), launchBrowser()]);
  await save(3, (text) => text.replace('tenant', 'occupant'), 'Ana');
  await save(6, () => 'Executive orders challenged', 'Ben');
  await save(3, (text) => text.replace('invested in the file', 'taken a personal interest in the matter'), 'Ben');
  const context = await chromium.browser.newContext();
  page = await context.newPage();
  page.on('pageerror', (error) => scriptErrors.push(error.message));
  await server.ensureUser('Cleo');
  await logInThroughForm(page, server.url, 'Cleo');
});
afterAll(async () => {
  await chromium?.close();
  await server?.stop();
});

describe('document history in Chromium', () => {
  it('shows the timeline newest first and filters it by author', async () => {
    await page.goto(`${server.url}/documents/1`);
    await page.getByRole('link', { name: 'Timeline' }).click();
    await page.waitForURL(/\/timeline/);
    const authors = await page.locator('.timeline .author').allTextContents();
    expect(authors.slice(0, 3)).toEqual(['Ben', 'Ben', 'Ana']);
    await page.selectOption('select[name="author"]', 'Ana');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/author=Ana/);
    expect(await page.locator('.timeline .author').allTextContents()).toEqual(['Ana']);
    expect(await page.locator('.timeline .before del').allTextContents()).toContain('tenant');
  });

  it('compares the machine translation with the current text of the whole document', async () => {
    await page.goto(`${server.url}/documents/1/compare`);
    expect(await page.locator('.meta').textContent()).toMatch(/2 sentences changed/);
    const added = await page.locator('.document-diff ins').allTextContents();
    expect(added.join(' ')).toMatch(/occupant[\s\S]*Executive/);
  });

  it('previews a search-and-replace, applies it to the ticked sentences only', async () => {
    await page.goto(`${server.url}/documents/1/replace`);
    await page.fill('input[name="find"]', 'TikTok');
    await page.fill('input[name="replace"]', 'Tiktok');
    await page.check('input[name="caseSensitive"]');
    await page.getByRole('button', { name: 'Preview' }).click();
    const boxes = page.locator('input[name="targets"]');
    const count = await boxes.count();
    expect(count).toBeGreaterThan(5);
    await boxes.first().uncheck();
    await page.getByRole('button', { name: 'Replace in the ticked sentences' }).click();
    await page.waitForSelector('h1:text("Replaced")');
    expect(await page.locator('main p').first().textContent()).toBe(`${count - 1} sentences changed, each as a new revision.`);
    const document = await (await server.fetch(`/api/documents/1`)).json();
    const stillTikTok = document.segments.filter((segment: { text: string }) => segment.text.includes('TikTok'));
    expect(stillTikTok).toHaveLength(1);
    expect(scriptErrors).toEqual([]);
  });
});
