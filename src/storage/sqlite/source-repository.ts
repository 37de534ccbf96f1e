import type Database from 'better-sqlite3';
import type { NewSource, SourceRepository } from '../types.js';
import type { SourceSentenceRecord } from '../../model.js';

interface SentenceRow { id: number; document_id: number; position: number; start_offset: number; end_offset: number; text: string }

/** Source texts, their sentences and the alignment links over SQLite. */
export function createSourceRepository(db: Database.Database): SourceRepository {
  const updateDocument = db.prepare('UPDATE documents SET source_text = ?, source_language = ?, updated_at = ? WHERE id = ?');
  const deleteSentences = db.prepare('DELETE FROM source_sentences WHERE document_id = ?');
  const insertSentence = db.prepare(`INSERT INTO source_sentences (document_id, position, start_offset, end_offset, text)
    VALUES (?, ?, ?, ?, ?)`);
  const insertLink = db.prepare('INSERT OR IGNORE INTO segment_sources (segment_id, source_sentence_id) VALUES (?, ?)');
  const deleteLinks = db.prepare('DELETE FROM segment_sources WHERE segment_id = ?');
  const selectSentences = db.prepare(`SELECT id, document_id, position, start_offset, end_offset, text FROM source_sentences
    WHERE document_id = ? ORDER BY position`);
  const selectLinks = db.prepare(`SELECT l.segment_id, l.source_sentence_id FROM segment_sources l
    JOIN segments s ON s.id = l.segment_id JOIN source_sentences ss ON ss.id = l.source_sentence_id
    WHERE s.document_id = ? ORDER BY s.position, ss.position`);
  const selectSegmentDocument = db.prepare('SELECT document_id FROM segments WHERE id = ?').pluck();
  const selectSentenceDocument = db.prepare('SELECT document_id FROM source_sentences WHERE id = ?').pluck();

  const attach = db.transaction((documentId: number, source: NewSource) => {
    updateDocument.run(source.text, source.language, new Date().toISOString(), documentId);
    // Replacing a source drops the old sentences and, by cascade, their links.
    deleteSentences.run(documentId);
    const ids = source.sentences.map((sentence) =>
      Number(insertSentence.run(documentId, sentence.position, sentence.start, sentence.end, sentence.text).lastInsertRowid));
    for (const link of source.links) {
      for (const position of link.sourcePositions) {
        const id = ids[position];
        if (id !== undefined) insertLink.run(link.segmentId, id);
      }
    }
  });

  const setLinks = db.transaction((segmentId: number, sourceSentenceIds: readonly number[]) => {
    const documentId = selectSegmentDocument.get(segmentId);
    for (const id of sourceSentenceIds) {
      // A link may only point into the same document's source.
      if (selectSentenceDocument.get(id) !== documentId) throw new RangeError(`source sentence ${id} is not in the document of segment ${segmentId}`);
    }
    deleteLinks.run(segmentId);
    for (const id of sourceSentenceIds) insertLink.run(segmentId, id);
  });

  return {
    async attach(documentId, source) {
      attach.immediate(documentId, source);
    },
    async listSentences(documentId) {
      return (selectSentences.all(documentId) as SentenceRow[]).map(toSentence);
    },
    async listLinks(documentId) {
      return (selectLinks.all(documentId) as { segment_id: number; source_sentence_id: number }[])
        .map((row) => ({ segmentId: row.segment_id, sourceSentenceId: row.source_sentence_id }));
    },
    async setLinks(segmentId, sourceSentenceIds) {
      setLinks(segmentId, sourceSentenceIds);
    },
  };
}

function toSentence(row: SentenceRow): SourceSentenceRecord {
  return { id: row.id, documentId: row.document_id, position: row.position, start: row.start_offset, end: row.end_offset, text: row.text };
}
