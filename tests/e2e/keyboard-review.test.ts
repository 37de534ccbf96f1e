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
  await server.ensureUser('Keyboard Kim');
  await logInThroughForm(page, server.url, 'Keyboard Kim');
  await page.goto(`${server.url}/documents/1`);
});
afterAll(async () => {
  await chromium?.close();
  await server?.stop();
});

const focusedText = () => page.evaluate(() => document.activeElement?.closest('.segment')?.querySelector('.sentence-text')?.textContent ?? null);
const activeTag = () => page.evaluate(() => document.activeElement?.tagName ?? null);

async function revisionsOf(text: string) {
  const document = await (await server.fetch(`/api/documents/1`)).json();
  const segment = document.segments.find((candidate: { text: string }) => candidate.text === text);
  const history = await (await server.fetch(`/api/segments/${segment.id}/revisions`)).json();
  return history.revisions.map((revision: { author: string; number: number }) => [revision.number, revision.author]);
}

describe('keyboard-only review in Chromium', () => {
  it('corrects three sentences in a row with Enter, typing and Ctrl+Enter', async () => {
    const fixes = [
      'The Chinese TikTok app in front of the American flag.',
      'This announcement is sure to draw a reaction from the occupant of the White House.',
      "Microsoft's offer to buy TikTok's US operations has been rejected by ByteDance, the tech giant announced Sunday evening.",
    ];
    await page.keyboard.press('j');
    expect(await focusedText()).toBe('The Chinese TikTok application in front of the American flag.');
    await page.keyboard.press('Enter');
    for (const fix of fixes) {
      await expect.poll(activeTag).toBe('TEXTAREA');
      await page.keyboard.press('Control+A');
      await page.keyboard.type(fix);
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => page.locator('.segment .sentence-text', { hasText: fix }).count()).toBe(1);
    }
    // Ctrl+Enter skipped the excluded separator and credit and opened the next sentence to review.
    await expect.poll(activeTag).toBe('TEXTAREA');
    expect(await page.evaluate(() => document.activeElement?.closest('.segment')?.querySelector('.sentence-text')?.textContent))
      .toMatch(/^"We are convinced/);
    for (const fix of fixes) expect(await revisionsOf(fix)).toEqual([[0, 'seed'], [1, 'Keyboard Kim']]);
  });

  it('cancels with Escape, approves with a, and jumps between flagged sentences with Alt+arrows', async () => {
    await page.keyboard.type(' unsaved words');
    // Changed text is never dropped without asking: Esc asks, Tab and Enter answer "Discard changes".
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog.discard').isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(activeTag).toBe('DIV');
    // The page's one editor went back where it waits, hidden, without the words typed.
    expect(await page.locator('form.segment-form').isHidden()).toBe(true);
    expect(await page.locator('#editor-text').inputValue()).not.toContain('unsaved words');
    await page.keyboard.press('a');
    await expect.poll(() => page.locator('.segment', { hasText: 'We are convinced' }).locator('.status-badge').textContent()).toBe('approved');
    await expect.poll(focusedText).toMatch(/^"We are convinced/);

    await page.keyboard.press('Alt+ArrowDown');
    const flagged = await focusedText();
    expect(await page.evaluate(() => document.activeElement?.closest('.segment')?.classList.contains('flagged'))).toBe(true);
    expect(flagged).toBe('Decrees against complaint');
    await page.keyboard.press('Alt+ArrowDown');
    expect(await focusedText()).toMatch(/^The Redmond group/);
    await page.keyboard.press('Alt+ArrowUp');
    expect(await focusedText()).toBe('Decrees against complaint');
    // The sentences above were corrected or approved: no flagged one is left, so the focus stays.
    await page.keyboard.press('Alt+ArrowUp');
    expect(await focusedText()).toBe('Decrees against complaint');
  });

  it('applies the first suggestion of a focused flag with f then s', async () => {
    expect(await focusedText()).toBe('Decrees against complaint');
    await page.keyboard.press('f');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('flag-item'))).toBe(true);
    await page.keyboard.press('s');
    await expect.poll(() => page.locator('.segment.status-edited .sentence-text', { hasText: 'against complaint' }).count()).toBe(1);
  });

  it('undoes it with z and keeps the focus on the sentence, so the next key goes on from there', async () => {
    await page.locator('.undo-bar').waitFor();
    await page.keyboard.press('z');
    await expect.poll(() => page.locator('.undo-bar').textContent()).toContain('Undone');
    // The redrawn sentence keeps the focus the old one had (it fell back to the page, and j started from the top).
    await expect.poll(focusedText).toBe('Decrees against complaint');
    await page.keyboard.press('j');
    expect(await focusedText()).toMatch(/^The Redmond group/);
  });

  it('shows the shortcut list with ?', async () => {
    await page.keyboard.press('?');
    expect(await page.locator('dialog.shortcuts').evaluate((dialog) => (dialog as HTMLDialogElement).open)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.locator('dialog.shortcuts').evaluate((dialog) => (dialog as HTMLDialogElement).open)).toBe(false);
    expect(scriptErrors).toEqual([]);
  });
});

describe('the editor Ctrl+Enter opens is in sight', () => {
  // Focusing the next sentence's text box scrolled it just into the window, at its foot: cut off,
  // under the Undo bar and the toast, its Save button below the window.
  it.each([
    { device: 'desktop', width: 1440, height: 900 },
    { device: 'phone', width: 390, height: 844 },
  ])('on a $device, clear of the Undo bar and the toast, sentence after sentence', async ({ width, height }) => {
    const context = await chromium.browser.newContext({ viewport: { width, height } });
    const reviewer = await context.newPage();
    await server.ensureUser('Keyboard Kai');
    await logInThroughForm(reviewer, server.url, 'Keyboard Kai');
    await reviewer.goto(`${server.url}/documents/1`);
    await reviewer.keyboard.press('j');
    await reviewer.keyboard.press('Enter');
    const hidden: string[] = [];
    for (let step = 0; step < 8; step += 1) {
      await expect.poll(() => reviewer.evaluate(() => document.activeElement?.id)).toBe('editor-text');
      await reviewer.keyboard.press('End');
      await reviewer.keyboard.type(' Checked.');
      const saved = reviewer.waitForResponse((response) => response.request().method() === 'PUT');
      await reviewer.keyboard.press('Control+Enter');
      await saved;
      await reviewer.locator('.undo-bar').waitFor();
      await expect.poll(() => reviewer.evaluate(() => document.activeElement?.id)).toBe('editor-text');
      // Let any scrolling settle, then compare the editor (text box to Save button) with the window and the bars.
      await reviewer.waitForTimeout(200);
      const problem = await reviewer.evaluate(() => {
        const form = document.querySelector('form.segment-form')!;
        const top = form.querySelector('textarea')!.getBoundingClientRect().top;
        const bottom = form.querySelector('button[type="submit"]')!.getBoundingClientRect().bottom;
        if (top < 0 || bottom > window.innerHeight) return `outside the window (${Math.round(top)}-${Math.round(bottom)} of ${window.innerHeight})`;
        const bars = Array.from(document.querySelectorAll('.undo-bar, .toast:not([hidden])')).map((bar) => bar.getBoundingClientRect());
        return bars.some((bar) => bar.top < bottom && bar.bottom > top) ? `under a bar (${Math.round(top)}-${Math.round(bottom)})` : null;
      });
      if (problem) hidden.push(`step ${step}: ${problem}`);
    }
    expect(hidden).toEqual([]);
    await context.close();
  }, 30_000);
});
