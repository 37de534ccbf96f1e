import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logInThroughForm, type TestBrowser } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

let server: ServerProcess;
let chromium: TestBrowser;
let page: Page;
const scriptErrors: string[] = [];

beforeAll(async () => {
  [server, chromium] = await Promise.all([startServerProcess(), launchBrowser()]);
  const context = await chromium.browser.newContext();
  page = await context.newPage();
  page.on('pageerror', (error) => scriptErrors.push(error.message));
  await server.ensureUser('Flag Reviewer');
  await logInThroughForm(page, server.url, 'Flag Reviewer');
  await page.goto(`${server.url}/documents/1`);
});
afterAll(async () => {
  await chromium?.close();
  await server?.stop();
});

describe('an editor works through the flags in Chromium', () => {
  it('sees the flagged words highlighted with the reason and the fix', async () => {
    const tenant = page.locator('.segment', { hasText: 'tenant of the White House' });
    expect(await tenant.locator('mark.flag').count()).toBeGreaterThan(0);
    const items = await tenant.locator('.flag-item .message').allTextContents();
    expect(items.some((message) => message.includes('"tenant"'))).toBe(true);
    expect(await page.locator('.segment', { hasText: 'Dongxu Fang' }).locator('.status-badge').textContent()).toBe('excluded');
  });

  it('applies a suggestion with one click, saved as a revision without a reload', async () => {
    await page.evaluate(() => { (window as unknown as { notReloaded: boolean }).notReloaded = true; });
    // A sentence with one flag: once its suggestion is applied, nothing is left open in it.
    const offer = page.locator('.segment', { hasText: 'Microsoft\'s offer to buy out' });
    const flagged = Number(await page.locator('[data-progress="flaggedToReview"]').textContent());
    const reviewed = Number(await page.locator('[data-progress="reviewed"]').textContent());
    await offer.getByRole('button', { name: 'Use “tech giant”' }).click();
    await expect.poll(async () => (await offer.locator('.sentence-text').textContent())?.includes('the US tech giant announced')).toBe(true);
    expect(await offer.locator('.sentence-diff ins').allTextContents()).toContain('tech');
    expect(await offer.locator('.status-badge').textContent()).toBe('edited');
    // The counts are fetched again after the save's answer: wait for them as for the progress below.
    await expect.poll(() => page.locator('[data-count="corrected"]').textContent()).toBe('1');
    await expect.poll(async () => Number(await page.locator('[data-progress="flaggedToReview"]').textContent())).toBe(flagged - 1);
    expect(Number(await page.locator('[data-progress="reviewed"]').textContent())).toBe(reviewed + 1);
    expect(await page.locator('progress').evaluate((bar) => (bar as HTMLProgressElement).value)).toBe(reviewed + 1);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  it('dismisses a false alarm, which stays dismissed after a reload', async () => {
    const heading = page.locator('.segment', { hasText: 'Decrees against complaint' });
    const before = await heading.locator('.flag-item').count();
    await heading.locator('.flag-item', { hasText: '"Decrees"' }).getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => heading.locator('.flag-item').count()).toBe(before - 1);
    await page.reload();
    const reloaded = page.locator('.segment', { hasText: 'Decrees against complaint' });
    expect(await reloaded.locator('.flag-item').count()).toBe(before - 1);
    expect(await reloaded.locator('.dismissed-note').textContent()).toMatch(/1 flag dismissed/);
  });

  it('filters the document to flagged sentences of one severity', async () => {
    await page.check('.filters input[name="flagged"]');
    await page.selectOption('.filters select[name="severity"]', 'major');
    await page.click('.filters button');
    await page.waitForURL(/flagged=1/);
    const shown = page.locator('.segment');
    expect(await shown.count()).toBeGreaterThan(0);
    for (const segment of await shown.all()) {
      expect(await segment.locator('.flag-item.sev-major').count()).toBeGreaterThan(0);
    }
    expect(await page.locator('.segment', { hasText: 'We are convinced' }).count()).toBe(0);
    expect(scriptErrors).toEqual([]);
  });
});
