import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { UserRole } from '../model.js';
import { hasRole } from '../services/accounts.js';
import { ServiceError } from '../services/errors.js';
import type { Analyzer } from '../services/document-analysis.js';
import type { DocumentFeed } from '../services/document-feed.js';
import type { UrlPolicy } from '../services/fetch-page.js';
import type { LoginThrottle } from '../services/login-throttle.js';
import type { Storage } from '../storage/types.js';
import { sendToLogin, verifyCsrf, type Caller } from './auth.js';
import type { AppCaches } from './caches.js';
import { HttpError, httpStatusOf, setRetryAfter } from './errors.js';
import { parseUpload } from './upload.js';

/**
 * One route: an action of the app at one method and path. A route that answers `both` is mounted
 * twice from this one entry: at its path for people (HTML, forms that post and redirect) and at
 * `/api` + its path for scripts (JSON). HTML forms can only GET and POST, so the form of a PUT or
 * DELETE route posts to the same path.
 */
export interface Route {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  /** The weakest role that may call it, or anyone (the login form). */
  access: 'anyone' | UserRole;
  answers: 'html' | 'json' | 'both';
  handler: RouteHandler;
  /** Only a browser session may call it, never an API token: managing tokens and accounts. */
  sessionOnly?: true;
  /** Takes multipart bodies (file uploads), parsed once the caller may call it. */
  multipart?: true;
  /**
   * For people: how a refused action (a ServiceError other than not-found) is shown, usually the
   * form again with what they typed and why. Without it, the error page says why.
   */
  refused?: RefusalHandler;
}

/** What every handler works with, made once per app by createApp. */
export interface RouteContext {
  storage: Storage;
  /** Keeps the stored flags current (off the request thread). */
  analyzer: Analyzer;
  caches: AppCaches;
  /** The live documents' streams on this server. */
  feed: DocumentFeed;
  throttle: LoginThrottle;
  /** What URL imports may reach. */
  urlPolicy: UrlPolicy;
}

export type RouteHandler = (request: Request, response: Response, context: RouteContext) => Promise<void> | void;
export type RefusalHandler = (error: ServiceError, request: Request, response: Response, context: RouteContext) => Promise<void> | void;

/** Where one route is registered: its method, its full path, and the answer given there. */
export interface Registration {
  method: Route['method'];
  path: string;
  answer: 'html' | 'json';
}

/** Where a route is registered: `/api` + path for JSON, its path for HTML (a PUT or DELETE route's form posts there). */
export function registrationsOf(route: Route): Registration[] {
  const registrations: Registration[] = [];
  if (route.answers !== 'html') registrations.push({ method: route.method, path: `/api${route.path}`, answer: 'json' });
  const formMethod = route.method === 'put' || route.method === 'delete' ? 'post' : route.method;
  if (route.answers !== 'json') registrations.push({ method: formMethod, path: route.path, answer: 'html' });
  return registrations;
}

/** Whether this request came through the JSON mount of its route. */
export function answersJson(response: Response): boolean {
  return response.locals.answer === 'json';
}

/** A router serving every route of the table at each of its registrations. */
export function mountRoutes(routes: readonly Route[], context: RouteContext): Router {
  const router = Router();
  for (const route of routes) {
    for (const registration of registrationsOf(route)) {
      router[registration.method](registration.path,
        markAnswer(registration.answer), checkAccess(route, context), ...(route.multipart ? [parseUpload] : []), checkBody(route), verifyCsrf,
        runHandler(route, context));
    }
  }
  return router;
}

function markAnswer(answer: Registration['answer']): RequestHandler {
  return (_request, response, next) => {
    response.locals.answer = answer;
    next();
  };
}

/** Who may go on: people are sent to log in, scripts get 401, the wrong role or a token where a session is needed gets 403. */
function checkAccess(route: Route, context: RouteContext): RequestHandler {
  return async (request, response, next) => {
    if (route.access === 'anyone') return next();
    const caller = response.locals.caller as Caller | undefined;
    if (!caller) return sendToLogin(context.storage, request, response);
    if (route.sessionOnly && caller.via === 'token') {
      throw new HttpError(403, 'forbidden', 'API tokens cannot manage tokens or accounts: sign in to Retouche in a browser to do this.');
    }
    if (!hasRole(caller.user.role, route.access)) {
      throw new HttpError(403, 'forbidden', `This needs the ${route.access} role; you are signed in as ${caller.user.name} (${caller.user.role}).`);
    }
    next();
  };
}

/** Changes through the API send a JSON object (or, to an upload route, a multipart form); forms send a form. */
function checkBody(route: Route): RequestHandler {
  return (request, response, next) => {
    // A DELETE may come without a body (a restored flag names everything in its path).
    if (route.method === 'get' || (route.method === 'delete' && request.get('content-length') === undefined && request.get('transfer-encoding') === undefined)) {
      return next();
    }
    if (request.is('multipart/form-data') && !route.multipart) {
      throw new HttpError(415, 'unsupported-media-type', 'Only the import and source forms may send multipart data.');
    }
    const body: unknown = request.body;
    const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
    if (answersJson(response) && !request.is('multipart/form-data') && (!request.is('application/json') || !isObject)) {
      throw new HttpError(415, 'unsupported-media-type', 'Send a JSON object with Content-Type: application/json.');
    }
    next();
  };
}

function runHandler(route: Route, context: RouteContext): RequestHandler {
  return async (request, response) => {
    try {
      await route.handler(request, response, context);
    } catch (error) {
      if (!(error instanceof ServiceError) || error.code === 'not-found' || !route.refused || answersJson(response)) throw error;
      response.status(httpStatusOf(error));
      setRetryAfter(response, error.details);
      await route.refused(error, request, response, context);
    }
  };
}
