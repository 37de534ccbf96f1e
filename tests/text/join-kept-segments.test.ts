import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { joinKeptSegments } from '../../src/text/join-kept-segments.js';
import { segmentArticle } from '../../src/text/segment-article.js';
import { SEED_FILE } from '../support/test-server.js';

function dropping(text: string, drop: readonly string[]): string {
  const segments = segmentArticle(text);
  return joinKeptSegments(text, segments, [], segments.map((segment) => !drop.includes(segment.text)));
}

describe('joinKeptSegments', () => {
  it.each([
    ['nothing dropped gives the input back', 'A one.\n\nB two. C three.\n', [], 'A one.\n\nB two. C three.\n'],
    ['a whole paragraph', 'A one.\n\nB two.\n\nC three.\n', ['B two.'], 'A one.\n\nC three.\n'],
    ['the first sentence of a paragraph keeps the paragraph break', 'A one.\n\nB two. C three.', ['B two.'], 'A one.\n\nC three.'],
    ['the last sentence of a paragraph', 'A one. B two.\n\nC three.', ['B two.'], 'A one.\n\nC three.'],
    ['leading paragraphs leave no blank lines', '-\n\nPhoto / AFP /\n\nBody text.\n', ['-', 'Photo / AFP /'], 'Body text.\n'],
    ['a list item keeps the markers of the others', '  • One\n\n  • Two\n\n  • Three', ['Two'], '  • One\n\n  • Three'],
    ['the first list item keeps the next item\'s marker', 'Intro.\n\n  • One\n\n  • Two', ['Intro.', 'One'], '  • Two'],
    ['everything dropped', 'A one.\n\nB two.', ['A one.', 'B two.'], ''],
  ])('%s', (_name, text, drop, expected) => {
    expect(dropping(text, drop)).toBe(expected);
  });

  it('drops the page noise of the seed article and keeps its paragraphs', () => {
    const seed = fs.readFileSync(SEED_FILE, 'utf8');
    const clean = dropping(seed, ['-', 'Dongxu Fang / Costfoto / Sipa USA /', 'Society', 'World', 'United States', 'Video']);
    expect(clean.startsWith('The Chinese TikTok application in front of the American flag.\n\nThis is an announcement')).toBe(true);
    expect(clean).toContain('did not immediately confirm.\n\nMany teens swindled');
    expect(clean).toContain('of espionage\n\n  • Donald trump\n\n  • High-Tech');
  });
});
