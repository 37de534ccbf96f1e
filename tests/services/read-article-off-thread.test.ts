import { describe, expect, it } from 'vitest';
import { FormatError } from '../../src/formats/format-error.js';
import { isReaderRunning, readArticleFileOffThread, READER_IDLE_MS } from '../../src/services/read-article-off-thread.js';

const PARAGRAPH = '<p>Meteorologists placed three departments on orange alert on Sunday evening, as a storm approached the coast.</p>';
const page = (body: string) => `<!DOCTYPE html><html lang="en"><head><title>Storm</title></head><body><main><article><h1>Storm warning</h1>${body}</article></main></body></html>`;
const htmlFile = (html: string) => ({ name: 'page.html', bytes: new TextEncoder().encode(html), mediaType: 'text/html' });
// Readability's time grows with nesting times size: this page takes seconds to read.
const deeplyNested = page(('<div>'.repeat(200) + PARAGRAPH + '</div>'.repeat(200)).repeat(40));

describe('reading files off the request thread', () => {
  it('reads a page in the worker, as the reader of its format does', async () => {
    const { article } = await readArticleFileOffThread(htmlFile(page(PARAGRAPH.repeat(3))), 'article');
    expect(article.title).toBe('Storm warning');
    expect(article.blocks.filter((block) => block.role === 'body')).toHaveLength(3);
  });

  it('passes a refusal back as the format error it is', async () => {
    const reading = readArticleFileOffThread({ name: 'empty.txt', bytes: new TextEncoder().encode('  \n') }, 'source');
    await expect(reading).rejects.toThrow(FormatError);
    await expect(reading).rejects.toMatchObject({ problem: 'empty', message: expect.stringContaining('The source is empty') });
  });

  it('stops a read that outlasts its limit, and the next read works', async () => {
    const started = performance.now();
    const reading = readArticleFileOffThread(htmlFile(deeplyNested), 'article', 400);
    await expect(reading).rejects.toMatchObject({ problem: 'too-large', message: expect.stringContaining('took more than 1 seconds') });
    expect(performance.now() - started).toBeLessThan(3_000);
    const { article } = await readArticleFileOffThread(htmlFile(page(PARAGRAPH)), 'article');
    expect(article.blocks.some((block) => block.role === 'body')).toBe(true);
  });

  it('leaves this thread free while a slow page is read', async () => {
    let longestGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    try {
      const started = performance.now();
      await expect(readArticleFileOffThread(htmlFile(deeplyNested), 'article', 1_500)).rejects.toMatchObject({ problem: 'too-large' });
      expect(performance.now() - started).toBeGreaterThan(1_400);
    } finally {
      clearInterval(ticker);
    }
    // The thread ticked throughout: no gap near the read's length.
    expect(longestGap).toBeLessThan(250);
  });

  it('ends the worker once it has had nothing to read for a while, and starts one for the next file', async () => {
    await readArticleFileOffThread(htmlFile(page(PARAGRAPH)), 'article');
    expect(isReaderRunning()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, READER_IDLE_MS + 500));
    expect(isReaderRunning()).toBe(false);
    const { article } = await readArticleFileOffThread(htmlFile(page(PARAGRAPH)), 'article');
    expect(article.title).toBe('Storm warning');
  }, READER_IDLE_MS + 20_000);
});
