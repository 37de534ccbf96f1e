import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logInThroughForm, type TestBrowser } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { SEED_FILE } from '../support/test-server.js';

const TENANT = 'This is an announcement that will not fail to react the tenant of the White House as he has invested in the file.';
const FIXED = 'This announcement is sure to draw a reaction from the occupant of the White House, who has taken a personal interest in the matter.';

let server: ServerProcess;
let chromium: TestBrowser;
let page: Page;
const scriptErrors: string[] = [];

beforeAll(async () => {
  [server, chromium] = await Promise.all([startServerProcess(), launchBrowser()]);
  const context = await chromium.browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (error) => scriptErrors.push(error.message));
});
afterAll(async () => {
  await chromium?.close();
  await server?.stop();
});

describe('an editor corrects the seed article in Chromium', () => {
  it('asks for a login, then finds the seed article loaded on first start', async () => {
    await server.ensureUser('Ana Editor');
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/login\?next=/);
    await logInThroughForm(page, server.url, 'Ana Editor');
    expect(await page.locator('header .user-name').textContent()).toBe('Ana Editor');
    await expect.poll(() => page.locator('table.documents tbody tr').count()).toBe(1);
    // Named by its first sentence of text, not by the photo caption above it.
    await page.getByRole('link', { name: 'This is an announcement that will not fail to react the tenant of the White House as he has invested in the file.' }).click();
    await expect.poll(() => page.locator('.segment').count()).toBe(28);
  });

  it('corrects the sentence with the keyboard and sees the inline diff without a reload', async () => {
    await page.evaluate(() => { (window as unknown as { notReloaded: boolean }).notReloaded = true; });

    // By its id: once saved, the sentence no longer reads "tenant of the White House".
    const id = await page.locator('.segment', { hasText: 'tenant of the White House' }).getAttribute('data-segment');
    const segment = page.locator(`#segment-${id}`);
    await segment.locator('.sentence').click();
    const textarea = segment.locator('textarea');
    await expect.poll(() => textarea.evaluate((node) => node === document.activeElement)).toBe(true);
    await textarea.fill(FIXED);
    await textarea.press('Control+Enter');

    await expect.poll(() => segment.locator('.sentence-diff del').allTextContents()).toContain('tenant');
    expect(await segment.locator('.sentence-diff ins').allTextContents()).toContain('occupant');
    expect(await segment.locator('.sentence-text').textContent()).toBe(FIXED);
    expect(await segment.locator('textarea').isVisible()).toBe(false);
    expect(await segment.locator('.status-badge').textContent()).toBe('edited');
    expect(await page.locator('[data-count="corrected"]').textContent()).toBe('1');
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  it('keeps the diff after a reload, opens the history and restores the machine translation', async () => {
    await page.reload();
    const segment = page.locator('.segment', { hasText: 'White House' });
    expect(await segment.locator('.sentence-diff ins').allTextContents()).toContain('occupant');
    await segment.locator('.sentence').click();
    await segment.getByRole('link', { name: 'History' }).click();
    await page.waitForURL(/\/segments\/\d+\/history/);
    expect(await page.locator('#revision-1 .revision-head').textContent()).toMatch(/Version 1\s*· edited\s*by Ana Editor/);
    expect(await page.locator('#revision-1 .before del').allTextContents()).toContain('tenant');
    expect(await page.locator('#revision-1 .after ins').allTextContents()).toContain('occupant');

    page.once('dialog', (dialog) => {
      expect(dialog.message()).toMatch(/Restore version 0\? Its text becomes the current text as a new version 2/);
      void dialog.accept();
    });
    await page.locator('#revision-0').getByRole('button', { name: 'Restore this version' }).click();
    await page.waitForSelector('#revision-2');
    expect(await page.locator('#revision-2 .revision-head').textContent()).toMatch(/restored version 0\s*by Ana Editor/);
    expect(await page.locator('.current-text').textContent()).toBe(TENANT);
  });

  it('corrects again and exports the clean text with the paragraphs of the original', async () => {
    await page.locator('.crumbs a').click();
    const segment = page.locator('.segment', { hasText: 'White House' });
    await segment.locator('.sentence').click();
    await segment.locator('textarea').fill(FIXED);
    await segment.locator('textarea').press('Control+Enter');
    await expect.poll(() => segment.locator('.sentence-diff ins').count()).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Export', exact: true }).click();
    await page.waitForURL(/\/export$/);
    expect(await page.locator('.unresolved li').count()).toBeGreaterThan(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Clean text/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.txt$/);
    const exported = fs.readFileSync((await download.path())!, 'utf8');
    // Page noise (the photo's caption and credit, a separator, section labels, teasers, tags) is left out of the clean text.
    const seed = fs.readFileSync(SEED_FILE, 'utf8');
    // A text file: it ends with a line end.
    expect(exported).toBe(`${seed.slice(seed.indexOf(TENANT), seed.indexOf('\n\nSociety')).replace(TENANT, FIXED)}\n`);
    expect(scriptErrors).toEqual([]);
  });
});
