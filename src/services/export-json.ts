import { setImmediate as nextTurn } from 'node:timers/promises';
import type { DocumentRecord, RevisionRecord } from '../model.js';
import type { Storage } from '../storage/types.js';
import { groupBySegment, readAnalyzedSentences, SENTENCES_PER_API_PAGE, type AnalyzedSegment } from './analyzed-segments.js';
import type { Analyzer } from './document-analysis.js';

/**
 * The whole document as JSON: every sentence with its role, status, open and dismissed flags,
 * risk, and its full revision history as stored patches; `text` is the plain-text export.
 *
 * The text comes in pieces of a few sentences, read a page (`pageSize`) at a time with that
 * page's revisions, and the event loop gets a turn between pages: a 5,000-sentence article is
 * tens of MB of JSON, which built whole would be held at once and keep every other request
 * waiting. The pieces join into exactly what `JSON.stringify(body, null, 2)` and a final newline
 * would give. Pages are read one after another, not in one transaction: a save made meanwhile
 * shows in the sentences not yet read, as it would in the API's next page.
 */
export async function formatJson(
  storage: Storage, analyzer: Analyzer, document: DocumentRecord, text: string, pageSize = SENTENCES_PER_API_PAGE,
): Promise<AsyncIterable<string>> {
  // Before the first piece: a failed analysis is then an error answer, not a download cut short.
  await analyzer.ensureCurrent(document.id);
  return writeJson(storage, analyzer, document, text, pageSize);
}

// Indentation of the pieces inside the top-level object and inside its `segments` array.
const FIELD_INDENT = '  ';
const SEGMENT_INDENT = '    ';
/**
 * Characters gathered into one piece: each piece is a write to the response, and compressed, a
 * round trip to zlib's thread; one per sentence made the export of a long article twice as slow.
 */
const PIECE_LENGTH = 64 * 1024;

async function* writeJson(
  storage: Storage, analyzer: Analyzer, document: DocumentRecord, text: string, pageSize: number,
): AsyncGenerator<string> {
  let piece = `{\n${FIELD_INDENT}"document": ${stringifyAt(toDocumentFields(document), FIELD_INDENT)},\n`
    + `${FIELD_INDENT}"text": ${JSON.stringify(text)},\n${FIELD_INDENT}"segments": [`;
  let written = 0;
  for (let offset = 0; ; offset += pageSize) {
    if (offset > 0) await nextTurn();
    const { segments } = await readAnalyzedSentences(storage, analyzer, document.id, { offset, limit: pageSize });
    if (segments.length === 0) break;
    const bySegment = groupBySegment(await storage.revisions.listBySegments(segments.map((segment) => segment.id)));
    for (const segment of segments) {
      const fields = toSegmentFields(segment, bySegment.get(segment.id) ?? []);
      piece += `${written++ === 0 ? '\n' : ',\n'}${SEGMENT_INDENT}${stringifyAt(fields, SEGMENT_INDENT)}`;
      if (piece.length >= PIECE_LENGTH) {
        yield piece;
        piece = '';
      }
    }
    if (segments.length < pageSize) break;
  }
  yield `${piece}${written === 0 ? '' : `\n${FIELD_INDENT}`}]\n}\n`;
}

/** `value` as JSON.stringify(…, null, 2) writes it when nested at `indent`: its lines after the first indented. */
function stringifyAt(value: unknown, indent: string): string {
  // JSON escapes line breaks inside strings, so every one left is between two lines of the layout.
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent}`);
}

function toDocumentFields(document: DocumentRecord) {
  return {
    id: document.id,
    title: document.title,
    targetLanguage: document.targetLanguage,
    detectedLanguage: document.detectedLanguage,
    sourceLanguage: document.sourceLanguage,
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
  };
}

function toSegmentFields(segment: AnalyzedSegment, revisions: readonly RevisionRecord[]) {
  return {
    id: segment.id,
    position: segment.position,
    paragraph: segment.paragraph,
    role: segment.role,
    status: segment.status,
    source: segment.source,
    original: segment.original,
    text: segment.text,
    revision: segment.revision,
    risk: segment.risk,
    flags: segment.flags,
    dismissedFlags: segment.dismissedFlags,
    revisions: revisions.map((revision) => ({
      number: revision.number,
      kind: revision.kind,
      author: revision.author,
      comment: revision.comment,
      createdAt: revision.createdAt,
      revertedTo: revision.revertedTo,
      patch: revision.patch,
    })),
  };
}
