import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logInThroughForm, type TestBrowser } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

// Newsroom rules made from a flag, the Rules page and the English variant control, in Chromium at
// desktop and phone sizes. Screenshots go to /tmp/retouche-rules-*.png.

let server: ServerProcess;
let chromium: TestBrowser;
let page: Page;
const scriptErrors: string[] = [];

const BRITISH = [
  'The defence ministry presented its programme on Monday.',
  'Labour unions criticised the organisation of the centre.',
].join('\n\n');

async function importText(title: string, text: string): Promise<number> {
  const response = await server.fetch('/api/documents', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ title, text }),
  });
  expect(response.status).toBe(201);
  return (await response.json()).document.id;
}

/** The flag items of the sentence holding `text`, on the current page. */
function flagsOf(text: string): Locator {
  return page.locator('.segment', { hasText: text }).locator('.flag-item');
}

/** No button of the page's flags, dialogs or forms lies over a sentence's text. */
async function expectNoButtonOverText(): Promise<void> {
  const overlaps = await page.evaluate(() => {
    const texts = Array.from(document.querySelectorAll('.sentence-text')).map((element) => element.getBoundingClientRect());
    return Array.from(document.querySelectorAll('button, a.button, a.rule-menu, select')).filter((button) => {
      const box = button.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return false;
      return texts.some((text) => box.left < text.right && text.left < box.right && box.top < text.bottom && text.top < box.bottom);
    }).map((button) => button.textContent);
  });
  expect(overlaps).toEqual([]);
}

beforeAll(async () => {
  [server, chromium] = await Promise.all([startServerProcess(), launchBrowser()]);
  const context = await chromium.browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (error) => scriptErrors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') scriptErrors.push(message.text()); });
  await server.ensureUser('Rule Maker');
  await logInThroughForm(page, server.url, 'Rule Maker');
});
afterAll(async () => {
  await chromium?.close();
  await server?.stop();
});

