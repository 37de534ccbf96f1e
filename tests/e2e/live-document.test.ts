import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeriousViolations } from '../support/accessibility.js';
import { launchBrowser, logInThroughForm, type TestBrowser } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

// Two editors on one document, each in a browser context of their own (their own session): what
// one does reaches the other's page live, and nothing either types is overwritten unseen.

/** How soon a change must show on the other editor's page (issue 14: within one second). */
const LIVE_MS = 1_000;

let server: ServerProcess;
let chromium: TestBrowser;
let ana: Page;
let ben: Page;
const scriptErrors: string[] = [];
let documentId: number;
let otherDocumentId: number;

async function openEditorPage(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => scriptErrors.push(`${name}: ${error.message}`));
  await server.ensureUser(name);
  await logInThroughForm(page, server.url, name);
  return page;
}

async function importDocument(title: string, text: string): Promise<number> {
  const response = await server.fetch('/api/documents', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ title, text }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { document: { id: number } }).document.id;
}

/** A sentence's text as the server has it (the sentence is on its document's first page of the API). */
async function sentenceText(segmentId: string, inDocument = documentId): Promise<string> {
  const { segments } = await readSentences(inDocument);
  return segments.find((segment) => segment.id === Number(segmentId))!.text;
}

async function readSentences(id: number): Promise<{ segments: { id: number; text: string }[] }> {
  return (await server.fetch(`/api/documents/${id}`)).json() as Promise<{ segments: { id: number; text: string }[] }>;
}

/** Open a document's page and wait until its live stream is connected (so no change can slip in before). */
async function openDocument(page: Page, id: number): Promise<void> {
  const stream = page.waitForResponse((response) => response.url().includes(`/api/documents/${id}/events`));
  await page.goto(`${server.url}/documents/${id}`);
  await stream;
}

beforeAll(async () => {
  [server, chromium] = await Promise.all([startServerProcess(), launchBrowser()]);
  documentId = await importDocument('Council vote', [
    'The mayor has presented his party budget on Monday evening.',
    'The opposition criticised the council for its delays.',
    'Many residents attended the council meeting in the town hall.',
    'The vote of his party members is expected next week.',
  ].join('\n\n'));
  otherDocumentId = await importDocument('Harbour works', 'The deputy defended his party programme before the harbour workers.');
  [ana, ben] = await Promise.all([openEditorPage(chromium.browser, 'Ana Live'), openEditorPage(chromium.browser, 'Ben Live')]);
  await Promise.all([openDocument(ana, documentId), openDocument(ben, documentId)]);
}, 60_000);
afterAll(async () => {
  await chromium?.close();
  await server?.stop();
});

