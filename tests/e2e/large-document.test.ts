import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logInThroughForm, type TestBrowser } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

// A 600-sentence document is shown 100 sentences a page; filters span the whole document.
let server: ServerProcess;
let chromium: TestBrowser;
let page: Page;
let documentId: number;
const scriptErrors: string[] = [];

// Every 150th sentence has a false friend, so each page holds at most one flagged sentence.
function article(): string {
  const sentences = Array.from({ length: 600 }, (_, index) => (index % 150 === 120
    ? `Point ${index + 1}: the tenant of the White House spoke.`
    : `Point ${index + 1}: the weather was mild in Lyon.`));
  return ['Six hundred sentences', ...sentences].join('\n\n');
}

beforeAll(async () => {
  [server, chromium] = await Promise.all([startServerProcess(), launchBrowser()]);
  const created = await server.fetch('/api/documents', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Large', text: article() }),
  });
  documentId = ((await created.json()) as { document: { id: number } }).document.id;
  page = await (await chromium.browser.newContext()).newPage();
  page.on('pageerror', (error) => scriptErrors.push(error.message));
  await server.ensureUser('Paging Pat');
  await logInThroughForm(page, server.url, 'Paging Pat');
});
afterAll(async () => {
  await chromium?.close();
  await server?.stop();
});

const shown = () => page.locator('.article .segment .sentence-text').allTextContents();

describe('a 600-sentence document in Chromium', () => {
  it('shows one page of sentences and moves to page 2', async () => {
    await page.goto(`${server.url}/documents/${documentId}`);
    const first = await shown();
    expect(first).toHaveLength(100);
    expect(first[0]).toBe('Six hundred sentences');
    await page.locator('nav.pages a[rel="next"]').first().click();
    await page.waitForURL(/page=2/);
    const second = await shown();
    expect({ count: second.length, first: second[0] }).toEqual({ count: 100, first: 'Point 100: the weather was mild in Lyon.' });
  });

  it('filters on flagged sentences across every page, and Alt+Down goes on to the next page', async () => {
    await page.locator('.filters input[name="flagged"]').check();
    await page.locator('.filters button[type="submit"]').click();
    await page.waitForURL(/flagged=1/);
    expect(await shown()).toEqual([
      'Point 121: the tenant of the White House spoke.',
      'Point 271: the tenant of the White House spoke.',
      'Point 421: the tenant of the White House spoke.',
      'Point 571: the tenant of the White House spoke.',
    ]);

    await page.goto(`${server.url}/documents/${documentId}?page=2`);
    await page.locator('.segment .sentence', { hasText: 'Point 121:' }).focus();
    await page.keyboard.press('Alt+ArrowDown');
    await page.waitForURL(/page=3/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.segment')?.querySelector('.sentence-text')?.textContent))
      .toBe('Point 271: the tenant of the White House spoke.');
    expect(scriptErrors).toEqual([]);
  });

  it('points at a draft kept on another page, whose link opens the page that offers it back', async () => {
    await page.goto(`${server.url}/documents/${documentId}?page=3`);
    await page.locator('.segment .sentence', { hasText: 'Point 250:' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type(' Unsaved');
    // Leaving by address: the browser's own question, answered "leave"; the draft stays.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.goto(`${server.url}/documents/${documentId}`);
    const notice = page.locator('.drafts-elsewhere');
    await expect.poll(() => notice.textContent()).toMatch(/^You have an unsaved draft on another page of this document: a draft from \d\d:\d\d\.$/);
    await notice.getByRole('link').click();
    await page.waitForURL(/page=3/);
    const offer = page.locator('.segment', { hasText: 'Point 250:' }).locator('.draft-offer');
    await expect.poll(() => offer.locator('.draft-text').textContent()).toBe('Point 250: the weather was mild in Lyon. Unsaved');
    expect(await page.locator('.drafts-elsewhere').count()).toBe(0);
    expect(scriptErrors).toEqual([]);
  });
});
