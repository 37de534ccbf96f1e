import { createHash, randomBytes } from 'node:crypto';
import type { SessionRecord, Storage } from '../storage/types.js';
import type { ApiTokenRecord, UserRecord, UserRole } from '../model.js';
import { ServiceError } from './errors.js';
import { readTextField, TEXT_RULES } from './input-rules.js';
import type { LoginThrottle } from './login-throttle.js';
import { MIN_PASSWORD_LENGTH, generatePassword, hashPassword, verifyPassword } from './passwords.js';

/** The roles, weakest first: each can do everything the ones before it can. */
export const ROLES: readonly UserRole[] = ['viewer', 'editor', 'admin'];
/** How long a session lives without use: a working day and a night. */
export const SESSION_IDLE_MS = 16 * 60 * 60 * 1000;
/** A user name: what appears on every revision, so letters, digits, spaces, dots and dashes. */
const USER_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._'-]{0,62}[\p{L}\p{N}.]?$/u;

/** Whether `role` may do what `needed` may. */
export function hasRole(role: UserRole, needed: UserRole): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** Check a role name from a form, the API or the command line. */
export function requireRole(value: unknown): UserRole {
  if (!ROLES.includes(value as UserRole)) throw new ServiceError('invalid-input', `The role must be one of ${ROLES.join(', ')}.`);
  return value as UserRole;
}

/** Create an account; without a password one is generated and returned, to be shown once. */
export async function createUser(storage: Storage, input: { name: unknown; role: unknown; password?: unknown }): Promise<{ user: UserRecord; password: string }> {
  const name = requireUserName(input.name);
  const role = requireRole(input.role);
  const password = input.password === undefined ? generatePassword() : requirePassword(input.password);
  const user = await storage.users.create({ name, role, passwordHash: await hashPassword(password) });
  if (!user) throw new ServiceError('conflict', `There is already a user called "${name}".`);
  return { user, password };
}

/** Create the first admin of a fresh installation; refused as soon as any user exists. */
export async function createFirstAdmin(storage: Storage, input: { name: unknown; password: unknown }): Promise<UserRecord> {
  const name = requireUserName(input.name);
  const password = requirePassword(input.password);
  const user = await storage.users.createFirstAdmin({ name, passwordHash: await hashPassword(password) });
  if (!user) throw new ServiceError('forbidden', 'An administrator already exists: log in instead.');
  return user;
}

export interface NewSession {
  /** The secret for the cookie; only its hash is stored. */
  token: string;
  csrfToken: string;
  user: UserRecord;
  expiresAt: string;
}

/** Check a name and password and open a session; slow, and slowed further against guessing (see login-throttle.ts). */
export async function logIn(
  storage: Storage, throttle: LoginThrottle, input: { name: unknown; password: unknown; address: string },
): Promise<NewSession> {
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  const password = typeof input.password === 'string' ? input.password : '';
  const wait = throttle.begin(name, input.address);
  if (wait > 0) {
    const after = wait < 120 ? `${wait} seconds` : `${Math.ceil(wait / 60)} minutes`;
    throw new ServiceError('rate-limited', `Too many failed attempts for this account from your address. Try again in ${after}.`, { retryAfter: wait });
  }
  const found = name ? await storage.users.findForLogin(name) : undefined;
  // Verify even for an unknown name, so the answer takes as long and says nothing about which part was wrong.
  const valid = await verifyPassword(password, found?.passwordHash ?? DUMMY_HASH);
  if (!found || !valid || found.disabled) throw new ServiceError('unauthorized', 'Wrong name or password.');
  throttle.recordSuccess(name, input.address);
  const { passwordHash: _secret, ...user } = found;
  return openSession(storage, user);
}

/** Open a session for a user who just proved who they are. */
export async function openSession(storage: Storage, user: UserRecord): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_IDLE_MS).toISOString();
  await storage.sessions.deleteExpired(new Date().toISOString());
  await storage.sessions.create({ tokenHash: hashSecret(token), userId: user.id, csrfToken, expiresAt });
  return { token, csrfToken, user, expiresAt };
}

/** The live session of a cookie token, extended while in use; undefined when unknown, expired or disabled. */
export async function findSession(storage: Storage, token: string): Promise<SessionRecord | undefined> {
  const now = Date.now();
  const tokenHash = hashSecret(token);
  const session = await storage.sessions.find(tokenHash, new Date(now).toISOString());
  // Extend at most once an hour: a write per request would cost every page view a commit.
  if (session && Date.parse(session.expiresAt) - now < SESSION_IDLE_MS - 60 * 60 * 1000) {
    await storage.sessions.extend(tokenHash, new Date(now + SESSION_IDLE_MS).toISOString());
  }
  return session;
}

export async function logOut(storage: Storage, token: string): Promise<void> {
  await storage.sessions.delete(hashSecret(token));
}

/** A user's live sessions, newest first, the one of `currentToken` (the caller's cookie) marked. */
export async function listSessions(
  storage: Storage, user: UserRecord, currentToken: string | undefined,
): Promise<{ createdAt: string; expiresAt: string; current: boolean }[]> {
  const currentHash = currentToken === undefined ? undefined : hashSecret(currentToken);
  const sessions = await storage.sessions.listByUser(user.id, new Date().toISOString());
  return sessions.map(({ tokenHash, createdAt, expiresAt }) => ({ createdAt, expiresAt, current: tokenHash === currentHash }));
}