describe('two editors on one document', () => {
  it("shows one editor's correction on the other's page within a second, and the counts with it", async () => {
    const sentence = (page: Page) => page.locator('.segment', { hasText: 'opposition criticised' });
    const corrected = Number(await ben.locator('[data-count="corrected"]').textContent());
    await sentence(ana).locator('.sentence').click();
    await ana.fill('form.segment-form textarea', 'The opposition criticised the council for its long delays.');
    const saved = ana.waitForResponse((response) => response.request().method() === 'PUT' && response.url().includes('/api/segments/'));
    await ana.keyboard.press('Control+s');
    expect((await saved).status()).toBe(200);
    await expect.poll(() => sentence(ben).locator('.sentence-text').textContent(), { timeout: LIVE_MS, interval: 50 })
      .toBe('The opposition criticised the council for its long delays.');
    expect(await sentence(ben).locator('.status-badge').textContent()).toBe('edited');
    await expect.poll(async () => Number(await ben.locator('[data-count="corrected"]').textContent())).toBe(corrected + 1);
  });

  it('shows a new title given by someone else', async () => {
    const renamed = await server.fetch(`/api/documents/${documentId}/title`, {
      method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ title: 'Council vote on Monday' }),
    }, 'Ana Live');
    expect(renamed.status).toBe(200);
    await expect.poll(() => ben.locator('.page-head h1').textContent(), { timeout: LIVE_MS, interval: 50 }).toBe('Council vote on Monday');
  });

  it('shows who is editing which sentence, and stops when they close it', async () => {
    const sentence = (page: Page) => page.locator('.segment', { hasText: 'residents attended' });
    await sentence(ana).locator('.sentence').click();
    await expect.poll(() => sentence(ben).locator('.presence').textContent(), { timeout: 5_000 }).toBe('Ana Live is editing');
    // Nobody is told they are editing themselves.
    expect(await sentence(ana).locator('.presence').count()).toBe(0);
    await ana.keyboard.press('Escape');
    await expect.poll(() => sentence(ben).locator('.presence').count(), { timeout: 5_000 }).toBe(0);
  });

  it('never overwrites what an editor is typing: the other change shows with the merge view, and saving waits for a choice', async () => {
    const sentence = (page: Page) => page.locator('.segment', { hasText: 'residents attended' });
    const segmentId = (await sentence(ana).getAttribute('data-segment'))!;
    await sentence(ana).locator('.sentence').click();
    await ana.fill('form.segment-form textarea', 'Many residents attended the council meeting in the old town hall.');
    await sentence(ben).locator('.sentence').click();
    await ben.fill('form.segment-form textarea', 'Many residents came to the council meeting in the town hall.');
    await ben.keyboard.press('Control+s');
    await expect.poll(() => sentenceText(segmentId)).toBe('Many residents came to the council meeting in the town hall.');

    const merge = ana.locator('.merge-view');
    await merge.waitFor({ timeout: 5_000 });
    expect(await merge.locator('p').first().textContent()).toMatch(/^Changed by Ben Live while you were typing/);
    expect((await merge.locator('.merge-theirs ins').allTextContents()).join(' ').replace(/\s+/g, ' ').trim()).toBe('came to');
    expect((await merge.locator('.merge-yours ins').allTextContents()).join('').trim()).toBe('old');
    // Ben's own save redrew the sentence: Ana is still shown editing it.
    await expect.poll(() => sentence(ben).locator('.presence').textContent()).toBe('Ana Live is editing');
    // Ana's text is still in her editor, not replaced by Ben's.
    expect(await ana.inputValue('form.segment-form textarea')).toBe('Many residents attended the council meeting in the old town hall.');

    // Saving before choosing is refused again: Ben's text stays.
    await ana.locator('form.segment-form textarea').focus();
    const refused = ana.waitForResponse((response) => response.request().method() === 'PUT' && response.url().endsWith(`/api/segments/${segmentId}`));
    await ana.keyboard.press('Control+s');
    expect((await refused).status()).toBe(409);
    await merge.waitFor();
    expect(await sentenceText(segmentId)).toBe('Many residents came to the council meeting in the town hall.');

    // Chosen knowingly, Ana's text replaces Ben's.
    await merge.getByRole('button', { name: 'Use mine' }).click();
    expect(await ana.locator('.merge-note').textContent()).toMatch(/replaces their version/);
    const saved = ana.waitForResponse((response) => response.request().method() === 'PUT' && response.url().endsWith(`/api/segments/${segmentId}`));
    await ana.keyboard.press('Control+s');
    expect((await saved).status()).toBe(200);
    await expect.poll(() => sentenceText(segmentId)).toBe('Many residents attended the council meeting in the old town hall.');
    await expect.poll(() => sentence(ben).locator('.sentence-text').textContent(), { timeout: LIVE_MS, interval: 50 })
      .toBe('Many residents attended the council meeting in the old town hall.');
  });

  it('shows the merge view after a 409 on save, where the editor may keep their text', async () => {
    // A page whose stream never answers: the save itself must be what tells Ana.
    const page = await ana.context().newPage();
    await page.route('**/api/documents/*/events*', () => {});
    await page.goto(`${server.url}/documents/${documentId}`);
    const sentence = page.locator('.segment', { hasText: 'opposition criticised' });
    const segmentId = (await sentence.getAttribute('data-segment'))!;
    await sentence.locator('.sentence').click();
    await page.fill('form.segment-form textarea', 'The opposition blamed the council for its long delays.');
    const response = await server.fetch(`/api/segments/${segmentId}`, {
      method: 'PUT', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'The opposition criticised the council for its many delays.', baseRevision: Number(await sentence.getAttribute('data-revision')) }),
    }, 'Ben Live');
    expect(response.status).toBe(200);
    const refused = page.waitForResponse((answer) => answer.request().method() === 'PUT' && answer.url().endsWith(`/api/segments/${segmentId}`));
    await page.keyboard.press('Control+s');
    expect((await refused).status()).toBe(409);
    const merge = page.locator('.merge-view');
    expect(await merge.locator('p').first().textContent()).toMatch(/^This sentence was changed by Ben Live since you opened it/);
    expect(await findSeriousViolations(page)).toEqual([]);
    await merge.getByRole('button', { name: 'Keep theirs' }).click();
    expect(await page.inputValue('form.segment-form textarea')).toBe('The opposition criticised the council for its many delays.');
    await page.keyboard.press('Escape');
    expect(await page.locator('form.segment-form').isHidden()).toBe(true);
    expect(await sentenceText(segmentId)).toBe('The opposition criticised the council for its many delays.');
    await page.close();
  });
});

