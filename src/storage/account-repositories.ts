import { sql } from 'kysely';
import type { UserRecord, UserRole } from '../model.js';
import { compareBytewise, prepareQuery, type Engine, type Executor } from './engine.js';
import { TOKEN, USER } from './schema.js';
import type { ApiTokenRepository, SessionRepository, UserRepository, UserUpdate } from './types.js';

/** A token's last use is rewritten at most once a minute: a write per request would cost a commit. */
const TOKEN_TOUCH_MS = 60_000;

type UserRow = Omit<UserRecord, 'disabled'> & { disabled: number | boolean };

/** Users; names are unique and looked up without case (ASCII case on SQLite, as its NOCASE column compares). */
export function createUserRepository(engine: Engine): UserRepository {
  const { db } = engine;
  const insert = prepareQuery((p: { name: string; passwordHash: string; role: UserRole; now: string }) => db.insertInto('users')
    .values({ name: p.name, password_hash: p.passwordHash, role: p.role, created_at: p.now })
    // A name taken in any case inserts nothing: the unique key is on the name without case.
    .onConflict((conflict) => conflict.doNothing()).returning(USER));
  const countUsers = prepareQuery(() => db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('count')));
  const count = async (tx: Executor = engine) => (await tx.all(countUsers))[0]!.count;
  const selectById = prepareQuery((p: { id: number }) => db.selectFrom('users').select(USER).where('id', '=', p.id));
  const selectForLogin = prepareQuery((p: { name: string }) => db.selectFrom('users')
    .select([...USER, 'password_hash as passwordHash']).where(sql`lower(name)`, '=', sql`lower(${p.name})`));
  const selectAll = prepareQuery(() => db.selectFrom('users').select(USER));
  const updateRole = prepareQuery((p: { id: number; role: UserRole }) => db.updateTable('users').set({ role: p.role }).where('id', '=', p.id));
  const updateDisabled = prepareQuery((p: { id: number; disabled: boolean }) =>
    db.updateTable('users').set({ disabled: p.disabled }).where('id', '=', p.id));
  const updatePassword = prepareQuery((p: { id: number; passwordHash: string }) =>
    db.updateTable('users').set({ password_hash: p.passwordHash }).where('id', '=', p.id));
  const countOtherAdmins = prepareQuery((p: { id: number }) => db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('count'))
    .where('role', '=', 'admin').where(sql<boolean>`not users.disabled`).where('id', '<>', p.id));

  /**
   * Change a user unless it takes away the last active admin. Read and write are one transaction
   * holding the users table (PostgreSQL; SQLite's write transactions exclude each other): two
   * admins demoting each other at the same instant would otherwise each see the other still admin.
   */
  function updateKeepingAnAdmin(id: number, endsAdmin: boolean, write: (tx: Executor) => Promise<void>): Promise<UserUpdate> {
    return engine.transaction(async (tx) => {
      const row = await tx.first(selectById, { id });
      if (!row) return { ok: false, reason: 'not-found' };
      const user = toUser(row);
      if (endsAdmin && user.role === 'admin' && !user.disabled && (await tx.first(countOtherAdmins, { id }))!.count === 0) {
        return { ok: false, reason: 'last-admin' };
      }
      await write(tx);
      return { ok: true, user: toUser((await tx.first(selectById, { id }))!) };
    }, { lock: 'users' });
  }

  return {
    create: async ({ name, passwordHash, role }) =>
      optionalUser(await engine.first(insert, { name, passwordHash, role, now: new Date().toISOString() })),
    createFirstAdmin({ name, passwordHash }) {
      // Two racing requests with different names would both see no user under PostgreSQL's READ
      // COMMITTED: the lock makes the second wait for the first to commit, then see its admin.
      return engine.transaction(async (tx) => {
        if (await count(tx) > 0) return undefined;
        return optionalUser(await tx.first(insert, { name, passwordHash, role: 'admin', now: new Date().toISOString() }));
      }, { lock: 'users' });
    },
    get: async (id) => optionalUser(await engine.first(selectById, { id })),
    async findForLogin(name) {
      const row = await engine.first(selectForLogin, { name });
      return row && { ...toUser(row), passwordHash: row.passwordHash };
    },
    findByName: async (name) => optionalUser(await engine.first(selectForLogin, { name })),
    async list() {
      // By name without case, bytewise otherwise, as SQLite orders its NOCASE column.
      const users = (await engine.all(selectAll)).map(toUser);
      return users.sort((a, b) => compareBytewise(lowerAscii(a.name), lowerAscii(b.name)) || a.id - b.id);
    },
    count: () => count(),
    setRole: (id, role) => updateKeepingAnAdmin(id, role !== 'admin', (tx) => tx.run(updateRole, { id, role })),
    setDisabled: (id, disabled) => updateKeepingAnAdmin(id, disabled, (tx) => tx.run(updateDisabled, { id, disabled })),
    setPasswordHash: (id, passwordHash) => engine.run(updatePassword, { id, passwordHash }),
  };
}

