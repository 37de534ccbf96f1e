import path from 'node:path';
import cookieParser from 'cookie-parser';
import ejs from 'ejs';
import express, { type Express } from 'express';
import { pino, type Logger } from 'pino';
import type { Storage } from './storage/types.js';
import type { Analyzer } from './services/document-analysis.js';
import { MAX_ARTICLE_BYTES } from './services/limits.js';
import type { DocumentFeed } from './services/document-feed.js';
import { createUrlPolicy, type UrlPolicy } from './services/fetch-page.js';
import { createLoginThrottle } from './services/login-throttle.js';
import { authenticate, requireLogin } from './web/auth.js';
import type { AppCaches } from './web/caches.js';
import { handleErrors, handleNotFound } from './web/errors.js';
import { logRequests } from './web/request-log.js';
import { mountRoutes } from './web/route-table.js';
import { ROUTES } from './web/routes.js';
import { compressResponses } from './web/compress-responses.js';
import { sendSecurityHeaders } from './web/security-headers.js';
import { VIEWS_DIRECTORY } from './web/views-directory.js';
import { rejectForbiddenText, verifyFormBody, verifyJsonBody } from './web/request-text.js';

export interface AppDependencies {
  storage: Storage;
  /** What analyses the documents of `storage` and stores their flags, made beside it (createAnalyzer). */
  analyzer: Analyzer;
  /** What the app keeps in memory between requests, made beside the storage (createAppCaches). */
  caches: AppCaches;
  /** The live documents' event streams, made beside the storage (createDocumentFeed); ended by whoever made it. */
  feed: DocumentFeed;
  /** Request log; silent when not given, so tests print nothing. */
  logger?: Logger;
  /** Trust X-Forwarded-* from a reverse proxy (for HTTPS detection and client addresses). */
  trustProxy?: boolean;
  /** What URL imports may reach; public addresses only when not given. */
  urlPolicy?: UrlPolicy;
}

/** JSON bodies carry at most one article plus its metadata; a little over the article limit leaves room for escaping. */
const JSON_BODY_LIMIT = Math.ceil(MAX_ARTICLE_BYTES * 1.5);

/** Build the web application; it starts nothing and touches nothing until it handles a request. */
export function createApp({
  storage, analyzer, caches, feed, logger = pino({ level: 'silent' }), trustProxy = false, urlPolicy = createUrlPolicy({ allowPrivateAddresses: false }),
}: AppDependencies): Express {
  const app = express();
  // Compile each template once: Express only caches views when NODE_ENV=production, and recompiling
  // every include on every request cost a document page ~27 ms of its ~39 here. Includes name their
  // file from the views folder ("/_partials/segment"), so EJS resolves them without asking the disk
  // whether the file exists, which it otherwise does for every include of every row (profiled: a
  // tenth of a document page's time).
  app.engine('ejs', (file: string, data: object, done: (error: Error | null, html?: string) => void) => {
    ejs.renderFile(file, data, { cache: true, root: VIEWS_DIRECTORY }, done);
  });
  app.set('view engine', 'ejs');
  app.set('views', VIEWS_DIRECTORY);
  app.set('view cache', true);
  // Trust only a proxy on this machine: X-Forwarded-For from anywhere else is the client's to invent.
  app.set('trust proxy', trustProxy ? 'loopback' : false);
  app.disable('x-powered-by');

  app.use(compressResponses());
  app.use(sendSecurityHeaders);
  // Static files before the request log, the cookies, the body parsers and the caller lookup: none applies to them.
  app.use('/static', express.static(path.join(VIEWS_DIRECTORY, 'public'), { maxAge: '1h' }));
  app.use(logRequests(logger));
  app.use(cookieParser());
  app.use(express.json({ limit: JSON_BODY_LIMIT, verify: verifyJsonBody }));
  app.use(express.urlencoded({ extended: false, limit: JSON_BODY_LIMIT, verify: verifyFormBody }));

  app.use(rejectForbiddenText);
  app.use(authenticate(storage, caches.callers));
  app.use(mountRoutes(ROUTES, { storage, analyzer, caches, feed, throttle: createLoginThrottle(), urlPolicy }));
  // Past the route table: callers who have not logged in are sent to do so before learning a path is unknown.
  app.use(requireLogin(storage));

  app.use(handleNotFound);
  app.use(handleErrors(logger));
  return app;
}