describe('undo from the notice', () => {
  /** Ana saves "Monday night" in place of "Monday evening" through her editor; the sentence's id and its text before. */
  async function saveMondayNight(): Promise<{ segmentId: string; before: string }> {
    const sentence = ana.locator('.segment', { hasText: 'presented his party budget' });
    const segmentId = (await sentence.getAttribute('data-segment'))!;
    const before = await sentenceText(segmentId);
    await sentence.locator('.sentence').click();
    await ana.fill('form.segment-form textarea', before.replace('Monday evening', 'Monday night'));
    await ana.keyboard.press('Control+s');
    return { segmentId, before };
  }

  it('undoes a save with the button', async () => {
    const { segmentId, before } = await saveMondayNight();
    await expect.poll(() => sentenceText(segmentId)).toContain('Monday night');
    expect(await findSeriousViolations(ana)).toEqual([]);
    await ana.locator('.undo-bar').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => sentenceText(segmentId)).toBe(before);
    await expect.poll(() => ana.locator(`#segment-${segmentId} .sentence-text`).textContent()).toBe(before);
    // The undo is itself offered back.
    expect(await ana.locator('.undo-bar').getByRole('button', { name: 'Redo' }).count()).toBe(1);
  });

  it('refuses the undo, saying who, when someone changed the sentence since', async () => {
    const { segmentId, before } = await saveMondayNight();
    await ana.locator('.undo-bar', { hasText: 'Saved as version' }).waitFor();
    const revision = Number(await ana.locator(`#segment-${segmentId}`).getAttribute('data-revision'));
    const theirs = await server.fetch(`/api/segments/${segmentId}`, {
      method: 'PUT', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: before.replace('Monday evening', 'Monday at night'), baseRevision: revision }),
    }, 'Ben Live');
    expect(theirs.status).toBe(200);
    await ana.locator('.undo-bar').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => ana.locator('.toast').textContent()).toBe('The sentence was changed since by Ben Live: not undone, so their work stays.');
    expect(await sentenceText(segmentId)).toBe(before.replace('Monday evening', 'Monday at night'));
  });

  it('undoes an applied suggestion and a dismissal with z', async () => {
    await openDocument(ana, 1);
    const tenant = ana.locator('.segment', { hasText: 'tenant of the White House' });
    const segmentId = (await tenant.getAttribute('data-segment'))!;
    const before = await sentenceText(segmentId, 1);
    const flags = await tenant.locator('.flag-item').count();
    await tenant.locator('.flag-item button.apply').first().click();
    await expect.poll(() => sentenceText(segmentId, 1)).not.toBe(before);
    await ana.locator('.undo-bar').waitFor();
    await ana.locator(`#segment-${segmentId} .sentence`).focus();
    await ana.keyboard.press('z');
    await expect.poll(() => sentenceText(segmentId, 1)).toBe(before);
    await expect.poll(() => ana.locator(`#segment-${segmentId} .flag-item`).count()).toBe(flags);

    await ana.locator(`#segment-${segmentId} .flag-item button.dismiss`).first().click();
    await expect.poll(() => ana.locator(`#segment-${segmentId} .flag-item`).count()).toBe(flags - 1);
    await ana.locator(`#segment-${segmentId} .sentence`).focus();
    await ana.keyboard.press('Control+z');
    await expect.poll(() => ana.locator(`#segment-${segmentId} .flag-item`).count()).toBe(flags);
  });

  it("undoes from the sentence history, whose notice then takes z to redo", async () => {
    await openDocument(ana, documentId);
    const sentence = ana.locator('.segment', { hasText: 'residents attended' });
    const segmentId = (await sentence.getAttribute('data-segment'))!;
    const before = await sentenceText(segmentId);
    await sentence.locator('.sentence').click();
    await ana.fill('form.segment-form textarea', `${before.slice(0, -1)} on Monday.`);
    const saved = ana.waitForResponse((response) => response.request().method() === 'PUT' && response.url().endsWith(`/api/segments/${segmentId}`));
    await ana.keyboard.press('Control+s');
    const { action } = (await (await saved).json()) as { action: { id: number } };
    await ana.goto(`${server.url}/segments/${segmentId}/history`);
    await Promise.all([
      ana.waitForURL((url) => url.searchParams.has('action')),
      ana.locator(`form.undo[action="/actions/${action.id}/undo"] button`).click(),
    ]);
    expect(await sentenceText(segmentId)).toBe(before);
    expect(await ana.locator('.undo-notice button').textContent()).toBe('Redo');
    const undo = new URL(ana.url()).searchParams.get('action');
    await Promise.all([ana.waitForURL((url) => url.searchParams.has('action') && url.searchParams.get('action') !== undo), ana.keyboard.press('z')]);
    expect(await sentenceText(segmentId)).toBe(`${before.slice(0, -1)} on Monday.`);
  });

  it('undoes a replace batch from the notice of the page it ends on, with z', async () => {
    await ana.goto(`${server.url}/documents/${documentId}/replace?find=council&replace=board&wholeWord=1`);
    const ticked = await ana.locator('.matches input[type="checkbox"]:checked').count();
    expect(ticked).toBeGreaterThan(1);
    await ana.getByRole('button', { name: 'Replace in the ticked sentences' }).click();
    await ana.locator('.undo-notice').waitFor();
    expect(await ana.locator('.undo-notice').innerText()).toContain('or press z');
    const changed = await readSentences(documentId);
    expect(changed.segments.filter((segment) => segment.text.includes('board'))).toHaveLength(ticked);
    await Promise.all([ana.waitForURL((url) => url.searchParams.has('action')), ana.keyboard.press('z')]);
    const restored = await readSentences(documentId);
    expect(restored.segments.filter((segment) => segment.text.includes('board'))).toHaveLength(0);
  });
});

