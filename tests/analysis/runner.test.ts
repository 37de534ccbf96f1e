import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { joinTexts, type DocumentFacts } from '../../src/analysis/engine.js';
import { createInProcessRunner, createWorkerRunner } from '../../src/analysis/runner.js';
import { segmentArticle } from '../../src/text/segment-article.js';
import { SEED_FILE } from '../support/test-server.js';

const SEED = segmentArticle(fs.readFileSync(SEED_FILE, 'utf8'));
const FACTS: DocumentFacts = {
  version: 1, targetLanguage: 'en', ids: SEED.map((_, index) => index + 1), revisions: SEED.map(() => 0), paragraphs: SEED.map((segment) => segment.paragraph),
  texts: joinTexts(SEED.map((segment) => segment.text)), originals: joinTexts(SEED.map((segment) => segment.text)),
};

describe('the analysis worker', () => {
  const worker = createWorkerRunner();
  afterAll(() => worker.close());

  it('answers as the engine does in this thread, in the order it was told things', async () => {
    const here = createInProcessRunner();
    expect(await worker.analyseDocument(1, FACTS)).toEqual(await here.analyseDocument(1, FACTS));
    const text = 'The Chinese TikTok app in front of the American flag.';
    expect(await worker.analyseText(1, 1, 0, text)).toEqual(await here.analyseText(1, 1, 0, text));
    // Told without waiting, then asked: the refresh sees the text.
    void worker.applyTexts(1, [{ position: 0, revision: 1, text }]);
    void here.applyTexts(1, [{ position: 0, revision: 1, text }]);
    expect(await worker.refresh(1, 1, 1)).toEqual(await here.refresh(1, 1, 1));
  });

  it('starts again after it stopped, holding nothing', async () => {
    await worker.analyseDocument(2, FACTS);
    await worker.close();
    expect(await worker.analyseText(2, 1, 3, 'Another text.')).toBeNull();
    expect(await worker.refresh(2, 1, 0)).toBe('not-loaded');
  });
});
