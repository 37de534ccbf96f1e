import { Router } from 'express';
import { attachSource, getAlignment, relinkSegment } from '../../services/attach-source.js';
import { parseId } from '../../services/validate.js';
import type { Storage } from '../../storage/types.js';
import { optionalString, requireJsonObject } from './json-body.js';

/** A document's source text and its alignment with the translation. */
export function createSourceApi(storage: Storage): Router {
  const router = Router();

  router.post('/documents/:id/source', async (request, response) => {
    const body = requireJsonObject(request);
    const attached = await attachSource(storage, {
      documentId: parseId(request.params.id, 'Document'),
      text: optionalString(body.sourceText, 'sourceText') ?? '',
      language: optionalString(body.sourceLanguage, 'sourceLanguage'),
    });
    response.status(201).json({ source: attached });
  });

  router.get('/documents/:id/source', async (request, response) => {
    const alignment = await getAlignment(storage, parseId(request.params.id, 'Document'));
    response.json({
      language: alignment.language,
      sentences: alignment.sentences.map(({ id, position, text }) => ({ id, position, text })),
      links: alignment.rows.map(({ segment, source }) => ({ segmentId: segment.id, sourceSentenceIds: source.sentenceIds, source: source.text })),
      unlinked: alignment.unlinked.map((sentence) => sentence.id),
    });
  });

  // Correct a link: the 1-based positions of the source sentences this sentence translates ([] for an addition).
  router.put('/segments/:id/source-links', async (request, response) => {
    const body = requireJsonObject(request);
    await relinkSegment(storage, { segmentId: parseId(request.params.id, 'Sentence'), positions: body.positions });
    response.json({ ok: true });
  });

  return router;
}
