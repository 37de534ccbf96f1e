import { Router, type Response } from 'express';
import { attachSource, getAlignment, relinkSegment } from '../../services/attach-source.js';
import { getDocumentRecord, getSegment } from '../../services/documents.js';
import { ServiceError } from '../../services/errors.js';
import { languageName } from '../../services/languages.js';
import { parseId } from '../../services/validate.js';
import type { Storage } from '../../storage/types.js';
import { SUPPORTED_LANGUAGES } from '../../text/detect-language.js';
import { requireRole } from '../auth.js';
import { httpStatusOf } from '../errors.js';
import { fieldsOf } from '../request-fields.js';
import { parseImportForm, uploadedFile } from '../upload.js';

/** The source page: attach or replace a document's source, and review or correct the alignment. */
export function createSourcePages(storage: Storage): Router {
  const router = Router();

  const render = async (documentId: number, response: Response, error: string | null = null) => {
    const document = await getDocumentRecord(storage, documentId);
    const alignment = await getAlignment(storage, documentId);
    const positionOf = new Map(alignment.sentences.map((sentence, index) => [sentence.id, index + 1]));
    response.render('source', {
      title: `Source · ${document.title}`,
      document: { id: document.id, title: document.title },
      alignment,
      languageName: alignment.language ? languageName(alignment.language) : '',
      rows: alignment.rows.map(({ segment, source }) => ({
        segmentId: segment.id, position: segment.position, text: segment.text, sourceText: source.text,
        positions: source.sentenceIds.map((id) => positionOf.get(id)).join(', '),
      })),
      languages: SUPPORTED_LANGUAGES,
      error,
    });
  };

  router.get('/documents/:id/source', async (request, response) => {
    await render(parseId(request.params.id, 'Document'), response);
  });

  router.post('/documents/:id/source', requireRole('editor'), parseImportForm, async (request, response) => {
    const documentId = parseId(request.params.id, 'Document');
    const form = fieldsOf(request) as Record<string, string | undefined>;
    try {
      if (response.locals.uploadError) throw response.locals.uploadError;
      await attachSource(storage, { documentId, text: form.sourceText, file: uploadedFile(request, 'sourceFile'), language: form.sourceLanguage });
      response.redirect(303, `/documents/${documentId}/source`);
    } catch (error) {
      if (!(error instanceof ServiceError) || error.code === 'not-found') throw error;
      response.status(httpStatusOf(error));
      await render(documentId, response, error.message);
    }
  });

  router.post('/segments/:id/source-links', async (request, response) => {
    const segmentId = parseId(request.params.id, 'Sentence');
    await relinkSegment(storage, { segmentId, positions: fieldsOf(request).positions });
    const { segment } = await getSegment(storage, segmentId);
    response.redirect(303, `/documents/${segment.documentId}/source#link-${segmentId}`);
  });

  return router;
}
