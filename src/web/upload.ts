import type { Request, RequestHandler } from 'express';
import multer from 'multer';
import { ServiceError } from '../services/errors.js';
import { MAX_ARTICLE_BYTES } from '../services/limits.js';
import { verifyCsrf } from './auth.js';

/**
 * Multipart parsing for the import form: the file stays in memory (it is at most 2 MB) and
 * fields are capped at the same size, so an oversized paste is refused before it is read whole.
 */
const parseMultipart = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_ARTICLE_BYTES, fieldSize: MAX_ARTICLE_BYTES, files: 2, fields: 12 },
}).fields([{ name: 'file', maxCount: 1 }, { name: 'sourceFile', maxCount: 1 }]);

/** An uploaded file of the form by field name, as the services take it. */
export function uploadedFile(request: Request, field: 'file' | 'sourceFile'): { name: string; bytes: Uint8Array; mediaType: string } | undefined {
  const files = request.files as Record<string, Express.Multer.File[] | undefined> | undefined;
  const file = files?.[field]?.[0];
  return file && { name: file.originalname, bytes: file.buffer, mediaType: file.mimetype };
}

/**
 * Parse the import form; an upload that breaks a limit becomes a ServiceError left in
 * `response.locals.uploadError`, so the import page can show it beside the form instead of an error page.
 */
export const parseImportForm: RequestHandler = (request, response, next) => {
  parseMultipart(request, response, (error: unknown) => {
    response.locals.multipartParsed = true;
    if (error instanceof multer.MulterError) {
      response.locals.uploadError = error.code === 'LIMIT_FILE_SIZE' || error.code === 'LIMIT_FIELD_VALUE'
        ? new ServiceError('too-large', 'The article is larger than the 2.0 MB limit. Split it into several articles.')
        : new ServiceError('invalid-input', `The upload could not be read (${error.message}).`);
    } else if (error) {
      // A cut-off body or a missing boundary: the person's request is broken, not the server.
      return next(new ServiceError('invalid-input', 'The upload could not be read: it was cut off or is not a valid form. Try again.'));
    }
    // This runs in multer's callback, outside Express's promise chain: a throw here would end the process.
    try {
      verifyCsrf(request, response, next);
    } catch (failure) {
      next(failure);
    }
  });
};
