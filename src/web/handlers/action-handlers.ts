import type { Request, Response } from 'express';
import { undoAction } from '../../services/undo-action.js';
import { parseId } from '../../services/validate.js';
import { authorName } from '../auth.js';
import { fieldsOf, readReturnPath } from '../request-fields.js';
import { answersJson, type RouteContext } from '../route-table.js';

/**
 * Undo an action (any editor, any action: the undo is recorded with its author). Scripts get the
 * undo's action, the sentences it changed and the parts it refused; people go back to where the
 * form came from (`returnTo`), offered to undo the undo.
 */
export async function undoChange(request: Request, response: Response, { storage, analyzer }: RouteContext): Promise<void> {
  const outcome = await undoAction(storage, analyzer, { actionId: parseId(request.params.id, 'Action'), author: authorName(response) });
  if (answersJson(response)) {
    response.json({
      action: outcome.action,
      undone: outcome.undone.map(({ eventId, segment }) => ({
        eventId, segmentId: segment.id, documentId: segment.documentId, text: segment.text, revision: segment.revision, status: segment.status,
      })),
      refused: outcome.refused,
    });
    return;
  }
  const first = outcome.undone[0]!.segment;
  const back = new URL(readReturnPath(fieldsOf(request).returnTo, `/documents/${first.documentId}?sentence=${first.id}`), 'http://retouche');
  back.searchParams.set('action', String(outcome.action.id));
  response.redirect(303, `${back.pathname}${back.search}`);
}