describe('newsroom rules from a flag, in Chromium', () => {
  it('never flags a phrase in this document: the flag goes at once, stays gone after a reload, and stays elsewhere', async () => {
    const other = await importText('Another story', 'Decrees against complaint\n\nBiden signed them on Monday.');
    await page.goto(`${server.url}/documents/1`);
    const heading = 'Decrees against complaint';
    expect(await flagsOf(heading).filter({ hasText: '"Decrees"' }).count()).toBe(1);
    await flagsOf(heading).filter({ hasText: '"Decrees"' }).getByRole('link', { name: 'Rule…' }).click();
    const dialog = page.getByRole('dialog', { name: 'A rule for these words' });
    expect(await dialog.getByLabel('Phrase').inputValue()).toBe('Decrees');
    await page.screenshot({ path: '/tmp/retouche-rules-dialog-1440.png' });
    await expectNoButtonOverText();
    await dialog.getByRole('button', { name: 'Add the rule' }).click();
    await expect.poll(() => flagsOf(heading).filter({ hasText: '"Decrees"' }).count()).toBe(0);
    await page.reload();
    expect(await flagsOf(heading).filter({ hasText: '"Decrees"' }).count()).toBe(0);
    await page.goto(`${server.url}/documents/${other}`);
    expect(await flagsOf(heading).filter({ hasText: '"Decrees"' }).count()).toBe(1);
  });

  it('never flags a name in any document once the rule is the newsroom\'s', async () => {
    const other = await importText('Tenant again', 'Biden, the tenant of the White House, spoke on Monday.');
    await page.goto(`${server.url}/documents/1`);
    const tenant = 'tenant of the White House';
    await flagsOf(tenant).filter({ hasText: '"tenant"' }).getByRole('link', { name: 'Rule…' }).click();
    const dialog = page.getByRole('dialog', { name: 'A rule for these words' });
    await dialog.getByLabel('Phrase').fill('the tenant of the White House');
    await dialog.getByLabel('in every document').check();
    await dialog.getByRole('button', { name: 'Add the rule' }).click();
    await expect.poll(() => flagsOf(tenant).filter({ hasText: '"tenant"' }).count()).toBe(0);
    await page.goto(`${server.url}/documents/${other}`);
    expect(await flagsOf('tenant of the White House').filter({ hasText: '"tenant"' }).count()).toBe(0);
  });

  it('adds a custom entry from a flag, which flags a new sentence with the same words', async () => {
    await page.goto(`${server.url}/documents/1`);
    const offer = 'Microsoft\'s offer to buy out';
    const flag = flagsOf(offer).first();
    await flag.getByRole('link', { name: 'Rule…' }).click();
    const dialog = page.getByRole('dialog', { name: 'A rule for these words' });
    const words = await dialog.getByLabel('Phrase').inputValue();
    await dialog.getByLabel('Always suggest').check();
    await dialog.getByLabel('instead').fill('the technology group');
    await dialog.getByLabel('in every document').check();
    await dialog.getByRole('button', { name: 'Add the rule' }).click();
    await expect.poll(() => flagsOf(offer).getByRole('button', { name: 'Use “the technology group”' }).count()).toBe(1);
    const fresh = await importText('Fresh story', `Shares fell after ${words} spoke on Sunday.`);
    await page.goto(`${server.url}/documents/${fresh}`);
    expect(await flagsOf('Shares fell').getByRole('button', { name: 'Use “the technology group”' }).count()).toBe(1);
  });

  it('lists, edits and deletes the rules on the Rules page, which an editor finds from every page', async () => {
    await page.goto(`${server.url}/documents/1`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rules' }).click();
    await page.waitForURL(/\/rules$/);
    const rows = page.locator('.rules-table tbody tr');
    expect(await rows.count()).toBe(3);
    await page.screenshot({ path: '/tmp/retouche-rules-page-1440.png', fullPage: true });
    await expectNoButtonOverText();
    const decrees = rows.filter({ hasText: '“Decrees”' });
    await decrees.getByText('Edit').click();
    await decrees.getByLabel('Note').fill('a house term');
    await decrees.getByRole('button', { name: 'Save the rule' }).click();
    await page.waitForURL(/\/rules$/);
    expect(await page.locator('.rules-table tbody tr', { hasText: '“Decrees”' }).textContent()).toContain('a house term');
    page.once('dialog', (question) => void question.accept());
    await page.locator('.rules-table tbody tr', { hasText: '“Decrees”' }).getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL(/\/rules$/);
    expect(await page.locator('.rules-table tbody tr').count()).toBe(2);
    expect(await page.locator('.rule-changes').textContent()).toMatch(/deleted never flag “Decrees”/);
    await page.goto(`${server.url}/documents/1`);
    expect(await flagsOf('Decrees against complaint').filter({ hasText: '"Decrees"' }).count()).toBe(1);
    // A deleted rule can be restored from the list of changes, as it was.
    await page.goto(`${server.url}/rules`);
    await page.locator('.rule-changes li', { hasText: 'deleted never flag “Decrees”' }).getByRole('button', { name: 'Restore' }).click();
    await page.waitForURL(/\/rules$/);
    expect(await page.locator('.rules-table tbody tr', { hasText: '“Decrees”' }).textContent()).toContain('a house term');
    expect(await page.locator('.rule-changes li', { hasText: 'deleted never flag “Decrees”' }).getByRole('button', { name: 'Restore' }).count()).toBe(0);
  });
});

describe('observed precision on the Rules page, in Chromium', () => {
  it('says which check\'s suggestions became hints after editors dismissed them, and an admin overrides it', async () => {
    const sentences = Array.from({ length: 11 }, (_, index) => `In week ${index + 1} the defence minister spoke.`);
    const id = await importText('Defence weeks', sentences.join('\n\n'));
    await server.fetch(`/api/documents/${id}/variant`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ variant: 'us' }) });
    const { segments } = await (await server.fetch(`/api/documents/${id}`)).json();
    for (const segment of segments.slice(0, 10)) {
      const flag = segment.flags.find((item: { checkId: string }) => item.checkId === 'spelling-variant');
      const response = await server.fetch(`/api/segments/${segment.id}/dismissals`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ checkId: flag.checkId, start: flag.start, end: flag.end, baseRevision: segment.revision }),
      });
      expect(response.status).toBe(201);
    }
    await page.goto(`${server.url}/documents/${id}`);
    const last = page.locator('.segment', { hasText: 'In week 11 ' }).locator('.flag-item', { hasText: 'British or American spelling' });
    expect(await last.locator('.flag-hint').textContent()).toMatch(/Hint: “defense”/);
    expect(await last.getByRole('button', { name: 'Use “defense”' }).count()).toBe(0);

    await server.ensureUser('admin');
    const admin = await (await chromium.browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    admin.on('pageerror', (error) => scriptErrors.push(error.message));
    await logInThroughForm(admin, server.url, 'admin');
    await admin.goto(`${server.url}/rules#precision`);
    const row = admin.locator('.precision-table tr[data-subject="check:spelling-variant"]');
    expect(await row.textContent()).toMatch(/hints \(below the line\)/);
    await row.scrollIntoViewIfNeeded();
    await admin.screenshot({ path: '/tmp/retouche-rules-precision-1440.png' });
    await row.getByLabel('Suggestions of spelling-variant').selectOption('one-key');
    await row.getByRole('button', { name: 'Set' }).click();
    await admin.waitForURL(/\/rules#precision$/);
    expect(await admin.locator('.precision-table tr[data-subject="check:spelling-variant"]').textContent()).toMatch(/one-key \(set by an admin\)/);
    await page.reload();
    expect(await page.locator('.segment', { hasText: 'In week 11 ' }).getByRole('button', { name: 'Use “defense”' }).count()).toBe(1);
    // The post-editing report shows the observed precision beside the document's own.
    await page.goto(`${server.url}/documents/${id}/report`);
    const check = page.locator('tr', { hasText: 'British or American spelling' });
    expect(await check.locator('td').last().textContent()).toMatch(/^0.0 % of 10$/);
    await check.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/retouche-rules-report-1440.png' });
  });
});

