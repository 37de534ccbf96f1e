import type { Request, Response } from 'express';
import { diffForDisplay } from '../../history/display-diff.js';
import { compareWithLatest, correctSegment } from '../../services/correct-segment.js';
import { readAnalyzedSegment } from '../../services/analyzed-segments.js';
import { getDocumentRecord, getSegment } from '../../services/documents.js';
import { ServiceError } from '../../services/errors.js';
import { offerPropagation } from '../../services/propagate-correction.js';
import { applySuggestion, dismissFlag, restoreDismissal, type DismissalResult } from '../../services/review-flags.js';
import { revertSegment } from '../../services/revert-segment.js';
import type { SaveResult } from '../../services/sentence-changes.js';
import { commentOnSegment, setSegmentStatus } from '../../services/segment-status.js';
import { parseId } from '../../services/validate.js';
import { authorName } from '../auth.js';
import { renderSegmentEditPage, type FailedConflict } from '../segment-edit-page.js';
import { fieldsOf } from '../request-fields.js';
import { answersJson, type RouteContext } from '../route-table.js';
import { toSegmentJson, toSegmentView } from '../segment-views.js';

/**
 * Save an editor's correction; people go back to the sentence, offered to undo it and to make the
 * same change elsewhere. The form shown after a conflict carries the revision it showed
 * (`seenRevision`) and the editor's choice: keep their text, or save theirs over it.
 */
export async function saveSentence(request: Request, response: Response, context: RouteContext): Promise<void> {
  const body = fieldsOf(request);
  const segmentId = parseId(request.params.id, 'Sentence');
  if (!answersJson(response) && body.seenRevision !== undefined) {
    if (body.choice === 'theirs') return void response.redirect(303, await sentenceAddress(context, segmentId));
    if (body.choice !== 'mine') throw new ServiceError('invalid-input', 'Choose first: keep their text, or save yours in its place.');
  }
  const result = await correctSegment(context.storage, context.analyzer, {
    segmentId, text: body.text, baseRevision: body.baseRevision, seenRevision: body.seenRevision, author: authorName(response), comment: body.comment,
  });
  if (answersJson(response)) return void response.json(await toSaveJson(context, result));
  const propagate = result.revision ? `&propagate=${result.segment.id}` : '';
  response.redirect(303, `${await sentenceAddress(context, segmentId, result.action?.id)}${propagate}`);
}

/** What a save from `baseRevision` would meet now: `{conflict: null}`, or the texts to merge (as a save's 409 carries them), nothing saved. */
export async function compareSentence(request: Request, response: Response, { storage }: RouteContext): Promise<void> {
  const body = fieldsOf(request);
  response.json({ conflict: await compareWithLatest(storage, { segmentId: parseId(request.params.id, 'Sentence'), text: body.text, baseRevision: body.baseRevision }) });
}

/** The sentence's own page again, the editor's text kept and, on a conflict, the base, their text and yours to choose from. */
export async function refuseSave(error: ServiceError, request: Request, response: Response, context: RouteContext): Promise<void> {
  const segmentId = parseId(request.params.id, 'Sentence');
  const form = fieldsOf(request);
  const { segment } = await getSegment(context.storage, segmentId);
  const details = error.details as ConflictDetails | undefined;
  await renderSegmentEditPage(context, response, segment.id, {
    text: typeof form.text === 'string' ? form.text : '',
    comment: typeof form.comment === 'string' ? form.comment : '',
    message: error.message,
    conflict: error.code === 'conflict' && details?.theirs ? {
      // The form goes on naming the revision the editor started from: only the choice, with the revision seen, saves over theirs.
      baseRevision: typeof form.baseRevision === 'string' ? form.baseRevision : String(details.base?.revision ?? ''),
      base: details.base, theirs: details.theirs, yours: details.yours,
    } : null,
  });
}

/** What a 409 of a save carries (see conflictError). */
type ConflictDetails = Pick<FailedConflict, 'base' | 'theirs' | 'yours'>;

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
  response.redirect(303, `/segments/${result.segment.id}/history${result.action ? `?action=${result.action.id}` : ''}`);
}

export async function applyFlagSuggestion(request: Request, response: Response, context: RouteContext): Promise<void> {
  const body = fieldsOf(request);
  const result = await applySuggestion(context.storage, context.analyzer, {
    segmentId: parseId(request.params.id, 'Sentence'), ...flagReference(body, authorName(response)), suggestion: body.suggestion,
  });
  if (answersJson(response)) return void response.json(await toSaveJson(context, result));
  response.redirect(303, await sentenceAddress(context, result.segment.id, result.action?.id));
}

/** Mark a flag as a false alarm. */
export async function dismissSentenceFlag(request: Request, response: Response, context: RouteContext): Promise<void> {
  const segmentId = parseId(request.params.id, 'Sentence');
  const result = await dismissFlag(context.storage, context.analyzer, { segmentId, ...flagReference(fieldsOf(request), authorName(response)) });
  await answerDismissal(context, response, result, 201);
}

/** Open a dismissed flag again (`DELETE /api/segments/:id/dismissals/:dismissalId`; the form posts to the same path). */
export async function restoreSentenceFlag(request: Request, response: Response, context: RouteContext): Promise<void> {
  const result = await restoreDismissal(context.storage, {
    segmentId: parseId(request.params.id, 'Sentence'), dismissalId: parseId(request.params.dismissalId, 'Dismissal'), author: authorName(response),
  });
  await answerDismissal(context, response, result, 200);
}

/** Approve, exclude or reopen a sentence. */
export async function setSentenceStatus(request: Request, response: Response, context: RouteContext): Promise<void> {
  const { storage, analyzer } = context;
  const body = fieldsOf(request);
  const { segment, event, action } = await setSegmentStatus(storage, {
    segmentId: parseId(request.params.id, 'Sentence'), status: body.status, baseRevision: body.baseRevision, author: authorName(response),
  });
  if (answersJson(response)) {
    return void response.json({ segment: toSegmentJson(await readAnalyzedSegment(storage, analyzer, segment.id)), event, action });
  }
  response.redirect(303, await sentenceAddress(context, segment.id, action.id));
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

/** A save's answer: the sentence with its fresh flags, the revision made, its diff against the machine translation, and the action to undo. */
async function toSaveJson({ storage, analyzer }: RouteContext, result: SaveResult) {
  const segment = await readAnalyzedSegment(storage, analyzer, result.segment.id);
  return {
    segment: toSegmentJson(segment), revision: result.revision, changed: result.revision !== null, diff: diffForDisplay(segment.original, segment.text),
    action: result.action,
  };
}

async function answerDismissal({ storage, analyzer }: RouteContext, response: Response, result: DismissalResult, status: number): Promise<void> {
  if (answersJson(response)) {
    const segment = await readAnalyzedSegment(storage, analyzer, result.segment.id);
    return void response.status(status).json({ dismissal: result.dismissal, segment: toSegmentJson(segment), action: result.action });
  }
  response.redirect(303, await sentenceAddress({ storage }, result.segment.id, result.action?.id));
}

/** The document page at a sentence, with the undo offer of the action just made. */
async function sentenceAddress({ storage }: Pick<RouteContext, 'storage'>, segmentId: number, actionId?: number): Promise<string> {
  const { segment } = await getSegment(storage, segmentId);
  return `/documents/${segment.documentId}?sentence=${segment.id}${actionId === undefined ? '' : `&action=${actionId}`}`;
}

function flagReference(body: Record<string, unknown>, author: string) {
  return { checkId: body.checkId, start: body.start, end: body.end, baseRevision: body.baseRevision, author };
}