/** End every session of a user ("sign out everywhere"); API tokens are revoked one by one, on the account page. */
export async function logOutEverywhere(storage: Storage, user: UserRecord): Promise<void> {
  await storage.sessions.deleteForUser(user.id);
}

/** A new API token for automation; the secret is returned once and only its hash is kept. */
export async function createApiToken(storage: Storage, user: UserRecord, label: unknown): Promise<{ token: string; record: ApiTokenRecord }> {
  const name = readTextField(label, 'label', TEXT_RULES.tokenLabel)?.trim() || 'API token';
  const token = `rt_${randomBytes(32).toString('base64url')}`;
  return { token, record: await storage.apiTokens.create({ userId: user.id, label: name, tokenHash: hashSecret(token) }) };
}

/** The user an API token belongs to, if the token is live. */
export async function findTokenUser(storage: Storage, token: string): Promise<UserRecord | undefined> {
  return storage.apiTokens.findUser(hashSecret(token), new Date().toISOString());
}

export async function revokeApiToken(storage: Storage, user: UserRecord, tokenId: number): Promise<void> {
  if (!(await storage.apiTokens.revoke(tokenId, user.id, new Date().toISOString()))) {
    throw new ServiceError('not-found', 'That token does not exist or is already revoked.');
  }
}

/** Give a user a new generated password (shown once) and end their sessions. */
export async function resetPassword(storage: Storage, name: unknown): Promise<{ user: UserRecord; password: string }> {
  const user = await requireUser(storage, name);
  const password = generatePassword();
  await storage.users.setPasswordHash(user.id, await hashPassword(password));
  await storage.sessions.deleteForUser(user.id);
  return { user, password };
}

/** Whether the installation has no account yet (the first-admin page is open). */
export async function isFirstRun(storage: Storage): Promise<boolean> {
  return (await storage.users.count()) === 0;
}

/** Every account, by name. */
export async function listUsers(storage: Storage): Promise<UserRecord[]> {
  return storage.users.list();
}

/** A user's API tokens, newest first (hashes are never returned). */
export async function listApiTokens(storage: Storage, user: UserRecord): Promise<ApiTokenRecord[]> {
  return storage.apiTokens.listByUser(user.id);
}

/** Change a user's role; the last active admin stays an admin. */
export async function changeRole(storage: Storage, name: unknown, role: unknown): Promise<UserRecord> {
  const user = await requireUser(storage, name);
  const newRole = requireRole(role);
  if (newRole !== 'admin') await keepAnAdmin(storage, user, `make ${user.name} ${newRole === 'editor' ? 'an' : 'a'} ${newRole}`);
  await storage.users.setRole(user.id, newRole);
  return (await storage.users.get(user.id))!;
}

/** Disable (or enable) an account: a disabled user's sessions end and their tokens stop working. The last active admin cannot be disabled. */
export async function setUserDisabled(storage: Storage, name: unknown, disabled: boolean): Promise<UserRecord> {
  const user = await requireUser(storage, name);
  if (disabled) await keepAnAdmin(storage, user, `disable ${user.name}`);
  await storage.users.setDisabled(user.id, disabled);
  if (disabled) await storage.sessions.deleteForUser(user.id);
  return (await storage.users.get(user.id))!;
}

/**
 * Refuse a change that would leave no active admin: nobody could then manage accounts from the
 * app, and the first-admin page only opens on an empty database.
 */
async function keepAnAdmin(storage: Storage, user: UserRecord, change: string): Promise<void> {
  if (user.role !== 'admin' || user.disabled) return;
  const others = (await storage.users.list()).filter((other) => other.id !== user.id && other.role === 'admin' && !other.disabled);
  if (others.length === 0) {
    throw new ServiceError('conflict', `Cannot ${change}: ${user.name} is the last active administrator. Make another account an administrator first.`);
  }
}

async function requireUser(storage: Storage, name: unknown): Promise<UserRecord> {
  const user = typeof name === 'string' ? await storage.users.findByName(name.trim()) : undefined;
  if (!user) throw new ServiceError('not-found', `There is no user called "${String(name)}".`);
  return user;
}

function requireUserName(value: unknown): string {
  const name = typeof value === 'string' ? value.trim() : '';
  if (!USER_NAME.test(name)) {
    throw new ServiceError('invalid-input', 'A user name is 1 to 64 letters, digits, spaces, dots, dashes or apostrophes.');
  }
  return name;
}

function requirePassword(value: unknown): string {
  if (typeof value !== 'string' || value.length < MIN_PASSWORD_LENGTH) {
    throw new ServiceError('invalid-input', `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`);
  }
  if (value.length > 1000) throw new ServiceError('invalid-input', 'The password is longer than 1,000 characters.');
  return value;
}

/** Secrets are stored hashed: SHA-256 is enough for random 256-bit tokens, which cannot be guessed. */
function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

/** A real scrypt hash of a random password, verified against when the name is unknown. */
const DUMMY_HASH = await hashPassword(randomBytes(16).toString('hex'));
