import type pg from 'pg';
import type { SourceRepository } from '../types.js';
import type { SourceSentenceRecord } from '../../model.js';
import { withTransaction } from './pool.js';

interface SentenceRow { id: number; document_id: number; position: number; start_offset: number; end_offset: number; text: string }

/** Source texts, their sentences and the alignment links over PostgreSQL. */
export function createSourceRepository(pool: pg.Pool): SourceRepository {
  return {
    async attach(documentId, source) {
      await withTransaction(pool, async (client) => {
        await client.query('UPDATE documents SET source_text = $1, source_language = $2, updated_at = $3 WHERE id = $4',
          [source.text, source.language, new Date().toISOString(), documentId]);
        // Replacing a source drops the old sentences and, by cascade, their links.
        await client.query('DELETE FROM source_sentences WHERE document_id = $1', [documentId]);
        const { rows } = await client.query<{ id: number; position: number }>(`INSERT INTO source_sentences
          (document_id, position, start_offset, end_offset, text)
          SELECT $1, s.position, s.start_offset, s.end_offset, s.text
          FROM unnest($2::int[], $3::int[], $4::int[], $5::text[]) AS s(position, start_offset, end_offset, text)
          RETURNING id, position`,
        [documentId, source.sentences.map((s) => s.position), source.sentences.map((s) => s.start),
          source.sentences.map((s) => s.end), source.sentences.map((s) => s.text)]);
        // `sourcePositions` index the sentences array, as over SQLite, not the stored position.
        const idByPosition = new Map(rows.map((row) => [row.position, row.id]));
        const ids = source.sentences.map((sentence) => idByPosition.get(sentence.position));
        const segmentIds: number[] = [];
        const sentenceIds: number[] = [];
        for (const link of source.links) {
          for (const position of link.sourcePositions) {
            const id = ids[position];
            if (id !== undefined) {
              segmentIds.push(link.segmentId);
              sentenceIds.push(id);
            }
          }
        }
        await insertLinks(client, segmentIds, sentenceIds);
      });
    },
    async listSentences(documentId) {
      const { rows } = await pool.query<SentenceRow>(`SELECT id, document_id, position, start_offset, end_offset, text
        FROM source_sentences WHERE document_id = $1 ORDER BY position`, [documentId]);
      return rows.map(toSentence);
    },
    async listLinks(documentId) {
      const { rows } = await pool.query<{ segment_id: number; source_sentence_id: number }>(`SELECT l.segment_id, l.source_sentence_id
        FROM segment_sources l JOIN segments s ON s.id = l.segment_id JOIN source_sentences ss ON ss.id = l.source_sentence_id
        WHERE s.document_id = $1 ORDER BY s.position, ss.position`, [documentId]);
      return rows.map((row) => ({ segmentId: row.segment_id, sourceSentenceId: row.source_sentence_id }));
    },
    async setLinks(segmentId, sourceSentenceIds) {
      await withTransaction(pool, async (client) => {
        const { rows: [segment] } = await client.query<{ document_id: number }>('SELECT document_id FROM segments WHERE id = $1', [segmentId]);
        const { rows } = await client.query<{ id: number; document_id: number }>(
          'SELECT id, document_id FROM source_sentences WHERE id = ANY($1::bigint[])', [[...sourceSentenceIds]]);
        const documentOf = new Map(rows.map((row) => [row.id, row.document_id]));
        for (const id of sourceSentenceIds) {
          // A link may only point into the same document's source.
          if (segment === undefined || documentOf.get(id) !== segment.document_id) {
            throw new RangeError(`source sentence ${id} is not in the document of segment ${segmentId}`);
          }
        }
        await client.query('DELETE FROM segment_sources WHERE segment_id = $1', [segmentId]);
        await insertLinks(client, sourceSentenceIds.map(() => segmentId), [...sourceSentenceIds]);
      });
    },
  };
}

async function insertLinks(client: pg.PoolClient, segmentIds: number[], sentenceIds: number[]): Promise<void> {
  if (segmentIds.length === 0) return;
  await client.query(`INSERT INTO segment_sources (segment_id, source_sentence_id)
    SELECT * FROM unnest($1::bigint[], $2::bigint[]) ON CONFLICT DO NOTHING`, [segmentIds, sentenceIds]);
}

function toSentence(row: SentenceRow): SourceSentenceRecord {
  return { id: row.id, documentId: row.document_id, position: row.position, start: row.start_offset, end: row.end_offset, text: row.text };
}
