import type { Request, Response } from 'express';
import type { ImportOptions, ImportRequest } from '../services/import-document.js';
import type { UrlPolicy } from '../services/fetch-page.js';
import { optionalString } from './api/json-body.js';
import { authorName } from './auth.js';
import { HttpError } from './errors.js';
import { uploadedFile } from './upload.js';

/** Where `app.locals` keeps the URL import policy createApp was given. */
export const URL_POLICY_KEY = 'urlPolicy';

/**
 * An import as the import service takes it, from any way a client sends one: a JSON body, a
 * urlencoded form, or multipart with `file` and `sourceFile` (the import page, `curl -F`), each
 * with `text`, `url`, `title`, `targetLanguage`, `sourceText` and `sourceLanguage` fields. Run
 * after parseImportForm, whose upload error (a file over the limit) it raises here.
 */
export function readImportRequest(request: Request, response: Response): { input: ImportRequest; options: ImportOptions } {
  if (response.locals.uploadError) throw response.locals.uploadError;
  const body: unknown = request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(415, 'unsupported-media-type', 'Send a JSON object with Content-Type: application/json, or a form (multipart/form-data with a "file").');
  }
  const fields = body as Record<string, unknown>;
  const source = { text: optionalString(fields.sourceText, 'sourceText'), file: uploadedFile(request, 'sourceFile'), language: optionalString(fields.sourceLanguage, 'sourceLanguage') };
  return {
    input: {
      title: optionalString(fields.title, 'title'),
      text: optionalString(fields.text, 'text'),
      url: optionalString(fields.url, 'url'),
      file: uploadedFile(request, 'file'),
      targetLanguage: optionalString(fields.targetLanguage, 'targetLanguage'),
      author: authorName(response),
      source,
    },
    options: { urlPolicy: request.app.locals[URL_POLICY_KEY] as UrlPolicy | undefined },
  };
}