describe('propagation after a save', () => {
  it('lists this article\'s matches ticked and another article\'s under its title, unticked, each as a diff', async () => {
    await openDocument(ana, documentId);
    const sentence = ana.locator('.segment', { hasText: 'vote of his party' });
    await sentence.locator('.sentence').click();
    await ana.fill('form.segment-form textarea', 'The vote of her party members is expected next week.');
    await ana.keyboard.press('Control+s');
    const panel = ana.locator('.propagation');
    await panel.waitFor();
    expect(await panel.locator('p').first().textContent()).toContain('1 other sentence of this article contains “his”; 1 sentence in 1 other article does too.');
    const groups = panel.locator('fieldset.matches-group');
    expect(await groups.locator('legend').allTextContents()).toEqual(['In this article', 'In “Harbour works” (another article: tick to change it too)']);
    expect(await groups.nth(0).locator('input[type="checkbox"]').isChecked()).toBe(true);
    expect(await groups.nth(1).locator('input[type="checkbox"]').isChecked()).toBe(false);
    expect(await groups.nth(0).locator('del').allTextContents()).toEqual(['his']);
    expect(await groups.nth(0).locator('ins').allTextContents()).toEqual(['her']);

    await panel.getByRole('button', { name: 'Apply to the ticked sentences' }).click();
    await ana.locator('.undo-bar', { hasText: 'Changed 1 more sentence' }).waitFor();
    const other = await readSentences(otherDocumentId);
    expect(other.segments[0]!.text).toContain('his party');
    await expect.poll(() => ana.locator('.segment', { hasText: 'presented her party budget' }).count()).toBe(1);
    await ana.locator('.undo-bar').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => ana.locator('.segment', { hasText: 'presented his party budget' }).count()).toBe(1);
  });

  it('left no script error on either page', () => {
    expect(scriptErrors).toEqual([]);
  });
});
