import type { Request, Response } from 'express';
import { getAnalyzedDocument } from '../../services/document-analysis.js';
import { summarizeProgress } from '../../services/document-progress.js';
import type { PropagationOffer } from '../../services/propagate-correction.js';
import type { Storage } from '../../storage/types.js';
import { readSegmentFilter, toDocumentHeader, toFilterChoices, toParagraphViews, toPropagationView } from '../document-views.js';

/** A save that failed, shown again on the page with the editor's text kept. */
export interface FailedSave {
  segmentId: number;
  text: string;
  comment: string;
  message: string;
  conflict: { text: string; revision: number } | null;
}

/** Render the document page, optionally with a failed save or a propagation offer to show. */
export async function renderDocumentPage(
  storage: Storage,
  request: Request,
  response: Response,
  documentId: number,
  extras: { failedSave?: FailedSave; propagation?: PropagationOffer | null } = {},
): Promise<void> {
  const { document, segments } = await getAnalyzedDocument(storage, documentId);
  const filter = readSegmentFilter(request.query);
  response.render('document', {
    title: document.title,
    header: toDocumentHeader(document, segments),
    progress: summarizeProgress(segments),
    paragraphs: toParagraphViews(segments, filter),
    filter,
    choices: toFilterChoices(segments),
        failedSave: extras.failedSave ?? null,
    propagation: toPropagationView(extras.propagation ?? null),
  });
}
