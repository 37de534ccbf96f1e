import path from 'node:path';
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import type { Storage } from './storage/types.js';
import { MAX_ARTICLE_BYTES } from './services/limits.js';
import { createDocumentApi } from './web/api/document-api.js';
import { createHistoryApi } from './web/api/history-api.js';
import { createSegmentApi } from './web/api/segment-api.js';
import { handleError, handleNotFound } from './web/errors.js';
import { createDocumentPages } from './web/pages/document-pages.js';
import { createHistoryPages } from './web/pages/history-pages.js';
import { createSegmentPages } from './web/pages/segment-pages.js';

export interface AppDependencies {
  storage: Storage;
}

/** Where the EJS views and their static files live, beside src/ and dist/. */
const VIEWS_DIRECTORY = path.resolve(import.meta.dirname, '..', 'views');
/** JSON bodies carry at most one article plus its metadata; a little over the article limit leaves room for escaping. */
const JSON_BODY_LIMIT = Math.ceil(MAX_ARTICLE_BYTES * 1.5);

/** Build the web application; it starts nothing and touches nothing until it handles a request. */
export function createApp({ storage }: AppDependencies): Express {
  const app = express();
  app.set('view engine', 'ejs');
  app.set('views', VIEWS_DIRECTORY);
  app.disable('x-powered-by');

  app.use('/static', express.static(path.join(VIEWS_DIRECTORY, 'public'), { maxAge: '1h' }));
  app.use(cookieParser());
  app.use(express.json({ limit: JSON_BODY_LIMIT }));
  app.use(express.urlencoded({ extended: false, limit: JSON_BODY_LIMIT }));

  app.use((request, response, next) => {
    // The "Editing as" form in every page's header returns the editor to the page they were on.
    response.locals.currentPath = request.originalUrl;
    next();
  });
  app.use('/api', createDocumentApi(storage), createSegmentApi(storage), createHistoryApi(storage));
  app.use('/', createDocumentPages(storage), createSegmentPages(storage), createHistoryPages(storage));

  app.use(handleNotFound);
  app.use(handleError);
  return app;
}
