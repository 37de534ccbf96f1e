import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { findSession, findTokenUser, hasRole, isFirstRun } from '../services/accounts.js';
import type { Storage } from '../storage/types.js';
import type { UserRecord } from '../model.js';
import type { CallerCache } from './caller-cache.js';
import { HttpError } from './errors.js';

/** The session cookie: an opaque random token; the session itself lives in the database. */
export const SESSION_COOKIE = 'retouche_session';
/** Before login there is no session to bind a CSRF token to: a random cookie echoed by the form instead. */
const ANONYMOUS_CSRF_COOKIE = 'retouche_csrf';
/** Requests that change nothing need no CSRF token. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Who is asking: set on response.locals by `authenticate`. */
export interface Caller {
  user: UserRecord;
  /** A session comes with a browser (and needs CSRF tokens); a bearer token comes from a script. */
  via: 'session' | 'token';
  csrfToken: string | null;
}

/** The caller of an authenticated request; throws 401 when there is none (routes behind requireLogin never see that). */
export function callerOf(response: Response): Caller {
  const caller = response.locals.caller as Caller | undefined;
  if (!caller) throw new HttpError(401, 'unauthorized', 'Log in first.');
  return caller;
}

/** The name recorded on revisions: always the logged-in user, never a typed name. */
export function authorName(response: Response): string {
  return callerOf(response).user.name;
}

/** Find the caller from a bearer token or the session cookie, and give templates what they need. */
export function authenticate(storage: Storage, callers: CallerCache): RequestHandler {
  return async (request, response, next) => {
    const bearer = bearerTokenOf(request);
    const token: unknown = request.cookies?.[SESSION_COOKIE];
    let caller: Caller | undefined;
    if (bearer) {
      caller = await callers.find(`token ${bearer}`, async () => {
        const user = await findTokenUser(storage, bearer);
        return user && { user, via: 'token', csrfToken: null };
      });
      if (!caller) throw new HttpError(401, 'unauthorized', 'This API token is unknown, revoked, or its user is disabled.');
    } else if (typeof token === 'string') {
      caller = await callers.find(`session ${token}`, async () => {
        const session = await findSession(storage, token);
        return session && { user: session.user, via: 'session', csrfToken: session.csrfToken };
      });
    }
    response.locals.caller = caller;
    response.locals.user = caller?.user ?? null;
    response.locals.canEdit = caller ? hasRole(caller.user.role, 'editor') : false;
    response.locals.isAdmin = caller ? hasRole(caller.user.role, 'admin') : false;
    // Only a visitor without a session gets the anonymous token (the login and setup forms); a
    // script with an API token has no form to protect, and making it a cookie on every call cost
    // random bytes and a Set-Cookie header per API request.
    response.locals.csrfToken = caller ? caller.csrfToken : anonymousCsrfToken(request, response);
    next();
  };
}

/**
 * The credential a request was let in with, to check again later (a stream stays open for hours):
 * still valid while the session lives or the token is not revoked, and the user is not disabled.
 * `key` names it, so the streams opened with one credential are checked once.
 */
export function credentialOf(storage: Storage, request: Request, response: Response): { key: string; check(): Promise<boolean> } {
  const caller = callerOf(response);
  if (caller.via === 'token') {
    const bearer = bearerTokenOf(request)!;
    return { key: `token ${bearer}`, check: async () => (await findTokenUser(storage, bearer)) !== undefined };
  }
  const token = String(request.cookies?.[SESSION_COOKIE]);
  return { key: `session ${token}`, check: async () => (await findSession(storage, token)) !== undefined };
}

/**
 * Refuse a state-changing request from a browser session that does not carry the session's CSRF
 * token (form field `_csrf` or header `X-CSRF-Token`). Bearer-token calls carry no cookie, so a
 * foreign page cannot forge them. Runs after the body is parsed, uploads included.
 */
export const verifyCsrf: RequestHandler = (request, response, next) => {
  if (SAFE_METHODS.has(request.method)) return next();
  const caller = response.locals.caller as Caller | undefined;
  if (caller?.via === 'token') return next();
  const expected: unknown = caller ? caller.csrfToken : request.cookies?.[ANONYMOUS_CSRF_COOKIE];
  const sent = request.get('x-csrf-token') ?? (request.body as { _csrf?: unknown } | undefined)?._csrf;
  if (typeof expected !== 'string' || typeof sent !== 'string' || !sameSecret(expected, sent)) {
    throw new HttpError(403, 'csrf', 'This form has expired or did not come from Retouche. Reload the page and try again.');
  }
  next();
};

/** A caller who has not logged in: people are sent to the login page (or, on a fresh install, to setup), scripts get 401. */
export async function sendToLogin(storage: Storage, request: Request, response: Response): Promise<void> {
  if (request.originalUrl.startsWith('/api/')) {
    throw new HttpError(401, 'unauthorized', 'Log in or send an API token: Authorization: Bearer <token>.');
  }
  const firstRun = await isFirstRun(storage);
  response.redirect(303, firstRun && isLoopback(request) ? '/setup' : `/login?next=${encodeURIComponent(request.originalUrl)}`);
}

/** Past the route table: a caller who has not logged in learns nothing about which paths exist. */
export function requireLogin(storage: Storage): RequestHandler {
  return async (request, response, next) => {
    if (response.locals.caller) return next();
    await sendToLogin(storage, request, response);
  };
}

/**
 * Requests from this machine: only they may create the first admin of a fresh installation.
 * A request forwarded by a proxy on this machine comes from elsewhere, so it does not count.
 */
export function isLoopback(request: Request): boolean {
  if (request.get('x-forwarded-for') !== undefined || request.get('forwarded') !== undefined) return false;
  const address = request.socket.remoteAddress ?? '';
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/** Options for the session cookie: Secure when the request came over HTTPS. */
export function sessionCookieOptions(request: Request, expiresAt?: string) {
  return { httpOnly: true, sameSite: 'lax' as const, secure: request.secure, path: '/', ...(expiresAt && { expires: new Date(expiresAt) }) };
}

function bearerTokenOf(request: Request): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(request.get('authorization') ?? '')?.[1];
}

function anonymousCsrfToken(request: Request, response: Response): string {
  const existing: unknown = request.cookies?.[ANONYMOUS_CSRF_COOKIE];
  if (typeof existing === 'string' && existing.length >= 32) return existing;
  const token = randomBytes(24).toString('base64url');
  response.cookie(ANONYMOUS_CSRF_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: request.secure, path: '/' });
  return token;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