describe('the English variant control, in Chromium', () => {
  it('shows the guessed variant, and choosing American brings the British spellings\' flags, kept after a reload and in the timeline', async () => {
    const id = await importText('British story', BRITISH);
    await page.goto(`${server.url}/documents/${id}`);
    const control = page.locator('form.variant-form');
    expect(await control.getByLabel('Spelling').inputValue()).toBe('uk');
    expect(await page.locator('.flag-item', { hasText: 'British spelling' }).count()).toBe(0);
    await control.getByLabel('Spelling').selectOption('us');
    await control.getByRole('button', { name: 'Set' }).click();
    await page.waitForURL(new RegExp(`/documents/${id}$`));
    await expect.poll(() => page.locator('.flag-item', { hasText: 'British spelling' }).count()).toBeGreaterThan(3);
    await page.reload();
    expect(await page.locator('form.variant-form').getByLabel('Spelling').inputValue()).toBe('us');
    expect(await page.locator('.flag-item', { hasText: 'British spelling' }).count()).toBeGreaterThan(3);
    await page.screenshot({ path: '/tmp/retouche-rules-variant-1440.png' });
    await expectNoButtonOverText();
    await page.goto(`${server.url}/documents/${id}/timeline`);
    expect(await page.locator('.timeline .variant-entry').textContent()).toMatch(/Rule Maker\s+set the English variant to American English/);
  });

  it('works at phone size: the flag menu, the dialog, the variant control and the Rules page', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/documents/1`);
    await page.screenshot({ path: '/tmp/retouche-rules-document-390.png' });
    await expectNoButtonOverText();
    await flagsOf('Microsoft\'s offer to buy out').first().getByRole('link', { name: 'Rule…' }).click();
    await page.screenshot({ path: '/tmp/retouche-rules-dialog-390.png' });
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.goto(`${server.url}/rules`);
    await page.screenshot({ path: '/tmp/retouche-rules-page-390.png' });
    await page.locator('#add').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/retouche-rules-page-390-add.png' });
    await expectNoButtonOverText();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    expect(scriptErrors).toEqual([]);
  });
});
