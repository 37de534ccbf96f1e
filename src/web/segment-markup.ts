import { readFileSync } from 'node:fs';
import path from 'node:path';
import ejs from 'ejs';
import type { DiffPart } from '../history/display-diff.js';
import { BoundedCache } from '../services/bounded-cache.js';
import type { AnalyzedSegment } from '../services/analyzed-segments.js';
import { toSegmentView } from './segment-views.js';
import { VIEWS_DIRECTORY } from './views-directory.js';

/** What a sentence's markup depends on besides the sentence: whether the reader may edit, and the document's source language. */
export interface SegmentMarkupContext {
  canEdit: boolean;
  sourceLanguage: string;
}

// A page shows the same sentences again and again between edits: each sentence's markup is kept,
// keyed on everything the partial reads, so a sentence is rendered again only when it changed.
// Rendering the 28 rows of the seed was two thirds of a document page's time (profiled). It is
// kept as UTF-8 bytes: a page joined from strings must be flattened and encoded on every request,
// which cost a fifth of a seed page's time (profiled), while joining bytes is one copy. The cap
// (keys in characters, markup in bytes) holds a dozen editors' views of the seed or five
// 100-sentence pages of a long article, and keeps the server within its memory budget.
const MAX_CACHED_SIZE = 2_000_000;

/** Sentences' markup by everything it depends on; one per app (see AppCaches). */
export type SegmentMarkupCache = BoundedCache<string, Buffer>;

/** An empty markup cache. */
export function createSegmentMarkupCache(): SegmentMarkupCache {
  return new BoundedCache<string, Buffer>(MAX_CACHED_SIZE, (key, markup) => key.length + markup.length);
}

let template: ejs.TemplateFunction | undefined;

/**
 * The markup of one sentence of the document page (views/_partials/segment.ejs) as UTF-8, the
 * same as the partial renders it; reused while the sentence, its flags and the context are the same.
 */
export function renderSegmentMarkup(cache: SegmentMarkupCache, segment: AnalyzedSegment, context: SegmentMarkupContext): Buffer {
  const key = JSON.stringify([
    segment.id, segment.position, segment.role, segment.text, segment.source, segment.original, segment.revision,
    segment.status, segment.openFlags, segment.flags, segment.dismissedFlags.length, context.canEdit, context.sourceLanguage,
  ]);
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  template ??= compileSegmentTemplate();
  const html = template({ segment: toSegmentView(segment), ...context });
  // Outside Node's shared 8 KB pool: a small Buffer.from() would keep its whole slab alive as long
  // as it is cached, and the cache's cap counts only the markup's own bytes.
  const markup = Buffer.allocUnsafeSlow(Buffer.byteLength(html));
  markup.write(html);
  cache.set(key, markup);
  return markup;
}

/** The article part of the document page as UTF-8 pieces, in order: each paragraph's sentences inside its section. */
export function renderArticleMarkup(cache: SegmentMarkupCache, segments: readonly AnalyzedSegment[], context: SegmentMarkupContext): Buffer[] {
  const pieces: Buffer[] = [];
  let paragraph: number | undefined;
  for (const segment of segments) {
    if (segment.paragraph !== paragraph) {
      if (paragraph !== undefined) pieces.push(SECTION_END);
      paragraph = segment.paragraph;
      pieces.push(Buffer.from(`<section class="paragraph" data-paragraph="${paragraph}">\n`));
    }
    pieces.push(renderSegmentMarkup(cache, segment, context));
  }
  if (paragraph !== undefined) pieces.push(SECTION_END);
  return pieces;
}

const SECTION_END = Buffer.from('</section>\n');

/**
 * Where the page template puts the article (see renderArticleMarkup). Everything the template
 * writes from a user's data is escaped, so this comment cannot come from a title or a sentence.
 */
export const ARTICLE_PLACEHOLDER = '<!-- retouche:article -->';

/** The page: the template's markup with the article's pieces in place of ARTICLE_PLACEHOLDER. */
export function joinPage(html: string, article: readonly Buffer[]): Buffer {
  const at = html.indexOf(ARTICLE_PLACEHOLDER);
  if (at < 0 || html.indexOf(ARTICLE_PLACEHOLDER, at + 1) >= 0) {
    throw new Error('The document page template must hold the article placeholder exactly once.');
  }
  return Buffer.concat([Buffer.from(html.slice(0, at)), ...article, Buffer.from(html.slice(at + ARTICLE_PLACEHOLDER.length))]);
}

function compileSegmentTemplate(): ejs.TemplateFunction {
  const filename = path.join(VIEWS_DIRECTORY, '_partials', 'segment.ejs');
  return ejs.compile(readFileSync(filename, 'utf8'), { filename, root: VIEWS_DIRECTORY, cache: true });
}
