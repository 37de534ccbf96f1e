import type { DiffPart } from '../history/display-diff.js';
import type { Response } from 'express';
import { readAnalyzedSegment } from '../services/analyzed-segments.js';
import { getDocumentRecord } from '../services/documents.js';
import type { RouteContext } from './route-table.js';
import { toSegmentView } from './segment-views.js';

/** A save that failed, shown above the sentence's form with the editor's text kept. */
export interface FailedSave {
  text: string;
  comment: string;
  message: string;
  conflict: FailedConflict | null;
}

/**
 * What a conflict shows to merge by hand: the text the editor started from, theirs now and the
 * editor's, with word diffs from the base (as the 409 carries them, see conflictError).
 */
export interface FailedConflict {
  /** The revision the editor started from, which the form keeps sending. */
  baseRevision: string;
  base: { revision: number; text: string } | null;
  theirs: { revision: number; text: string; author: string | null; createdAt: string | null; diff: DiffPart[] | null };
  yours: { text: string; diff: DiffPart[] | null } | null;
}

/**
 * A sentence's own page: its flags with plain forms to apply or dismiss them, its status buttons
 * and its text in a form. The document page links to it from every sentence: everything an editor
 * does there with the script, this page does without it.
 */
export async function renderSegmentEditPage(
  { storage, analyzer }: Pick<RouteContext, 'storage' | 'analyzer'>, response: Response, segmentId: number, failed: FailedSave | null = null,
): Promise<void> {
  const segment = await readAnalyzedSegment(storage, analyzer, segmentId);
  const document = await getDocumentRecord(storage, segment.documentId);
  response.render('segment-edit', {
    title: `Sentence ${segment.position + 1} · ${document.title}`,
    documentTitle: document.title,
    backHref: `/documents/${document.id}?sentence=${segment.id}`,
    segment: toSegmentView(segment, Number.POSITIVE_INFINITY),
    sourceLanguage: document.sourceLanguage ?? '',
    failed,
  });
}
