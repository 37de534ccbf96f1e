import { describe, expect, it } from 'vitest';
import { joinBlocks, layOutArticle, readPlainText } from '../../src/formats/article.js';
import { segmentArticle } from '../../src/text/segment-article.js';

describe('layOutArticle', () => {
  it('keeps a plain-text article exactly, with the segments segmentArticle gives it', () => {
    const text = '\uFEFFTitle\r\n\r\n\r\n  • First item. Second sentence.\n  • Second item\n\n-\n\nLast one.\n';
    const layout = layOutArticle(readPlainText(text));
    expect(layout.text).toBe(text);
    expect(layout.segments.map(({ block, ...segment }) => segment)).toEqual(segmentArticle(text));
    expect(layout.segments.every((segment) => segment.block === 0)).toBe(true);
  });

  it('puts blocks a blank line apart, cuts each into sentences on its own, and numbers paragraphs through the article', () => {
    const layout = layOutArticle({
      blocks: [
        { text: 'A headline', role: 'heading' },
        { text: 'First sentence. Second sentence.' },
        // XLIFF segments of one unit: no full stop, still two sentences, one paragraph.
        { text: 'A segment without a stop', joinsPrevious: true },
        { text: '' },
        { text: 'Next paragraph.\n\nAnd one more inside the same block.' },
      ],
    });
    expect(layout.text).toBe('A headline\n\nFirst sentence. Second sentence. A segment without a stop\n\n\n\nNext paragraph.\n\nAnd one more inside the same block.');
    expect(layout.segments.map(({ text, paragraph, block, position }) => ({ text, paragraph, block, position }))).toEqual([
      { text: 'A headline', paragraph: 0, block: 0, position: 0 },
      { text: 'First sentence.', paragraph: 1, block: 1, position: 1 },
      { text: 'Second sentence.', paragraph: 1, block: 1, position: 2 },
      { text: 'A segment without a stop', paragraph: 1, block: 2, position: 3 },
      { text: 'Next paragraph.', paragraph: 2, block: 4, position: 4 },
      { text: 'And one more inside the same block.', paragraph: 3, block: 4, position: 5 },
    ]);
    for (const segment of layout.segments) expect(layout.text.slice(segment.start, segment.end)).toBe(segment.text);
    expect(layout.ranges.map(({ start, end }) => layout.text.slice(start, end))).toEqual([
      'A headline', 'First sentence. Second sentence.', 'A segment without a stop', '', 'Next paragraph.\n\nAnd one more inside the same block.',
    ]);
    expect(joinBlocks({ blocks: [{ text: 'a' }, { text: 'b', joinsPrevious: true }, { text: 'c' }] })).toEqual({
      text: 'a b\n\nc', ranges: [{ start: 0, end: 1 }, { start: 2, end: 3 }, { start: 5, end: 6 }],
    });
  });
});
