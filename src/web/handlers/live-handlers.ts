import type { Request, Response } from 'express';
import { getDocumentRecord } from '../../services/documents.js';
import { markPresence } from '../../services/presence.js';
import { parseId, requireRevisionNumber } from '../../services/validate.js';
import { authorName, credentialOf } from '../auth.js';
import { openEventStream } from '../event-stream.js';
import { fieldsOf, queryText } from '../request-fields.js';
import type { RouteContext } from '../route-table.js';

/**
 * A document's changes as server-sent events, from the one after `Last-Event-ID` (a reconnecting
 * EventSource sends it) or `?after=` (the page's newest event when it loaded), else from now. The
 * stream ends with `deleted` when the document is deleted and `end` when the caller's access ends.
 */
export async function streamDocumentEvents(request: Request, response: Response, { storage, feed }: RouteContext): Promise<void> {
  const documentId = parseId(request.params.id, 'Document');
  await getDocumentRecord(storage, documentId);
  const resumeFrom = request.get('last-event-id') ?? queryText(request, 'after');
  const afterId = resumeFrom === '' ? undefined : requireRevisionNumber(resumeFrom, 'Last-Event-ID');
  const subscriber = openEventStream(response, credentialOf(storage, request, response));
  let gone = false;
  let stop: () => void = () => {
    gone = true;
  };
  response.on('close', () => stop());
  const unsubscribe = await feed.subscribe(documentId, afterId, subscriber);
  if (gone) unsubscribe();
  else stop = unsubscribe;
}

/** "I have this sentence open" (`{open: true}`, said again every 30 s) or "closed" (`{open: false}`), for others' "NAME is editing". */
export async function announcePresence(request: Request, response: Response, { storage }: RouteContext): Promise<void> {
  const presence = await markPresence(storage, { segmentId: parseId(request.params.id, 'Sentence'), open: fieldsOf(request).open, author: authorName(response) });
  response.json({ presence });
}
