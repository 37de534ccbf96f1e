import type { Request, Response } from 'express';
import { diffForDisplay } from '../../history/display-diff.js';
import { correctSegment, type SaveResult } from '../../services/correct-segment.js';
import { readAnalyzedSegment } from '../../services/analyzed-segments.js';
import { getDocumentRecord, getSegment } from '../../services/documents.js';
import type { ServiceError } from '../../services/errors.js';
import { offerPropagation } from '../../services/propagate-correction.js';
import { applySuggestion, dismissFlag } from '../../services/review-flags.js';
import { revertSegment } from '../../services/revert-segment.js';
import { commentOnSegment, setSegmentStatus } from '../../services/segment-status.js';
import { parseId } from '../../services/validate.js';
import { authorName } from '../auth.js';
import { renderSegmentEditPage } from '../segment-edit-page.js';
import { fieldsOf } from '../request-fields.js';
import { answersJson, type RouteContext } from '../route-table.js';
import { toSegmentJson, toSegmentView } from '../segment-views.js';

/** Save an editor's correction; people go back to the sentence, offered to make the same change elsewhere. */
export async function saveSentence(request: Request, response: Response, context: RouteContext): Promise<void> {
  const body = fieldsOf(request);
  const result = await correctSegment(context.storage, context.analyzer, {
    segmentId: parseId(request.params.id, 'Sentence'), text: body.text, baseRevision: body.baseRevision, author: authorName(response), comment: body.comment,
  });
  if (answersJson(response)) return void response.json(await toSaveJson(context, result));
  const propagate = result.revision ? `&propagate=${result.segment.id}` : '';
  response.redirect(303, `/documents/${result.segment.documentId}?sentence=${result.segment.id}${propagate}`);
}

/** The sentence's own page again, the editor's text kept and, on a conflict, the winning text beside it. */
export async function refuseSave(error: ServiceError, request: Request, response: Response, context: RouteContext): Promise<void> {
  const segmentId = parseId(request.params.id, 'Sentence');
  const form = fieldsOf(request);
  const { segment } = await getSegment(context.storage, segmentId);
  await renderSegmentEditPage(context, response, segmentId, {
    text: typeof form.text === 'string' ? form.text : '',
    comment: typeof form.comment === 'string' ? form.comment : '',
    message: error.message,
    conflict: error.code === 'conflict' ? { text: segment.text, revision: segment.revision } : null,
  });
}

/** A sentence's own page: its flags, status and text as plain forms (the path without the script). */
export async function showSentenceEditor(request: Request, response: Response, context: RouteContext): Promise<void> {
  await renderSegmentEditPage(context, response, parseId(request.params.id, 'Sentence'));
}

/** Restore an earlier version as a new revision. */
export async function revertSentence(request: Request, response: Response, context: RouteContext): Promise<void> {
  const body = fieldsOf(request);
  const result = await revertSegment(context.storage, context.analyzer, {
    segmentId: parseId(request.params.id, 'Sentence'), revision: body.revision, baseRevision: body.baseRevision, author: authorName(response), comment: body.comment,
  });
  if (answersJson(response)) return void response.json(await toSaveJson(context, result));
  response.redirect(303, `/segments/${result.segment.id}/history`);
}

export async function applyFlagSuggestion(request: Request, response: Response, context: RouteContext): Promise<void> {
  const body = fieldsOf(request);
  const result = await applySuggestion(context.storage, context.analyzer, {
    segmentId: parseId(request.params.id, 'Sentence'), ...flagReference(body, authorName(response)), suggestion: body.suggestion,
  });
  if (answersJson(response)) return void response.json(await toSaveJson(context, result));
  response.redirect(303, `/documents/${result.segment.documentId}?sentence=${result.segment.id}`);
}

/** Mark a flag as a false alarm. */
export async function dismissSentenceFlag(request: Request, response: Response, { storage, analyzer }: RouteContext): Promise<void> {
  const segmentId = parseId(request.params.id, 'Sentence');
  const dismissal = await dismissFlag(storage, analyzer, { segmentId, ...flagReference(fieldsOf(request), authorName(response)) });
  if (answersJson(response)) {
    return void response.status(201).json({ dismissal, segment: toSegmentJson(await readAnalyzedSegment(storage, analyzer, segmentId)) });
  }
  const { segment } = await getSegment(storage, segmentId);
  response.redirect(303, `/documents/${segment.documentId}?sentence=${segment.id}`);
}

/** Approve, exclude or reopen a sentence. */
export async function setSentenceStatus(request: Request, response: Response, { storage, analyzer }: RouteContext): Promise<void> {
  const body = fieldsOf(request);
  const { segment, event } = await setSegmentStatus(storage, {
    segmentId: parseId(request.params.id, 'Sentence'), status: body.status, baseRevision: body.baseRevision, author: authorName(response),
  });
  if (answersJson(response)) return void response.json({ segment: toSegmentJson(await readAnalyzedSegment(storage, analyzer, segment.id)), event });
  response.redirect(303, `/documents/${segment.documentId}?sentence=${segment.id}`);
}

export async function commentOnSentence(request: Request, response: Response, { storage }: RouteContext): Promise<void> {
  const segmentId = parseId(request.params.id, 'Sentence');
  const comment = await commentOnSegment(storage, { segmentId, body: fieldsOf(request).body, author: authorName(response) });
  if (answersJson(response)) return void response.status(201).json({ comment });
  response.redirect(303, `/segments/${segmentId}/history#comments`);
}

/** After a correction: the other sentences that contain the phrase it replaced. */
export async function showPropagation(request: Request, response: Response, { storage }: RouteContext): Promise<void> {
  response.json({ propagation: await offerPropagation(storage, parseId(request.params.id, 'Sentence')) });
}

/** One sentence's markup, so the editor script shows a change exactly as a page load would. */
export async function showSentenceFragment(request: Request, response: Response, { storage, analyzer }: RouteContext): Promise<void> {
  const segment = await readAnalyzedSegment(storage, analyzer, parseId(request.params.id, 'Sentence'));
  const { sourceLanguage } = await getDocumentRecord(storage, segment.documentId);
  response.render('_partials/segment', { segment: toSegmentView(segment), sourceLanguage: sourceLanguage ?? '' });
}

/** A save's answer: the sentence with its fresh flags, the revision made, and its diff against the machine translation. */
async function toSaveJson({ storage, analyzer }: RouteContext, result: SaveResult) {
  const segment = await readAnalyzedSegment(storage, analyzer, result.segment.id);
  return { segment: toSegmentJson(segment), revision: result.revision, changed: result.revision !== null, diff: diffForDisplay(segment.original, segment.text) };
}

function flagReference(body: Record<string, unknown>, author: string) {
  return { checkId: body.checkId, start: body.start, end: body.end, baseRevision: body.baseRevision, author };
}
