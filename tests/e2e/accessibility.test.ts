import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeriousViolations } from '../support/accessibility.js';
import { launchBrowser, logInThroughForm, type TestBrowser } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

let server: ServerProcess;
let chromium: TestBrowser;
let page: Page;

beforeAll(async () => {
  [server, chromium] = await Promise.all([startServerProcess(), launchBrowser()]);
  // Some history to show: an edit, a comment and an approval on the seed.
  const document = await (await server.fetch('/api/documents/1')).json();
  const tenant = document.segments[3];
  await server.fetch(`/api/segments/${tenant.id}`, {
    method: 'PUT', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text: tenant.text.replace('tenant', 'occupant'), baseRevision: 0, comment: 'false friend' }),
  });
  await server.fetch(`/api/segments/${tenant.id}/comments`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ body: 'Check the rest.' }) });
  page = await (await chromium.browser.newContext()).newPage();
  await server.ensureUser('admin');
  await logInThroughForm(page, server.url, 'admin');
});
afterAll(async () => {
  await chromium?.close();
  await server?.stop();
});

const seriousViolations = () => findSeriousViolations(page);

describe('accessibility (axe-core in Chromium)', () => {
  it.each([
    '/documents', '/documents/1', '/documents/1?flagged=1', '/segments/4/history', '/documents/1/timeline', '/documents/1/compare',
    '/documents/1/replace?find=TikTok&replace=Tiktok', '/documents/1/export', '/documents/1/report', '/import', '/account', '/admin/users',
  ])('%s has no serious or critical violation', async (path) => {
    await page.goto(`${server.url}${path}`);
    expect(await seriousViolations()).toEqual([]);
  });

  it('the document page with an editor open and the shortcut list shown has none either', async () => {
    await page.goto(`${server.url}/documents/1`);
    await page.locator('.sentence').first().click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    expect(await seriousViolations()).toEqual([]);
  });

  it('the question before dropping changed text, and a draft offered back, have none either', async () => {
    await page.goto(`${server.url}/documents/1`);
    await page.locator('.sentence').nth(4).click();
    await page.keyboard.type(' unsaved');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog.discard').isVisible()).toBe(true);
    expect(await seriousViolations()).toEqual([]);
    await page.keyboard.press('Escape');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.goto(`${server.url}/documents/1`);
    await expect.poll(() => page.locator('.draft-offer').count()).toBe(1);
    expect(await seriousViolations()).toEqual([]);
    await page.locator('.draft-offer').getByRole('button', { name: 'Discard' }).click();
  });

  it('the login page has none', async () => {
    const anonymous = await (await chromium.browser.newContext()).newPage();
    await anonymous.goto(`${server.url}/login`);
    const { violations } = await new AxeBuilder({ page: anonymous }).analyze();
    expect(violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual([]);
  });
});
