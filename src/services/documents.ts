import type { Storage } from '../storage/types.js';
import type { DocumentRecord, DocumentSummary, DocumentWithText, SegmentRecord } from '../model.js';
import { found } from './errors.js';

export interface DocumentWithSegments {
  document: DocumentRecord;
  segments: SegmentRecord[];
}

/** Documents per page of the list. */
export const DOCUMENTS_PAGE_SIZE = 50;

/** One page of the list of documents, with how many there are in all. */
export interface DocumentPage {
  documents: DocumentSummary[];
  /** Documents matching the search, on every page. */
  total: number;
  /** 1-based; a page past the end is clamped to the last one. */
  page: number;
  pageSize: number;
  pageCount: number;
  search: string;
  /** Whether this is the list of archived documents. */
  archived: boolean;
}

/**
 * A page of documents, newest first, with their sentence and correction counts and who changed
 * them last; `search` keeps those whose title contains it (any case); `archived` lists the
 * archived ones instead of those in use. Only the page's documents are read and counted.
 */
export async function listDocuments(storage: Storage, options: { page?: number; search?: string; archived?: boolean } = {}): Promise<DocumentPage> {
  const search = options.search?.trim() ?? '';
  const archived = options.archived === true;
  const total = await storage.documents.count({ search, archived });
  const pageCount = Math.max(1, Math.ceil(total / DOCUMENTS_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pageCount);
  const documents = await storage.documents.list({ limit: DOCUMENTS_PAGE_SIZE, offset: (page - 1) * DOCUMENTS_PAGE_SIZE, search, archived });
  return { documents, total, page, pageSize: DOCUMENTS_PAGE_SIZE, pageCount, search, archived };
}

/** Every document, newest first, archived ones after (for choices across all documents). */
export async function listAllDocuments(storage: Storage): Promise<DocumentSummary[]> {
  return [...await storage.documents.list(), ...await storage.documents.list({ archived: true })];
}

/** A page number from a query string: a positive whole number, 1 for anything else. */
export function readPageNumber(value: unknown): number {
  const page = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : 1;
  return page >= 1 ? page : 1;
}

/** One document and its sentences in reading order. */
export async function getDocument(storage: Storage, documentId: number): Promise<DocumentWithSegments> {
  const document = found(await storage.documents.get(documentId), `Document ${documentId}`);
  return { document, segments: await storage.segments.listByDocument(documentId) };
}

/** One document with the text it was imported from (for exports and comparisons), and its sentences. */
export async function getDocumentWithText(storage: Storage, documentId: number): Promise<{ document: DocumentWithText; segments: SegmentRecord[] }> {
  const document = found(await storage.documents.getWithText(documentId), `Document ${documentId}`);
  return { document, segments: await storage.segments.listByDocument(documentId) };
}

/** The sentence and the document it belongs to. */
export async function getSegment(storage: Storage, segmentId: number): Promise<{ segment: SegmentRecord; document: DocumentRecord }> {
  const segment = found(await storage.segments.get(segmentId), `Sentence ${segmentId}`);
  const document = found(await storage.documents.get(segment.documentId), `Document ${segment.documentId}`);
  return { segment, document };
}

/** One document without its sentences. */
export async function getDocumentRecord(storage: Storage, documentId: number): Promise<DocumentRecord> {
  return found(await storage.documents.get(documentId), `Document ${documentId}`);
}
