import type { Request, Response } from 'express';
import { getDocument, getDocumentRecord } from '../../services/documents.js';
import { archiveDocument, deleteDocument, renameDocument } from '../../services/manage-documents.js';
import type { ServiceError } from '../../services/errors.js';
import { parseId } from '../../services/validate.js';
import { authorName } from '../auth.js';
import { forgetDocument } from '../caches.js';
import { toDocumentJson } from '../document-views.js';
import { fieldsOf } from '../request-fields.js';
import { answersJson, type RouteContext } from '../route-table.js';

/** A document's settings: its title (editors), archiving and deleting (admins). */
export async function showManageForm(request: Request, response: Response, { storage }: RouteContext): Promise<void> {
  await renderManage(response, await getDocumentRecord(storage, parseId(request.params.id, 'Document')), {});
}

/** The settings page again, with what was typed and why it was refused. */
export async function refuseManage(error: ServiceError, request: Request, response: Response, { storage }: RouteContext): Promise<void> {
  const document = await getDocumentRecord(storage, parseId(request.params.id, 'Document'));
  const form = fieldsOf(request);
  await renderManage(response, document, { error: error.message, title: typeof form.title === 'string' ? form.title : document.title });
}

export async function renameDocumentTitle(request: Request, response: Response, { storage }: RouteContext): Promise<void> {
  const documentId = parseId(request.params.id, 'Document');
  const { document, event } = await renameDocument(storage, { documentId, title: fieldsOf(request).title, author: authorName(response) });
  if (answersJson(response)) return void response.json({ document: toDocumentJson(document), event });
  response.redirect(303, `/documents/${document.id}`);
}

/** Archive (`archived: true`) or bring back a document; archived documents leave the list for the Archived view. */
export async function archiveDocumentFromList(request: Request, response: Response, { storage }: RouteContext): Promise<void> {
  const documentId = parseId(request.params.id, 'Document');
  const { document, event } = await archiveDocument(storage, { documentId, archived: fieldsOf(request).archived, author: authorName(response) });
  if (answersJson(response)) return void response.json({ document: toDocumentJson(document), event });
  response.redirect(303, document.archivedAt ? '/documents?archived=1' : `/documents/${document.id}`);
}

/** Delete a document for good, once its title is typed as confirmation (`confirmTitle`). */
export async function deleteDocumentForGood(request: Request, response: Response, { storage, caches }: RouteContext): Promise<void> {
  const documentId = parseId(request.params.id, 'Document');
  const { segments } = await getDocument(storage, documentId);
  const document = await deleteDocument(storage, { documentId, confirmTitle: fieldsOf(request).confirmTitle });
  forgetDocument(caches, segments.map((segment) => segment.id));
  if (answersJson(response)) return void response.json({ deleted: { id: document.id, title: document.title } });
  response.redirect(303, '/documents');
}

async function renderManage(response: Response, document: Awaited<ReturnType<typeof getDocumentRecord>>, state: { error?: string; title?: string }): Promise<void> {
  response.render('manage', {
    title: `Manage · ${document.title}`,
    document: { id: document.id, title: document.title, archived: document.archivedAt !== null, archivedAt: document.archivedAt },
    form: { title: state.title ?? document.title },
    error: state.error ?? null,
  });
}
