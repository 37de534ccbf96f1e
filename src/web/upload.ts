import type { Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { ServiceError } from '../services/errors.js';
import { decodeUtf8 } from '../services/input-rules.js';
import { MAX_ARTICLE_BYTES } from '../services/limits.js';
import { describeForbiddenField } from './request-text.js';

/**
 * Multipart parsing for the import and source forms: the file stays in memory (it is at most
 * 2 MB) and fields are capped at the same size, so an oversized paste is refused before it is read whole.
 */
const parseMultipart = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_ARTICLE_BYTES, fieldSize: MAX_ARTICLE_BYTES, files: 2, fields: 12 },
  // Text fields come as Latin-1, one character per byte: their bytes survive, to be decoded as
  // UTF-8 strictly below. Decoding them as UTF-8 here would turn a bad byte into U+FFFD unseen.
  defCharset: 'latin1',
} as multer.Options).fields([{ name: 'file', maxCount: 1 }, { name: 'sourceFile', maxCount: 1 }]);

/**
 * Parse an upload form. A file or field over a limit, or a field holding a character no text
 * may hold, is kept in `response.locals.uploadError` and thrown by `uploadedFile`, so the form is
 * shown again with the reason instead of an error page.
 */
export const parseUpload: RequestHandler = (request, response, next) => {
  if (!request.is('multipart/form-data')) return next();
  parseMultipart(request, response, (error: unknown) => {
    if (error instanceof multer.MulterError) {
      response.locals.uploadError = error.code === 'LIMIT_FILE_SIZE' || error.code === 'LIMIT_FIELD_VALUE'
        ? new ServiceError('too-large', 'The article is larger than the 2.0 MB limit. Split it into several articles.')
        : new ServiceError('invalid-input', `The upload could not be read (${error.message}).`);
      return next();
    }
    // A cut-off body or a missing boundary: the person's request is broken, not the server.
    if (error) return next(new ServiceError('invalid-input', 'The upload could not be read: it was cut off or is not a valid form. Try again.'));
    const notUtf8 = decodeFields(request.body as Record<string, unknown>);
    // The fields were parsed after the check every other body gets (see request-text.ts).
    const forbidden = notUtf8 ?? describeForbiddenField(request.body);
    if (forbidden) response.locals.uploadError = new ServiceError('invalid-input', forbidden);
    next();
  });
};

/**
 * Decode the text fields of a form, parsed as Latin-1, as UTF-8 in place; what is wrong with the
 * first that is not UTF-8, as the other bodies' refusal says it, or null.
 */
function decodeFields(fields: Record<string, unknown>, path = ''): string | null {
  for (const [name, value] of Object.entries(fields)) {
    const field = path ? `${path}.${name}` : name;
    if (typeof value === 'object' && value !== null) {
      const problem = decodeFields(value as Record<string, unknown>, field);
      if (problem) return problem;
    } else if (typeof value === 'string') {
      const decoded = decodeUtf8(Buffer.from(value, 'latin1'));
      if (!decoded.ok) return `"${field}" is not valid UTF-8 (byte 0x${value.charCodeAt(decoded.offset).toString(16).toUpperCase()} at position ${decoded.offset}). Send it as UTF-8.`;
      fields[name] = decoded.text;
    }
  }
  return null;
}

/** An uploaded file of the form by field name, as the services take it; throws what went wrong with the upload. */
export function uploadedFile(
  request: Request, response: Response, field: 'file' | 'sourceFile',
): { name: string; bytes: Uint8Array; mediaType: string } | undefined {
  if (response.locals.uploadError instanceof ServiceError) throw response.locals.uploadError;
  const files = request.files as Record<string, Express.Multer.File[] | undefined> | undefined;
  const file = files?.[field]?.[0];
  return file && { name: file.originalname, bytes: file.buffer, mediaType: file.mimetype };
}
