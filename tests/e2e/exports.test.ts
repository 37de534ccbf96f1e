import fs from 'node:fs';
import { applyPatch } from 'diff';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logInThroughForm, type TestBrowser } from '../support/browser.js';
import { parseXml } from '../support/parse-xml.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

const FIXED = 'This announcement is sure to draw a reaction from the occupant of the White House.';

let server: ServerProcess;
let chromium: TestBrowser;
let page: Page;

beforeAll(async () => {
  [server, chromium] = await Promise.all([startServerProcess(), launchBrowser()]);
  const document = await (await server.fetch('/api/documents/1')).json();
  await server.fetch(`/api/segments/${document.segments[3].id}`, {
    method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: FIXED, baseRevision: 0 }),
  });
  page = await (await chromium.browser.newContext({ acceptDownloads: true })).newPage();
  await server.ensureUser('viewer');
  // Exports are for readers too: a viewer downloads them.
  await logInThroughForm(page, server.url, 'viewer');
  await page.goto(`${server.url}/documents/1/export`);
});
afterAll(async () => {
  await chromium?.close();
  await server?.stop();
});

async function download(label: RegExp): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: label }).click()]);
  return { name: file.suggestedFilename(), text: fs.readFileSync((await file.path())!, 'utf8') };
}

describe('every export downloaded from the export page in Chromium', () => {
  it('lists the sentences still flagged before the downloads', async () => {
    expect(await page.locator('.unresolved li').count()).toBeGreaterThan(3);
    expect(await page.locator('.unresolved').textContent()).not.toContain(FIXED);
  });

  it('clean text and Markdown', async () => {
    const txt = await download(/Clean text/);
    expect(txt.name).toMatch(/^1-.*\.txt$/);
    // The photo's caption and credit are page noise: the clean text starts with the article.
    expect(txt.text.startsWith(`${FIXED}\n\n`)).toBe(true);
    expect(txt.text).not.toContain('Sipa USA');
    const md = await download(/Markdown/);
    expect(md.name).toMatch(/\.md$/);
    expect(md.text).toMatch(/^# /);
    expect(md.text).toContain('\n## Decrees against complaint\n');
    expect(md.text).toContain(FIXED);
  });

  it('XLIFF, patch, report CSV and JSON', async () => {
    const xliff = await download(/XLIFF/);
    expect(xliff.name).toMatch(/\.xlf$/);
    expect(() => parseXml(xliff.text)).not.toThrow();
    expect(xliff.text).toContain(`<target>${FIXED}</target>`);
    const patch = await download(/unified diff/);
    expect(patch.text).toContain(`+${FIXED}`);
    const document = await (await server.fetch('/api/documents/1/export?format=json')).json();
    const mt = (await (await server.fetch('/api/documents/1/export?format=txt')).text()).replace(FIXED, document.segments[3].original);
    expect(applyPatch(mt, patch.text)).toBe((await (await server.fetch('/api/documents/1/export?format=txt')).text()));
    const csv = await download(/report/);
    expect(csv.name).toMatch(/-report\.csv$/);
    expect(csv.text.trim().split('\r\n').length).toBeGreaterThan(20);
    const json = await download(/JSON/);
    expect(JSON.parse(json.text).segments[3]).toMatchObject({ text: FIXED, status: 'edited', role: 'body' });
  });
});
