import type { Request, Response } from 'express';
import {
  changeRole, createApiToken, createFirstAdmin, createUser, isFirstRun, listApiTokens, listSessions, listUsers, logIn, logOut,
  logOutEverywhere, openSession, revokeApiToken, ROLES, setUserDisabled,
} from '../../services/accounts.js';
import { ServiceError } from '../../services/errors.js';
import { parseId } from '../../services/validate.js';
import { callerOf, isLoopback, SESSION_COOKIE, sessionCookieOptions } from '../auth.js';
import { fieldsOf, queryText, readReturnPath } from '../request-fields.js';
import type { RouteContext } from '../route-table.js';

export async function showLogin(request: Request, response: Response, { storage }: RouteContext): Promise<void> {
  if (response.locals.caller) return response.redirect(303, readReturnPath(queryText(request, 'next'), '/documents'));
  renderLogin(request, response, { firstRun: await isFirstRun(storage) });
}

export async function logInWithPassword(request: Request, response: Response, { storage, throttle }: RouteContext): Promise<void> {
  const form = fieldsOf(request);
  const session = await logIn(storage, throttle, { name: form.name, password: form.password, address: request.ip ?? '' });
  response.cookie(SESSION_COOKIE, session.token, sessionCookieOptions(request, session.expiresAt));
  response.redirect(303, readReturnPath(form.next, '/documents'));
}

/** The login form again, with the name typed and why it failed (and, when slowed down, how long to wait). */
export function refuseLogin(error: ServiceError, request: Request, response: Response): void {
  const form = fieldsOf(request);
  renderLogin(request, response, { error: error.message, name: typeof form.name === 'string' ? form.name : '' });
}

export async function logOutSession(request: Request, response: Response, { storage, caches }: RouteContext): Promise<void> {
  const token: unknown = request.cookies?.[SESSION_COOKIE];
  if (typeof token === 'string') await logOut(storage, token);
  caches.callers.clear();
  response.clearCookie(SESSION_COOKIE, sessionCookieOptions(request));
  response.redirect(303, '/login');
}

/** A fresh installation has no account: the first admin is created from the server machine itself. */
export async function showSetup(request: Request, response: Response, { storage }: RouteContext): Promise<void> {
  await requireFirstRun(storage, request);
  response.render('setup', { title: 'Create the first administrator', error: null, name: '' });
}

export async function setUpFirstAdmin(request: Request, response: Response, { storage }: RouteContext): Promise<void> {
  await requireFirstRun(storage, request);
  const form = fieldsOf(request);
  if (form.password !== form.confirm) throw new ServiceError('invalid-input', 'The two passwords differ.');
  const user = await createFirstAdmin(storage, { name: form.name, password: form.password });
  const session = await openSession(storage, user);
  response.cookie(SESSION_COOKIE, session.token, sessionCookieOptions(request, session.expiresAt));
  response.redirect(303, '/documents');
}

export function refuseSetup(error: ServiceError, request: Request, response: Response): void {
  // Setup is over or this is not the server machine: the error page says so, not the form.
  if (error.code === 'forbidden') throw error;
  const form = fieldsOf(request);
  response.render('setup', { title: 'Create the first administrator', error: error.message, name: typeof form.name === 'string' ? form.name : '' });
}

/** The signed-in user's own account: API tokens and sessions. */
export async function showAccount(request: Request, response: Response, { storage }: RouteContext): Promise<void> {
  await renderAccount(storage, request, response, null);
}

export async function createToken(request: Request, response: Response, { storage }: RouteContext): Promise<void> {
  const { token } = await createApiToken(storage, callerOf(response).user, fieldsOf(request).label);
  // The token is shown once, on this answer; only its hash is kept.
  await renderAccount(storage, request, response, token);
}

export async function revokeToken(request: Request, response: Response, { storage, caches }: RouteContext): Promise<void> {
  await revokeApiToken(storage, callerOf(response).user, parseId(request.params.id, 'Token'));
  caches.callers.clear();
  response.redirect(303, '/account');
}

/** End every session of the signed-in user, this one included (a lost laptop, a shared computer). */
export async function signOutEverywhere(request: Request, response: Response, { storage, caches }: RouteContext): Promise<void> {
  await logOutEverywhere(storage, callerOf(response).user);
  caches.callers.clear();
  response.clearCookie(SESSION_COOKIE, sessionCookieOptions(request));
  response.redirect(303, '/login');
}

export async function showUsers(_request: Request, response: Response, { storage }: RouteContext): Promise<void> {
  response.render('admin-users', { title: 'Users', users: await listUsers(storage), roles: ROLES, created: null });
}

export async function addUser(request: Request, response: Response, { storage }: RouteContext): Promise<void> {
  const form = fieldsOf(request);
  const { user, password } = await createUser(storage, { name: form.name, role: form.role });
  response.render('admin-users', { title: 'Users', users: await listUsers(storage), roles: ROLES, created: { name: user.name, password } });
}

export async function setUserRole(request: Request, response: Response, { storage, caches }: RouteContext): Promise<void> {
  await changeRole(storage, request.params.name, fieldsOf(request).role);
  caches.callers.clear();
  response.redirect(303, '/admin/users');
}

export async function disableUser(request: Request, response: Response, { storage, caches }: RouteContext): Promise<void> {
  await setUserDisabled(storage, request.params.name, fieldsOf(request).disabled === '1');
  caches.callers.clear();
  response.redirect(303, '/admin/users');
}

async function renderAccount(storage: RouteContext['storage'], request: Request, response: Response, newToken: string | null): Promise<void> {
  const { user } = callerOf(response);
  const cookie: unknown = request.cookies?.[SESSION_COOKIE];
  const sessions = await listSessions(storage, user, typeof cookie === 'string' ? cookie : undefined);
  response.render('account', { title: 'Your account', tokens: await listApiTokens(storage, user), sessions, newToken });
}

async function requireFirstRun(storage: RouteContext['storage'], request: Request): Promise<void> {
  if (!isLoopback(request)) throw new ServiceError('forbidden', 'The first administrator can only be created from the server machine itself.');
  if (!(await isFirstRun(storage))) throw new ServiceError('not-found', 'Retouche is already set up: log in instead.');
}

function renderLogin(request: Request, response: Response, state: Record<string, unknown>): void {
  response.render('login', {
    title: 'Log in', error: null, name: '', firstRun: false, next: readReturnPath(queryText(request, 'next') || fieldsOf(request).next, '/documents'),
    setupHere: isLoopback(request), ...state,
  });
}

/** Only local paths after login: the login form must not send people to another site. */
