import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logInThroughForm, type TestBrowser } from '../support/browser.js';
import { buildArticleDocx } from '../support/docx-fixtures.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'formats');
// SCREENSHOT_DIR=/tmp/shots keeps a picture of each step, to look at the pages as an editor sees them.
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR;

let server: ServerProcess;
let chromium: TestBrowser;
let page: Page;
let files: string;

beforeAll(async () => {
  [server, chromium] = await Promise.all([startServerProcess(), launchBrowser()]);
  files = fs.mkdtempSync(path.join(os.tmpdir(), 'retouche-uploads-'));
  fs.writeFileSync(path.join(files, 'storm.docx'), await buildArticleDocx());
  fs.copyFileSync(path.join(FIXTURES, 'article.html'), path.join(files, 'reform.html'));
  fs.writeFileSync(path.join(files, 'broken.docx'), 'This is not a Word file.');
  page = await (await chromium.browser.newContext()).newPage();
  await server.ensureUser('Ines');
  await logInThroughForm(page, server.url, 'Ines');
});
afterAll(async () => {
  await chromium?.close();
  await server?.stop();
  if (files) fs.rmSync(files, { recursive: true, force: true });
});

async function shoot(name: string): Promise<void> {
  if (SCREENSHOT_DIR) await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

async function importThroughPage(file: string): Promise<void> {
  await page.goto(`${server.url}/import`);
  await page.setInputFiles('input[name="file"]', path.join(files, file));
  await Promise.all([page.waitForURL(/\/documents\/\d+$/), page.getByRole('button', { name: 'Import' }).click()]);
}

describe('importing files through the import page in Chromium', () => {
  it('uploads a Word file at desktop size and shows its article', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${server.url}/import`);
    expect(await page.locator('ul.formats li').allTextContents()).toEqual([
      'Word (.docx): headings, captions and bylines by their styles',
      'Web page (.html, .htm): saved from the browser; the article is taken out of the page',
      'XLIFF 1.2 or 2.x (.xlf, .xliff): from a translation tool; its sources become the source text, and the XLIFF export goes back into the same file',
      'Markdown (.md)',
      'Plain text (.txt): UTF-8',
    ]);
    await shoot('import-desktop');
    await importThroughPage('storm.docx');
    await expect.poll(() => page.locator('h1').textContent()).toContain('Storm: three departments on orange alert');
    const article = await page.locator('main').textContent();
    expect(article).toContain('Meteorologists placed three departments on orange alert on Sunday.');
    expect(article).toContain('Schools closed on Monday');
    await shoot('docx-document-desktop');
  });

  it('uploads a saved web page at phone size and shows its article', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/import`);
    await shoot('import-phone');
    await importThroughPage('reform.html');
    await expect.poll(() => page.locator('h1').textContent()).toContain('Pension reform: the unions call a new day of strikes');
    const article = await page.locator('main').textContent();
    expect(article).toContain('The unions have called for a new day of strikes and demonstrations on Thursday');
    expect(article).toContain('A text examined in the Senate');
    await shoot('html-document-phone');
    await page.goto(`${page.url()}/export`);
    expect(await page.locator('ul.downloads a').allTextContents()).toEqual(expect.arrayContaining([
      expect.stringContaining('Word (.docx)'), expect.stringContaining('HTML for a CMS (.html)'), expect.stringContaining('XLIFF (.xlf)'),
    ]));
    await shoot('export-phone');
  });

  it('says why a broken file is refused, beside the form', async () => {
    await page.goto(`${server.url}/import`);
    await page.setInputFiles('input[name="file"]', path.join(files, 'broken.docx'));
    await page.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => page.locator('.notice.error').textContent()).toContain('This is not a Word file: it is not a zip archive. Nothing was stored.');
    await shoot('import-refused-phone');
  });
});
