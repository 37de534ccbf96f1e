import type { Request, Response } from 'express';
import type { ImportRequest } from '../services/import-document.js';
import { authorName } from './auth.js';
import { fieldsOf, optionalString } from './request-fields.js';
import { uploadedFile } from './upload.js';

/**
 * An import as the import service takes it, from any way a client sends one: a JSON body, a
 * urlencoded form, or multipart with `file` and `sourceFile` (the import page, `curl -F`), each
 * with `text`, `url`, `title`, `targetLanguage`, `sourceText` and `sourceLanguage` fields: the one
 * place that turns a request into the import service's input. An upload's error (a file over the
 * limit) is raised here, so the import page shows it beside the form.
 */
export function readImportRequest(request: Request, response: Response): ImportRequest {
  const fields = fieldsOf(request);
  return {
    title: optionalString(fields.title, 'title'),
    text: optionalString(fields.text, 'text'),
    url: optionalString(fields.url, 'url'),
    file: uploadedFile(request, response, 'file'),
    targetLanguage: optionalString(fields.targetLanguage, 'targetLanguage'),
    author: authorName(response),
    source: {
      text: optionalString(fields.sourceText, 'sourceText'),
      file: uploadedFile(request, response, 'sourceFile'),
      language: optionalString(fields.sourceLanguage, 'sourceLanguage'),
    },
  };
}
