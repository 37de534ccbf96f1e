import type { Request, Response } from 'express';
import { attachSource, getAlignment, relinkSegment } from '../../services/attach-source.js';
import { getDocumentRecord, getSegment } from '../../services/documents.js';
import type { ServiceError } from '../../services/errors.js';
import { languageName } from '../../services/languages.js';
import { parseId } from '../../services/validate.js';
import { SUPPORTED_LANGUAGES } from '../../text/detect-language.js';
import { authorName } from '../auth.js';
import { fieldsOf, optionalString } from '../request-fields.js';
import { answersJson, type RouteContext } from '../route-table.js';
import { uploadedFile } from '../upload.js';

/** A document's source text and its alignment with the translation; the page lets editors correct the links. */
export async function showSource(request: Request, response: Response, context: RouteContext): Promise<void> {
  const documentId = parseId(request.params.id, 'Document');
  if (!answersJson(response)) return renderSourcePage(context, response, documentId);
  const alignment = await getAlignment(context.storage, documentId);
  response.json({
    language: alignment.language,
    sentences: alignment.sentences.map(({ id, position, text }) => ({ id, position, text })),
    links: alignment.rows.map(({ segment, source }) => ({ segmentId: segment.id, sourceSentenceIds: source.sentenceIds, source: source.text })),
    unlinked: alignment.unlinked.map((sentence) => sentence.id),
  });
}

/** Attach (or replace) a document's source, pasted or uploaded, and align it. */
export async function attachSourceText(request: Request, response: Response, { storage, analyzer }: RouteContext): Promise<void> {
  const documentId = parseId(request.params.id, 'Document');
  const fields = fieldsOf(request);
  const attached = await attachSource(storage, {
    documentId,
    author: authorName(response),
    text: optionalString(fields.sourceText, 'sourceText'),
    file: uploadedFile(request, response, 'sourceFile'),
    language: optionalString(fields.sourceLanguage, 'sourceLanguage'),
  });
  // The flags that compare with the source are found now, off the request thread, not on the next view.
  await analyzer.ensureCurrent(documentId);
  if (answersJson(response)) return void response.status(201).json({ source: attached });
  response.redirect(303, `/documents/${documentId}/source`);
}

/** The source page again, saying why the source was refused. */
export async function refuseSource(error: ServiceError, request: Request, response: Response, context: RouteContext): Promise<void> {
  await renderSourcePage(context, response, parseId(request.params.id, 'Document'), error.message);
}

/** Correct a link: the 1-based positions of the source sentences this sentence translates ("" for an addition). */
export async function relinkSentence(request: Request, response: Response, { storage }: RouteContext): Promise<void> {
  const segmentId = parseId(request.params.id, 'Sentence');
  await relinkSegment(storage, { segmentId, positions: fieldsOf(request).positions, author: authorName(response) });
  if (answersJson(response)) return void response.json({ ok: true });
  const { segment } = await getSegment(storage, segmentId);
  response.redirect(303, `/documents/${segment.documentId}/source#link-${segmentId}`);
}

async function renderSourcePage({ storage }: RouteContext, response: Response, documentId: number, error: string | null = null): Promise<void> {
  const document = await getDocumentRecord(storage, documentId);
  const alignment = await getAlignment(storage, documentId);
  const positionOf = new Map(alignment.sentences.map((sentence, index) => [sentence.id, index + 1]));
  response.render('source', {
    title: `Source · ${document.title}`,
    document: { id: document.id, title: document.title },
    alignment,
    languageName: alignment.language ? languageName(alignment.language) : '',
    rows: alignment.rows.map(({ segment, source }) => ({
      segmentId: segment.id, position: segment.position, text: segment.text, sourceText: source.text,
      positions: source.sentenceIds.map((id) => positionOf.get(id)).join(', '),
    })),
    languages: SUPPORTED_LANGUAGES,
    error,
  });
}