/** Server-side sessions, keyed by the hash of the cookie's token: any server can answer any request. */
export function createSessionRepository(engine: Engine): SessionRepository {
  const { db } = engine;
  const insert = prepareQuery((p: { tokenHash: string; userId: number; csrfToken: string; now: string; expiresAt: string }) =>
    db.insertInto('sessions')
      .values({ token_hash: p.tokenHash, user_id: p.userId, csrf_token: p.csrfToken, created_at: p.now, expires_at: p.expiresAt }));
  const select = prepareQuery((p: { tokenHash: string; now: string }) => db.selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([...USER, 'sessions.csrf_token as csrfToken', 'sessions.expires_at as expiresAt'])
    .where('sessions.token_hash', '=', p.tokenHash).where('sessions.expires_at', '>', p.now).where(sql<boolean>`not users.disabled`));
  const selectByUser = prepareQuery((p: { userId: number; now: string }) => db.selectFrom('sessions')
    .select(['token_hash as tokenHash', 'created_at as createdAt', 'expires_at as expiresAt'])
    .where('user_id', '=', p.userId).where('expires_at', '>', p.now).orderBy('created_at', 'desc').orderBy('token_hash'));
  const extend = prepareQuery((p: { tokenHash: string; expiresAt: string }) =>
    db.updateTable('sessions').set({ expires_at: p.expiresAt }).where('token_hash', '=', p.tokenHash));
  const remove = prepareQuery((p: { tokenHash: string }) => db.deleteFrom('sessions').where('token_hash', '=', p.tokenHash));
  const removeForUser = prepareQuery((p: { userId: number }) => db.deleteFrom('sessions').where('user_id', '=', p.userId));
  const removeExpired = prepareQuery((p: { now: string }) => db.deleteFrom('sessions').where('expires_at', '<=', p.now));
  return {
    create: (session) => engine.run(insert, { ...session, now: new Date().toISOString() }),
    async find(tokenHash, now) {
      const row = await engine.first(select, { tokenHash, now });
      return row && { user: toUser(row), csrfToken: row.csrfToken, expiresAt: row.expiresAt };
    },
    listByUser: (userId, now) => engine.all(selectByUser, { userId, now }),
    extend: (tokenHash, expiresAt) => engine.run(extend, { tokenHash, expiresAt }),
    delete: (tokenHash) => engine.run(remove, { tokenHash }),
    deleteForUser: (userId) => engine.run(removeForUser, { userId }),
    deleteExpired: (now) => engine.count(removeExpired, { now }),
  };
}

/** API tokens, stored as hashes. */
export function createApiTokenRepository(engine: Engine): ApiTokenRepository {
  const { db } = engine;
  const insert = prepareQuery((p: { userId: number; label: string; tokenHash: string; now: string }) => db.insertInto('api_tokens')
    .values({ user_id: p.userId, label: p.label, token_hash: p.tokenHash, created_at: p.now }).returning(TOKEN));
  const selectUser = prepareQuery((p: { tokenHash: string }) => db.selectFrom('api_tokens').innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([...USER, 'api_tokens.id as tokenId', 'api_tokens.last_used_at as lastUsedAt'])
    .where('api_tokens.token_hash', '=', p.tokenHash).where('api_tokens.revoked_at', 'is', null).where(sql<boolean>`not users.disabled`));
  const touch = prepareQuery((p: { id: number; now: string }) =>
    db.updateTable('api_tokens').set({ last_used_at: p.now }).where('id', '=', p.id));
  const selectByUser = prepareQuery((p: { userId: number }) =>
    db.selectFrom('api_tokens').select(TOKEN).where('user_id', '=', p.userId).orderBy('id', 'desc'));
  const revoke = prepareQuery((p: { id: number; userId: number; now: string }) => db.updateTable('api_tokens').set({ revoked_at: p.now })
    .where('id', '=', p.id).where('user_id', '=', p.userId).where('revoked_at', 'is', null));
  return {
    create: async ({ userId, label, tokenHash }) => (await engine.first(insert, { userId, label, tokenHash, now: new Date().toISOString() }))!,
    async findUser(tokenHash, now) {
      const row = await engine.first(selectUser, { tokenHash });
      if (!row) return undefined;
      const stale = row.lastUsedAt === null || Date.parse(now) - Date.parse(row.lastUsedAt) >= TOKEN_TOUCH_MS;
      if (stale) await engine.run(touch, { id: row.tokenId, now });
      return toUser(row);
    },
    listByUser: (userId) => engine.all(selectByUser, { userId }),
    revoke: async (id, userId, now) => (await engine.count(revoke, { id, userId, now })) > 0,
  };
}

/** The user of a row that may hold more columns; SQLite keeps `disabled` as 0 or 1. */
function toUser({ id, name, role, disabled, createdAt }: UserRow): UserRecord {
  return { id, name, role, disabled: Boolean(disabled), createdAt };
}

function optionalUser(row: UserRow | undefined): UserRecord | undefined {
  return row && toUser(row);
}

/** Lower-case ASCII letters only, as SQLite's NOCASE does. */
function lowerAscii(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}
