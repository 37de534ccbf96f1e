import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { TEST_PASSWORD } from './accounts.js';

/** Debian's Chromium: the only browser the tests use; they never download one. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Headless Chromium with a fresh profile, and `args` added to its command line. A missing browser fails the test run, here and in CI:
 * a skipped browser test would let a broken editor land.
 */
export async function launchBrowser(options: { args?: readonly string[] } = {}): Promise<TestBrowser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: run "apt-get install -y chromium" (or set CHROMIUM_PATH).`);
  }
  // Playwright starts every launch with a new empty --user-data-dir of its own and removes it on close.
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', ...(options.args ?? [])],
  });
  return { browser, close: () => browser.close() };
}

/** Log in through the login form, as a person would (the account must exist: see ensureUser). */
export async function logInThroughForm(page: import('playwright-core').Page, url: string, name: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.fill('input[name="name"]', name);
  await page.fill('input[name="password"]', TEST_PASSWORD);
  await Promise.all([page.waitForURL((target) => !target.pathname.startsWith('/login')), page.click('form.stacked button[type="submit"]')]);
}
