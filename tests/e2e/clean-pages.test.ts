import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logInThroughForm, type TestBrowser } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { REPO_ROOT, SEED_FILE } from '../support/test-server.js';

// Every page, for every role, without a script error or a console error; and on the seed with its
// French source attached, no button drawn over a sentence or its source, on a desktop and a phone.

let server: ServerProcess;
let chromium: TestBrowser;
let actionId: number;

beforeAll(async () => {
  [server, chromium] = await Promise.all([startServerProcess(), launchBrowser()]);
  const sourceText = fs.readFileSync(path.join(REPO_ROOT, 'tests', 'fixtures', 'seed-source-fr.txt'), 'utf8');
  const attached = await server.fetch('/api/documents/1/source', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sourceText }),
  });
  expect(attached.status).toBe(201);
  const imported = await server.fetch('/api/documents', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Without a source', text: fs.readFileSync(SEED_FILE, 'utf8') }),
  });
  expect(imported.status).toBe(201);
  // A change to undo: its notice and its history entries are drawn too.
  const saved = await server.fetch('/api/segments/10', {
    method: 'PUT', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text: 'Without a buyback agreement by September 20, the platform will have to close in the United States.', baseRevision: 0 }),
  });
  expect(saved.status).toBe(200);
  actionId = ((await saved.json()) as { action: { id: number } }).action.id;
  // A judged flag, so the Rules page draws its observed-precision table (with the admin's override column).
  const dismissed = await server.fetch('/api/segments/5/dismissals', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...(await firstFlagOf(5)), baseRevision: 0 }),
  });
  expect(dismissed.status).toBe(201);
  for (const name of ['viewer', 'Page Walker', 'admin']) await server.ensureUser(name);
});
afterAll(async () => {
  await chromium?.close();
  await server?.stop();
});

async function firstFlagOf(segmentId: number): Promise<{ checkId: string; start: number; end: number }> {
  const { segments } = (await (await server.fetch('/api/documents/1')).json()) as { segments: { id: number; flags: { checkId: string; start: number; end: number }[] }[] };
  const { checkId, start, end } = segments.find((segment) => segment.id === segmentId)!.flags[0]!;
  return { checkId, start, end };
}

/** A logged-in page of its own browser context, noting every console error and uncaught script error. */
async function openAs(name: string, viewport = { width: 1440, height: 900 }): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await chromium.browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: script: ${error.message}`));
  await logInThroughForm(page, server.url, name);
  return { page, context, errors };
}

const EVERYONE = [
  '/documents', '/documents/1', '/documents/2', '/documents/1?flagged=1', '/documents/1/timeline', '/documents/1/compare',
  '/documents/1/source', '/documents/1/export', '/documents/1/report', '/segments/4/history', '/segments/10/history', '/account',
  '/rules',
];
const EDITORS = [
  '/import', '/documents/1/replace', '/documents/1/replace?find=TikTok&replace=Tiktok', '/segments/4/edit', '/documents/1/manage',
  '/documents/1?action=ACTION',
];
const PAGES: Record<string, string[]> = {
  viewer: EVERYONE,
  'Page Walker': [...EVERYONE, ...EDITORS],
  admin: [...EVERYONE, ...EDITORS, '/admin/users'],
};

describe('no script or console error on any page', () => {
  it.each(Object.keys(PAGES))('for %s', async (name) => {
    const { page, context, errors } = await openAs(name);
    for (const address of PAGES[name]!) {
      const response = await page.goto(`${server.url}${address.replace('ACTION', String(actionId))}`);
      expect(response?.status(), address).toBe(200);
    }
    // The document page's keys and the source switch, which a throwing script would leave dead.
    await page.goto(`${server.url}/documents/1`);
    await page.keyboard.press('j');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('sentence'))).toBe(true);
    await page.keyboard.press('j');
    expect(await page.evaluate(() => document.activeElement?.closest('.segment')?.id)).toBe('segment-2');
    if (name === 'viewer') {
      // A reader's a and x change nothing and ask nothing of the server (they were sent, refused with 403, a console error each).
      await page.keyboard.press('a');
      await page.keyboard.press('x');
      expect(await page.locator('#segment-2 .status-badge').textContent()).toBe('excluded');
    }
    await page.keyboard.press('?');
    expect(await page.locator('dialog.shortcuts').evaluate((dialog) => (dialog as HTMLDialogElement).open)).toBe(true);
    // The list offers only the keys this reader can use.
    expect(await page.locator('dialog.shortcuts').textContent()).toContain(name === 'viewer' ? 'Next / previous sentence' : 'Approve the focused sentence');
    if (name === 'viewer') expect(await page.locator('dialog.shortcuts').textContent()).not.toMatch(/Approve|Exclude|Undo|Save/);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Hide the source' }).click();
    expect(await page.locator('.source-text').first().isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Show the source' }).click();
    expect(await page.locator('.source-text').first().isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
    // A walk of some twenty pages: alone it takes 3-4 s, near the default 5 s, so a loaded machine would fail it.
  }, 30_000);
});

describe('no page is wider than a phone', () => {
  // A page wider than the window scrolls sideways as a whole: the document list's counts and the
  // report's columns ended off screen, with the top bar cut at the window's edge.
  it.each(['viewer', 'admin'])('for %s at 390×844', async (name) => {
    const { page, context } = await openAs(name, { width: 390, height: 844 });
    const tooWide: string[] = [];
    for (const address of PAGES[name]!) {
      await page.goto(`${server.url}${address.replace('ACTION', String(actionId))}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) tooWide.push(`${address}: ${width} px`);
    }
    expect(tooWide).toEqual([]);
    await context.close();
  }, 30_000);
});

describe('buttons never cover a sentence or its source', () => {
  it.each([
    { device: 'desktop', width: 1440, height: 900 },
    { device: 'phone', width: 390, height: 844 },
  ])('on a $device ($width×$height)', async ({ width, height }) => {
    const { page, context, errors } = await openAs('Page Walker', { width, height });
    await page.goto(`${server.url}/documents/1`);
    const report = await page.evaluate(findCoveredText);
    expect(report.buttons).toBeGreaterThan(50);
    expect(report.texts).toBeGreaterThan(40);
    expect(report.overlaps).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/**
 * Runs in the page: every visible button and link of the article against the line boxes of every
 * visible sentence and source text (a range's client rects, so a wrapped line's empty end counts for nothing).
 */
function findCoveredText() {
  const visible = (element: Element) => (element as HTMLElement).checkVisibility() && element.getClientRects().length > 0;
  const lineBoxes: { rect: DOMRect; text: string }[] = [];
  for (const element of Array.from(document.querySelectorAll('.article .sentence-text, .article .source-text'))) {
    if (!visible(element)) continue;
    const range = document.createRange();
    range.selectNodeContents(element);
    for (const rect of Array.from(range.getClientRects())) if (rect.width > 0 && rect.height > 0) lineBoxes.push({ rect, text: element.textContent!.slice(0, 40) });
  }
  const controls = Array.from(document.querySelectorAll('.article button, .article a')).filter(visible);
  const overlaps: string[] = [];
  for (const control of controls) {
    const box = control.getBoundingClientRect();
    for (const { rect, text } of lineBoxes) {
      const width = Math.min(box.right, rect.right) - Math.max(box.left, rect.left);
      const height = Math.min(box.bottom, rect.bottom) - Math.max(box.top, rect.top);
      if (width > 1 && height > 1) overlaps.push(`"${control.textContent}" covers "${text}"`);
    }
  }
  return { buttons: controls.length, texts: lineBoxes.length, overlaps };
}
