import { prepareEventWrites } from './document-event-repository.js';
import { chunksOf, compileQuery, prepareQuery, type Engine, type Executor } from './engine.js';
import { SOURCE_SENTENCE } from './schema.js';
import type { SourceRepository } from './types.js';

/** Source texts, their sentences and the alignment links. */
export function createSourceRepository(engine: Engine): SourceRepository {
  const { db } = engine;
  const writes = prepareEventWrites(db);
  const updateDocument = prepareQuery((p: { documentId: number; text: string; language: string }) => db.updateTable('documents')
    .set({ source_text: p.text, source_language: p.language }).where('id', '=', p.documentId));
  const deleteSentences = prepareQuery((p: { documentId: number }) =>
    db.deleteFrom('source_sentences').where('document_id', '=', p.documentId));
  const deleteLinks = prepareQuery((p: { segmentId: number }) => db.deleteFrom('segment_sources').where('segment_id', '=', p.segmentId));
  const selectSentences = prepareQuery((p: { documentId: number }) =>
    db.selectFrom('source_sentences').select(SOURCE_SENTENCE).where('document_id', '=', p.documentId).orderBy('position'));
  const selectLinks = prepareQuery((p: { documentId: number }) => db.selectFrom('segment_sources')
    .innerJoin('segments', 'segments.id', 'segment_sources.segment_id')
    .innerJoin('source_sentences', 'source_sentences.id', 'segment_sources.source_sentence_id')
    .select(['segment_sources.segment_id as segmentId', 'segment_sources.source_sentence_id as sourceSentenceId'])
    .where('segments.document_id', '=', p.documentId).orderBy('segments.position').orderBy('source_sentences.position'));
  const selectSegmentDocument = prepareQuery((p: { id: number }) => db.selectFrom('segments').select('document_id').where('id', '=', p.id));
  // The checks that compare read the linked source: a new source or link makes the stored flags stale.
  const markStale = prepareQuery((p: { documentId: number; reason: string }) => db.updateTable('documents')
    .set((eb) => ({ analysis_version: eb('analysis_version', '+', 1), stale_reason: p.reason })).where('id', '=', p.documentId));

  async function insertLinks(tx: Executor, links: readonly { segment_id: number; source_sentence_id: number }[]): Promise<void> {
    for (const chunk of chunksOf(links)) {
      await tx.run(compileQuery(db.insertInto('segment_sources').values(chunk).onConflict((conflict) => conflict.doNothing())));
    }
  }

  return {
    async attach(documentId, source) {
      const now = new Date().toISOString();
      await engine.transaction(async (tx) => {
        await writes.lockDocuments(tx, [documentId]);
        await tx.run(updateDocument, { documentId, text: source.text, language: source.language });
        await tx.run(markStale, { documentId, reason: 'source attached' });
        // Replacing a source drops the old sentences and, by cascade, their links.
        await tx.run(deleteSentences, { documentId });
        const idByPosition = new Map<number, number>();
        for (const chunk of chunksOf(source.sentences)) {
          const rows = await tx.all(compileQuery(db.insertInto('source_sentences').values(chunk.map((sentence) => ({
            document_id: documentId, position: sentence.position, start_offset: sentence.start, end_offset: sentence.end, text: sentence.text,
          }))).returning(['id', 'position'])));
          for (const row of rows) idByPosition.set(row.position, row.id);
        }
        // `sourcePositions` index the sentences array, not the stored position.
        const ids = source.sentences.map((sentence) => idByPosition.get(sentence.position));
        await insertLinks(tx, source.links.flatMap((link) => link.sourcePositions.flatMap((position) => {
          const id = ids[position];
          return id === undefined ? [] : [{ segment_id: link.segmentId, source_sentence_id: id }];
        })));
        await writes.addEvent(tx, { documentId, type: 'source', body: source.language }, source.author, now);
        await writes.touchDocument(tx, documentId, source.author, now);
      });
    },
    listSentences: (documentId) => engine.all(selectSentences, { documentId }),
    listLinks: (documentId) => engine.all(selectLinks, { documentId }),
    async listForSegments(segmentIds) {
      const sources = new Map<number, string>();
      for (const chunk of chunksOf(segmentIds)) {
        const rows = await engine.all(compileQuery(db.selectFrom('segment_sources')
          .innerJoin('source_sentences', 'source_sentences.id', 'segment_sources.source_sentence_id')
          .select(['segment_sources.segment_id as segmentId', 'source_sentences.text']).where('segment_sources.segment_id', 'in', chunk)
          .orderBy('segment_sources.segment_id').orderBy('source_sentences.position')));
        for (const { segmentId, text } of rows) sources.set(segmentId, sources.has(segmentId) ? `${sources.get(segmentId)} ${text}` : text);
      }
      return sources;
    },
    async setLinks(segmentId, sourceSentenceIds, author) {
      const now = new Date().toISOString();
      const segment = await engine.first(selectSegmentDocument, { id: segmentId });
      if (!segment) throw new RangeError(`there is no segment ${segmentId}`);
      await engine.transaction(async (tx) => {
        await writes.lockDocuments(tx, [segment.document_id]);
        const sentences = sourceSentenceIds.length === 0 ? [] : await tx.all(compileQuery(db.selectFrom('source_sentences')
          .select(['id', 'document_id']).where('id', 'in', [...sourceSentenceIds])));
        const documentOf = new Map(sentences.map((row) => [row.id, row.document_id]));
        for (const id of sourceSentenceIds) {
          // A link may only point into the same document's source.
          if (documentOf.get(id) !== segment.document_id) {
            throw new RangeError(`source sentence ${id} is not in the document of segment ${segmentId}`);
          }
        }
        await tx.run(deleteLinks, { segmentId });
        await insertLinks(tx, sourceSentenceIds.map((id) => ({ segment_id: segmentId, source_sentence_id: id })));
        await tx.run(markStale, { documentId: segment.document_id, reason: 'source links changed' });
        await writes.addEvent(tx, { documentId: segment.document_id, segmentId, type: 'source' }, author, now);
        await writes.touchDocument(tx, segment.document_id, author, now);
      });
    },
  };
}
