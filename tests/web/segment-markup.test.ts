import path from 'node:path';
import ejs from 'ejs';
import { describe, expect, it } from 'vitest';
import type { AnalyzedSegment } from '../../src/services/analyzed-segments.js';
import {
  ARTICLE_PLACEHOLDER, createSegmentMarkupCache, joinPage, renderArticleMarkup, renderSegmentMarkup, type SegmentMarkupContext,
} from '../../src/web/segment-markup.js';
import { toSegmentView } from '../../src/web/segment-views.js';
import { VIEWS_DIRECTORY } from '../../src/web/views-directory.js';

const EDITOR: SegmentMarkupContext = { canEdit: true, sourceLanguage: 'fr' };
const cache = createSegmentMarkupCache();

function sentence(overrides: Partial<AnalyzedSegment> = {}): AnalyzedSegment {
  return {
    id: 7, documentId: 1, position: 3, paragraph: 2, start: 0, end: 60, role: 'body',
    original: 'This will not fail to react the tenant of the White House.',
    text: 'This will not fail to react the tenant of the White House.',
    status: 'to-review', revision: 0, updatedAt: '2026-11-26T00:00:00.000Z', source: '',
    risk: 2, openFlags: 1, dismissedFlags: [],
    flags: [{
      checkId: 'false-friends', entryId: 'tenant-of-office', category: 'accuracy/false-friend', severity: 'major', start: 32, end: 38,
      message: '"tenant" copies French "locataire": write "occupant".', suggestions: ['occupant'], hint: false,
    }],
    ...overrides,
  };
}

// The partial rendered the ordinary way, through EJS with its includes: the markup must not differ.
async function renderThroughPartial(segment: AnalyzedSegment, context: SegmentMarkupContext): Promise<string> {
  return ejs.renderFile(path.join(VIEWS_DIRECTORY, '_partials', 'segment.ejs'), { segment: toSegmentView(segment), ...context },
    { root: VIEWS_DIRECTORY });
}

describe('segment markup', () => {
  it('is what the partial renders, flags and buttons included, with no form and no token', async () => {
    const markup = renderSegmentMarkup(cache, sentence(), EDITOR).toString('utf8');
    expect(markup).toBe(await renderThroughPartial(sentence(), EDITOR));
    expect(markup).toContain('<mark class="flag sev-major">tenant</mark>');
    expect(markup).toContain('<button class="apply" data-suggestion="0">Use “occupant”</button>');
    expect(markup).toContain('href="/segments/7/edit"');
    // The page's one editor form is outside the sentences: a sentence's markup is the same for every editor.
    expect(markup).not.toContain('<form');
    expect(markup).not.toContain('_csrf');
  });

  it('draws no flag on an excluded sentence (its flags are closed), and says how many it holds back', () => {
    const markup = renderSegmentMarkup(cache, sentence({ status: 'excluded', role: 'photo-caption', openFlags: 0 }), EDITOR).toString('utf8');
    expect(markup).not.toContain('<mark');
    expect(markup).not.toContain('class="flags"');
    expect(markup).not.toContain('Use “occupant”');
    expect(markup).toContain('1 flag not shown while the sentence is excluded');
  });

  it('is rendered again when anything it shows changes', async () => {
    const first = renderSegmentMarkup(cache, sentence(), EDITOR);
    expect(renderSegmentMarkup(cache, sentence(), EDITOR)).toBe(first);
    const variants: Array<[AnalyzedSegment, SegmentMarkupContext]> = [
      [sentence({ revision: 1, text: 'This will react the occupant of the White House.' }), EDITOR],
      [sentence({ status: 'approved' }), EDITOR],
      [sentence({ flags: [] , risk: 0 }), EDITOR],
      [sentence({ source: 'Le locataire de la Maison-Blanche.' }), EDITOR],
      [sentence(), { ...EDITOR, sourceLanguage: 'de' }],
      [sentence(), { ...EDITOR, canEdit: false }],
    ];
    for (const [segment, context] of variants) {
      const markup = renderSegmentMarkup(cache, segment, context);
      expect(markup).not.toBe(first);
      expect(markup.toString('utf8')).toBe(await renderThroughPartial(segment, context));
    }
  });

  it('shows a hint\'s suggestion without a button to apply it', async () => {
    const segment = sentence();
    const hinted = sentence({ flags: segment.flags.map((flag) => ({ ...flag, hint: true })) });
    const markup = renderSegmentMarkup(cache, hinted, EDITOR).toString('utf8');
    expect(markup).toBe(await renderThroughPartial(hinted, EDITOR));
    expect(markup).toContain('Hint: “occupant”');
    expect(markup).not.toContain('class="apply"');
    expect(renderSegmentMarkup(cache, segment, EDITOR).toString('utf8')).toContain('class="apply"');
  });

  it('groups sentences by paragraph', () => {
    const article = renderArticleMarkup(cache, [sentence(), sentence({ id: 8, position: 4 }), sentence({ id: 9, position: 5, paragraph: 3 })], EDITOR)
      .map((piece) => piece.toString('utf8'));
    const sections = article.join('').split('</section>').filter((section) => section.trim() !== '');
    expect(sections.map((section) => [/data-paragraph="(\d+)"/.exec(section)?.[1], section.match(/<article /g)?.length])).toEqual([['2', 2], ['3', 1]]);
    expect(sections[0]).toContain('id="segment-7"');
    expect(sections[1]).toContain('id="segment-9"');
  });

  it('puts the article in place of the placeholder, bytes for bytes', () => {
    const article = [Buffer.from('<section>« Fête » — 20 €</section>')];
    const page = joinPage(`<title>Décrets</title>${ARTICLE_PLACEHOLDER}<footer>fin</footer>`, article);
    expect(page.toString('utf8')).toBe('<title>Décrets</title><section>« Fête » — 20 €</section><footer>fin</footer>');
    expect(() => joinPage('<p>no article</p>', article)).toThrow(/placeholder exactly once/);
    expect(() => joinPage(`${ARTICLE_PLACEHOLDER}${ARTICLE_PLACEHOLDER}`, article)).toThrow(/placeholder exactly once/);
  });
});
