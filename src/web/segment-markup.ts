import { readFileSync } from 'node:fs';
import path from 'node:path';
import ejs from 'ejs';
import { BoundedCache } from '../services/bounded-cache.js';
import type { AnalyzedSegment } from '../services/document-analysis.js';
import { toSegmentView } from './document-views.js';
import { VIEWS_DIRECTORY } from './views-directory.js';

/** What a sentence's markup depends on besides the sentence: who looks, and the document's source language. */
export interface SegmentMarkupContext {
  canEdit: boolean;
  csrfToken: string;
  sourceLanguage: string;
}

/** A save that failed on this sentence, shown in its editor with the editor's text kept. */
export interface FailedSave {
  segmentId: number;
  text: string;
  comment: string;
  message: string;
  conflict: { text: string; revision: number } | null;
}

/** The sentences of one paragraph, as markup. */
export interface ParagraphMarkup {
  index: number;
  segments: string[];
}

// A page shows the same sentences again and again between edits: each sentence's markup is kept,
// keyed on everything the partial reads, so a sentence is rendered again only when it changed.
// Rendering the 28 rows of the seed was two thirds of a document page's time (profiled). The cap
// (keys and markup, in characters) holds a dozen editors' views of the seed or five 100-sentence
// pages of a long article, and keeps the server within its memory budget.
const MAX_CACHED_CHARACTERS = 2_000_000;
const cache = new BoundedCache<string, string>(MAX_CACHED_CHARACTERS, (key, markup) => key.length + markup.length);

let template: ejs.TemplateFunction | undefined;

/**
 * The markup of one sentence of the document page (views/_partials/segment.ejs), the same as the
 * partial renders it; reused while the sentence, its flags and the context are the same.
 */
export function renderSegmentMarkup(segment: AnalyzedSegment, failed: FailedSave | null, context: SegmentMarkupContext): string {
  const key = JSON.stringify([
    segment.id, segment.position, segment.role, segment.text, segment.source, segment.original, segment.revision,
    segment.status, segment.risk, segment.flags, segment.dismissedFlags.length, failed, context.canEdit,
    context.csrfToken, context.sourceLanguage,
  ]);
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  template ??= compileSegmentTemplate();
  const markup = template({ segment: toSegmentView(segment), failed, ...context });
  cache.set(key, markup);
  return markup;
}

/** The sentences grouped by paragraph, as markup; `failed` is shown on its own sentence. */
export function toParagraphMarkup(
  segments: readonly AnalyzedSegment[], failed: FailedSave | null, context: SegmentMarkupContext,
): ParagraphMarkup[] {
  const paragraphs: ParagraphMarkup[] = [];
  for (const segment of segments) {
    let paragraph = paragraphs.at(-1);
    if (!paragraph || paragraph.index !== segment.paragraph) {
      paragraph = { index: segment.paragraph, segments: [] };
      paragraphs.push(paragraph);
    }
    paragraph.segments.push(renderSegmentMarkup(segment, failed?.segmentId === segment.id ? failed : null, context));
  }
  return paragraphs;
}

function compileSegmentTemplate(): ejs.TemplateFunction {
  const filename = path.join(VIEWS_DIRECTORY, '_partials', 'segment.ejs');
  return ejs.compile(readFileSync(filename, 'utf8'), { filename, root: VIEWS_DIRECTORY, cache: true });
}
