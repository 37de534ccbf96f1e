import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capSegmentLength, joinSegments, segmentArticle } from '../../src/text/segment-article.js';

interface SeedAnnotation {
  segments: { text: string; role: string }[];
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const seedText = readFileSync(path.resolve(repoRoot, 'seeds/000_4247dde334aa655b.txt'), 'utf8');
// A careful editor's annotation of the seed, copied from the shared data into tests/fixtures/.
const seedAnnotation = JSON.parse(
  readFileSync(path.resolve(repoRoot, 'tests/fixtures/seed-annotations.json'), 'utf8'),
) as SeedAnnotation;

function texts(article: string): string[] {
  return segmentArticle(article).map((segment) => segment.text);
}

describe('segmentArticle on the seed article', () => {
  const segments = segmentArticle(seedText);

  it('splits into exactly the annotated segments', () => {
    expect(segments.map((segment) => segment.text)).toEqual(seedAnnotation.segments.map((segment) => segment.text));
  });

  it('numbers positions and paragraphs (every seed paragraph is one segment)', () => {
    expect(segments.map((segment) => [segment.position, segment.paragraph])).toEqual(
      seedAnnotation.segments.map((_, index) => [index, index]),
    );
  });

  it('keeps offsets into the original text', () => {
    for (const segment of segments) expect(seedText.slice(segment.start, segment.end)).toBe(segment.text);
    expect(joinSegments(seedText, segments)).toBe(seedText);
  });
});

describe('segmentArticle', () => {
  it.each<[string, string, string[]]>([
    ['empty text', '', []],
    ['whitespace only', ' \n\r\n\t \n', []],
    ['no final punctuation', 'Breaking news', ['Breaking news']],
    ['a separator paragraph', 'Caption.\n\n-\n\nBody.', ['Caption.', '-', 'Body.']],
    ['list markers are structure', '  • United States\n- Donald trump\n* Video\n– Economy', ['United States', 'Donald trump', 'Video', 'Economy']],
    ['markers without a space stay text', '-5% today\n--\n•x', ['-5% today', '--', '•x']],
    ['a bullet with nothing after is a segment', '•   \n\nText.', ['•', 'Text.']],
    ['numbered items keep their numbers', '1. First point.\n2. Second point.', ['1. First point.', '2. Second point.']],
    ['soft-wrapped lines stay one sentence', 'The deal was\nrejected on Sunday. Talks ended.', ['The deal was\nrejected on Sunday.', 'Talks ended.']],
  ])('%s', (_name, input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  it('separates paragraphs on blank lines with any line end', () => {
    const article = 'Title\r\n\r\nFirst one. Second one.\r  \rThird.\n \t\nFourth\r\nFifth line.';
    expect(segmentArticle(article).map(({ paragraph, text }) => [paragraph, text])).toEqual([
      [0, 'Title'],
      [1, 'First one.'],
      [1, 'Second one.'],
      [2, 'Third.'],
      [3, 'Fourth'],
      [3, 'Fifth line.'],
    ]);
  });

  it('returns complete segments with offsets', () => {
    expect(segmentArticle('Hi.\n\n  • Tag')).toEqual([
      { start: 0, end: 3, paragraph: 0, position: 0, text: 'Hi.' },
      { start: 9, end: 12, paragraph: 1, position: 1, text: 'Tag' },
    ]);
  });

  it('returns a megabyte line without punctuation as one segment', () => {
    const article = 'x'.repeat(1_000_000);
    expect(segmentArticle(article)).toEqual([{ start: 0, end: 1_000_000, paragraph: 0, position: 0, text: article }]);
  });
});

describe('joinSegments', () => {
  const article = '  • Tag one\r\n\r\nFirst sentence. Second one!\n\n-\n';

  it('rebuilds the article byte for byte', () => {
    expect(joinSegments(article, segmentArticle(article))).toBe(article);
  });

  it('replaces segments and keeps everything between them', () => {
    const segments = segmentArticle(article);
    expect(joinSegments(article, segments, ['Tag 1', undefined, 'Second sentence!', '—'])).toBe(
      '  • Tag 1\r\n\r\nFirst sentence. Second sentence!\n\n—\n',
    );
  });

  it('rejects overlapping segments', () => {
    expect(() =>
      joinSegments('abcdef', [
        { start: 0, end: 4, text: 'abcd' },
        { start: 2, end: 6, text: 'cdef' },
      ]),
    ).toThrow(RangeError);
  });
});

describe('segmentArticle round trip (property)', () => {
  const piece = fc.constantFrom(
    'The', 'company', 'TikTok', 'U.S.', 'Mr.', 'Inc.', '$1.2bn', '3.5', 'a.m.', 'é', 'Zürich', '日本語', '😀',
    '.', '!', '?', '…', '...', ',', ';', '"', '“', '”', "'", '’', '(', ')', '[', ']',
    ' ', ' ', '  ', '\t', '\u00a0', '\n', '\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\n \t\n',
    '• ', '◦ ', '▪ ', '‣ ', '⁃', '- ', '-', '* ', '– ', '  • ', '1. ', '2) ', 'a. ',
  );
  const articles = fc.array(piece, { maxLength: 80 }).map((pieces) => pieces.join(''));
  const blankLine = /(\r\n|\r(?!\n)|\n)[^\S\r\n]*(\r|\n)/;

  it('rebuilds any article exactly from its segments', () => {
    fc.assert(
      fc.property(articles, (article) => {
        const segments = segmentArticle(article);
        expect(joinSegments(article, segments)).toBe(article);
        let previousEnd = 0;
        let previousParagraph = -1;
        segments.forEach((segment, index) => {
          expect(segment.position).toBe(index);
          expect(segment.start).toBeGreaterThanOrEqual(previousEnd);
          expect(segment.text).toBe(article.slice(segment.start, segment.end));
          expect(segment.text.length).toBeGreaterThan(0);
          expect(segment.text).toBe(segment.text.trim());
          expect(segment.text).not.toMatch(blankLine);
          expect(segment.paragraph - previousParagraph).toBeGreaterThanOrEqual(index === 0 ? 1 : 0);
          expect(segment.paragraph - Math.max(previousParagraph, 0)).toBeLessThanOrEqual(1);
          previousEnd = segment.end;
          previousParagraph = segment.paragraph;
        });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('capSegmentLength', () => {
  const cap = (text: string, maxLength: number) => capSegmentLength(text, segmentArticle(text), maxLength);

  it('cuts a long sentence at the last whitespace that fits, keeping short ones and the paragraphs', () => {
    const text = 'Short one.\n\nalpha beta gamma delta epsilon';
    expect(cap(text, 12).map(({ text: piece, paragraph, position }) => [piece, paragraph, position])).toEqual([
      ['Short one.', 0, 0], ['alpha beta', 1, 1], ['gamma delta', 1, 2], ['epsilon', 1, 3],
    ]);
  });

  it('cuts a run without whitespace at the limit, never inside a surrogate pair', () => {
    expect(cap('abcdefghij', 4).map((segment) => segment.text)).toEqual(['abcd', 'efgh', 'ij']);
    expect(cap('ab😀cd', 3).map((segment) => segment.text)).toEqual(['ab', '😀c', 'd']);
  });

  it('gives pieces of at most the limit that join back into the text, on any text', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '😀', '. '), maxLength: 200 }), fc.integer({ min: 2, max: 30 }), (text, maxLength) => {
      const pieces = cap(text, maxLength);
      expect(joinSegments(text, pieces)).toBe(text);
      for (const [index, piece] of pieces.entries()) {
        expect(piece.text).toBe(text.slice(piece.start, piece.end));
        expect(piece.text.length).toBeLessThanOrEqual(maxLength);
        expect(piece.text.trim()).toBe(piece.text);
        expect(piece.text).not.toBe('');
        expect(piece.position).toBe(index);
      }
    }), { numRuns: 500 });
  });
});
