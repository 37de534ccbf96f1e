import { Router, type Request, type Response } from 'express';
import {
  changeRole, createApiToken, createFirstAdmin, createUser, isFirstRun, listApiTokens, listUsers, logIn, logOut, openSession,
  revokeApiToken, ROLES, setUserDisabled,
} from '../../services/accounts.js';
import { ServiceError } from '../../services/errors.js';
import { createLoginThrottle } from '../../services/login-throttle.js';
import { parseId } from '../../services/validate.js';
import type { Storage } from '../../storage/types.js';
import { callerOf, isLoopback, requireRole, SESSION_COOKIE, sessionCookieOptions } from '../auth.js';
import { httpStatusOf } from '../errors.js';
import { fieldsOf, queryText } from '../request-fields.js';

/** Pages that work before login: the login form and the one-time creation of the first admin. */
export function createLoginPages(storage: Storage): Router {
  const router = Router();
  const throttle = createLoginThrottle();

  router.get('/login', async (request, response) => {
    if (response.locals.caller) return response.redirect(303, safeNext(queryText(request, 'next')));
    renderLogin(request, response, { firstRun: await isFirstRun(storage) });
  });

  router.post('/login', async (request, response) => {
    const form = fieldsOf(request);
    try {
      const session = await logIn(storage, throttle, { name: form.name, password: form.password, address: request.ip ?? '' });
      response.cookie(SESSION_COOKIE, session.token, sessionCookieOptions(request, session.expiresAt));
      response.redirect(303, safeNext(form.next));
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      if (typeof error.details?.retryAfter === 'number') response.set('Retry-After', String(error.details.retryAfter));
      response.status(httpStatusOf(error));
      renderLogin(request, response, { error: error.message, name: typeof form.name === 'string' ? form.name : '' });
    }
  });

  router.post('/logout', async (request, response) => {
    const token: unknown = request.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string') await logOut(storage, token);
    response.clearCookie(SESSION_COOKIE, sessionCookieOptions(request));
    response.redirect(303, '/login');
  });

  // A fresh installation has no account: the first admin is created from the server machine itself.
  router.get('/setup', async (request, response) => {
    await requireFirstRun(storage, request);
    response.render('setup', { title: 'Create the first administrator', error: null, name: '' });
  });

  router.post('/setup', async (request, response) => {
    await requireFirstRun(storage, request);
    const form = fieldsOf(request);
    try {
      if (form.password !== form.confirm) throw new ServiceError('invalid-input', 'The two passwords differ.');
      const user = await createFirstAdmin(storage, { name: form.name, password: form.password });
      const session = await openSession(storage, user);
      response.cookie(SESSION_COOKIE, session.token, sessionCookieOptions(request, session.expiresAt));
      response.redirect(303, '/documents');
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      response.status(httpStatusOf(error));
      response.render('setup', { title: 'Create the first administrator', error: error.message, name: typeof form.name === 'string' ? form.name : '' });
    }
  });

  return router;
}

/** The signed-in user's own account: API tokens. */
export function createAccountPages(storage: Storage): Router {
  const router = Router();

  router.get('/account', async (_request, response) => {
    const { user } = callerOf(response);
    response.render('account', { title: 'Your account', tokens: await listApiTokens(storage, user), newToken: null });
  });

  router.post('/account/tokens', async (request, response) => {
    const { user } = callerOf(response);
    const { token } = await createApiToken(storage, user, fieldsOf(request).label);
    // The token is shown once, on this answer; only its hash is kept.
    response.render('account', { title: 'Your account', tokens: await listApiTokens(storage, user), newToken: token });
  });

  router.post('/account/tokens/:id/revoke', async (request, response) => {
    await revokeApiToken(storage, callerOf(response).user, parseId(request.params.id, 'Token'));
    response.redirect(303, '/account');
  });

  return router;
}

/** User management, for admins. */
export function createAdminPages(storage: Storage): Router {
  const router = Router();
  router.use('/admin', requireRole('admin'));

  router.get('/admin/users', async (_request, response) => {
    response.render('admin-users', { title: 'Users', users: await listUsers(storage), roles: ROLES, created: null });
  });

  router.post('/admin/users', async (request, response) => {
    const form = fieldsOf(request);
    const { user, password } = await createUser(storage, { name: form.name, role: form.role });
    response.render('admin-users', { title: 'Users', users: await listUsers(storage), roles: ROLES, created: { name: user.name, password } });
  });

  router.post('/admin/users/:name/role', async (request, response) => {
    await changeRole(storage, request.params.name, fieldsOf(request).role);
    response.redirect(303, '/admin/users');
  });

  router.post('/admin/users/:name/disabled', async (request, response) => {
    await setUserDisabled(storage, request.params.name, fieldsOf(request).disabled === '1');
    response.redirect(303, '/admin/users');
  });

  return router;
}

async function requireFirstRun(storage: Storage, request: Request): Promise<void> {
  if (!isLoopback(request)) throw new ServiceError('forbidden', 'The first administrator can only be created from the server machine itself.');
  if (!(await isFirstRun(storage))) throw new ServiceError('not-found', 'Retouche is already set up: log in instead.');
}

function renderLogin(request: Request, response: Response, state: Record<string, unknown>) {
  response.render('login', {
    title: 'Log in', error: null, name: '', firstRun: false, next: safeNext(queryText(request, 'next') || fieldsOf(request).next),
    setupHere: isLoopback(request), ...state,
  });
}

/** Only local paths after login: the login form must not send people to another site. */
function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/(?!\/)[^\s\\]*$/.test(value) ? value : '/documents';
}
