import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logInThroughForm, type TestBrowser } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

// Article text is untrusted: each of these must show as text on every page and never run.
const HOSTILE = [
  '<script>window.__xss = "script"; alert(1)</script> opened the meeting.',
  '"><img src=x onerror="window.__xss = \'img\'; alert(2)"> was quoted.',
  '</textarea><b onmouseover="window.__xss = \'b\'">bold</b> & co. signed.',
];

let server: ServerProcess;
let chromium: TestBrowser;
let page: Page;
let documentId = 0;
const dialogs: string[] = [];

beforeAll(async () => {
  [server, chromium] = await Promise.all([startServerProcess(), launchBrowser()]);
  const created = await (await server.fetch('/api/documents', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: '<script>alert("title")</script>', text: HOSTILE.join('\n\n') }),
  })).json();
  documentId = created.document.id;
  const document = await (await server.fetch(`/api/documents/${documentId}`)).json();
  const first = document.segments[0];
  await server.fetch(`/api/segments/${first.id}`, {
    method: 'PUT', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text: `${first.text} <img src=y onerror="window.__xss='edit'">`, baseRevision: 0, comment: '<script>alert(3)</script>' }),
  });
  page = await (await chromium.browser.newContext()).newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await server.ensureUser('Hana');
  await logInThroughForm(page, server.url, 'Hana');
});
afterAll(async () => {
  await chromium?.close();
  await server?.stop();
});

async function expectNothingRan() {
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
}

describe('hostile article text in Chromium', () => {
  it('shows as text in the editor, with no script run', async () => {
    await page.goto(`${server.url}/documents/${documentId}`);
    const texts = await page.locator('.sentence-text').allTextContents();
    expect(texts[1]).toBe(HOSTILE[1]);
    expect(texts[2]).toBe(HOSTILE[2]);
    expect(await page.locator('h1').textContent()).toBe('<script>alert("title")</script>');
    // Open the editor in every sentence: a stray </textarea> would break out of it here.
    const sentences = await page.locator('.sentence').all();
    for (const [index, sentence] of sentences.entries()) {
      await sentence.click();
      expect(await page.locator('.segment.editing textarea[name="text"]').inputValue()).toBe(texts[index]);
    }
    expect(texts[2]).toBe(HOSTILE[2]);
    await page.locator('.sentence b, .sentence img').count().then((count) => expect(count).toBe(0));
    await expectNothingRan();
  });

  it('shows as text in the history, diff, timeline, compare, replace preview, export and report pages', async () => {
    const document = await (await server.fetch(`/api/documents/${documentId}`)).json();
    const pages = [
      `/segments/${document.segments[0].id}/history`,
      `/documents/${documentId}/timeline`,
      `/documents/${documentId}/compare`,
      `/documents/${documentId}/replace?find=${encodeURIComponent('<script>')}&replace=${encodeURIComponent('<b>')}`,
      `/documents/${documentId}/export`,
      `/documents/${documentId}/report`,
    ];
    for (const path of pages) {
      await page.goto(`${server.url}${path}`);
      expect(await page.locator('main script, main img, main b').count(), path).toBe(0);
      expect(await page.locator('main').textContent(), path).toContain('<script>');
      await expectNothingRan();
    }
  });
});
