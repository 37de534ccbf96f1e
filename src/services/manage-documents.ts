import type { DocumentEventRecord, DocumentRecord } from '../model.js';
import type { Storage } from '../storage/types.js';
import { getDocumentRecord } from './documents.js';
import { ServiceError } from './errors.js';
import { readTextField, TEXT_RULES } from './input-rules.js';
import { requireAuthor } from './validate.js';

/** Give a document a new title (one line, the title's length limit), recorded in its timeline. */
export async function renameDocument(
  storage: Storage, request: { documentId: number; title: unknown; author: unknown },
): Promise<{ document: DocumentRecord; event: DocumentEventRecord }> {
  const author = requireAuthor(request.author);
  const title = readTextField(request.title, 'title', TEXT_RULES.title)?.trim() ?? '';
  if (title === '') throw new ServiceError('invalid-input', '"title": Give the document a title.');
  const event = await storage.documents.rename(request.documentId, title, author);
  if (!event) throw new ServiceError('not-found', `Document ${request.documentId} does not exist.`);
  return { document: await getDocumentRecord(storage, request.documentId), event };
}

/** Archive a document (hidden from the list, still readable by its address) or bring it back, recorded in its timeline. */
export async function archiveDocument(
  storage: Storage, request: { documentId: number; archived: unknown; author: unknown },
): Promise<{ document: DocumentRecord; event: DocumentEventRecord }> {
  const author = requireAuthor(request.author);
  const archived = readFlag(request.archived);
  const event = await storage.documents.setArchived(request.documentId, archived, author);
  if (!event) throw new ServiceError('not-found', `Document ${request.documentId} does not exist.`);
  return { document: await getDocumentRecord(storage, request.documentId), event };
}

/**
 * Delete a document and everything of it, for good: only when `confirmTitle` is its title as
 * shown, typed out, so a click alone never deletes. Open streams of it end.
 */
export async function deleteDocument(storage: Storage, request: { documentId: number; confirmTitle: unknown }): Promise<DocumentRecord> {
  const document = await getDocumentRecord(storage, request.documentId);
  if (typeof request.confirmTitle !== 'string' || request.confirmTitle.trim() !== document.title) {
    throw new ServiceError('invalid-input', `To delete this document and its whole history, type its title exactly: “${document.title}”.`);
  }
  if (!(await storage.documents.delete(document.id))) throw new ServiceError('not-found', `Document ${document.id} does not exist.`);
  return document;
}

function readFlag(value: unknown): boolean {
  if (value === true || value === 'true' || value === '1') return true;
  if (value === false || value === 'false' || value === '0') return false;
  throw new ServiceError('invalid-input', '"archived" must be true (archive the document) or false (bring it back).');
}
