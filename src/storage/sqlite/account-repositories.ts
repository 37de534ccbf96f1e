import type Database from 'better-sqlite3';
import type { ApiTokenRepository, SessionRepository, UserRepository } from '../types.js';
import type { ApiTokenRecord, UserRecord, UserRole } from '../../model.js';

interface UserRow { id: number; name: string; role: string; disabled: number; created_at: string; password_hash?: string }
interface TokenRow { id: number; user_id: number; label: string; created_at: string; last_used_at: string | null; revoked_at: string | null }

const USER_COLUMNS = 'u.id, u.name, u.role, u.disabled, u.created_at';

/** Users over SQLite. */
export function createUserRepository(db: Database.Database): UserRepository {
  const insert = db.prepare(`INSERT INTO users (name, password_hash, role, created_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (name) DO NOTHING`);
  const countUsers = db.prepare('SELECT COUNT(*) FROM users').pluck();
  const selectById = db.prepare(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = ?`);
  const selectByName = db.prepare(`SELECT ${USER_COLUMNS} FROM users u WHERE u.name = ?`);
  const selectForLogin = db.prepare(`SELECT ${USER_COLUMNS}, u.password_hash FROM users u WHERE u.name = ?`);
  const selectAll = db.prepare(`SELECT ${USER_COLUMNS} FROM users u ORDER BY u.name`);
  const updateRole = db.prepare('UPDATE users SET role = ? WHERE id = ?');
  const updateDisabled = db.prepare('UPDATE users SET disabled = ? WHERE id = ?');
  const updatePassword = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?');

  const create = (name: string, passwordHash: string, role: UserRole): UserRecord | undefined => {
    const { changes, lastInsertRowid } = insert.run(name, passwordHash, role, new Date().toISOString());
    return changes === 0 ? undefined : toUser(selectById.get(lastInsertRowid) as UserRow);
  };
  const createFirstAdmin = db.transaction((name: string, passwordHash: string) =>
    ((countUsers.get() as number) > 0 ? undefined : create(name, passwordHash, 'admin')));

  return {
    async create({ name, passwordHash, role }) {
      return create(name, passwordHash, role);
    },
    async createFirstAdmin({ name, passwordHash }) {
      return createFirstAdmin.immediate(name, passwordHash);
    },
    async get(id) {
      const row = selectById.get(id) as UserRow | undefined;
      return row && toUser(row);
    },
    async findForLogin(name) {
      const row = selectForLogin.get(name) as UserRow | undefined;
      return row && { ...toUser(row), passwordHash: row.password_hash! };
    },
    async findByName(name) {
      const row = selectByName.get(name) as UserRow | undefined;
      return row && toUser(row);
    },
    async list() {
      return (selectAll.all() as UserRow[]).map(toUser);
    },
    async count() {
      return countUsers.get() as number;
    },
    async setRole(id, role) {
      updateRole.run(role, id);
    },
    async setDisabled(id, disabled) {
      updateDisabled.run(disabled ? 1 : 0, id);
    },
    async setPasswordHash(id, passwordHash) {
      updatePassword.run(passwordHash, id);
    },
  };
}

/** Server-side sessions over SQLite, keyed by the hash of the cookie's token. */
export function createSessionRepository(db: Database.Database): SessionRepository {
  const insert = db.prepare('INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)');
  const select = db.prepare(`SELECT ${USER_COLUMNS}, s.csrf_token, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0`);
  const extend = db.prepare('UPDATE sessions SET expires_at = ? WHERE token_hash = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
  const removeForUser = db.prepare('DELETE FROM sessions WHERE user_id = ?');
  const removeExpired = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
  return {
    async create({ tokenHash, userId, csrfToken, expiresAt }) {
      insert.run(tokenHash, userId, csrfToken, new Date().toISOString(), expiresAt);
    },
    async find(tokenHash, now) {
      const row = select.get(tokenHash, now) as (UserRow & { csrf_token: string; expires_at: string }) | undefined;
      return row && { user: toUser(row), csrfToken: row.csrf_token, expiresAt: row.expires_at };
    },
    async extend(tokenHash, expiresAt) {
      extend.run(expiresAt, tokenHash);
    },
    async delete(tokenHash) {
      remove.run(tokenHash);
    },
    async deleteForUser(userId) {
      removeForUser.run(userId);
    },
    async deleteExpired(now) {
      return removeExpired.run(now).changes;
    },
  };
}

/** API tokens over SQLite, stored as hashes. */
export function createApiTokenRepository(db: Database.Database): ApiTokenRepository {
  const insert = db.prepare('INSERT INTO api_tokens (user_id, label, token_hash, created_at) VALUES (?, ?, ?, ?)');
  const selectOne = db.prepare('SELECT id, user_id, label, created_at, last_used_at, revoked_at FROM api_tokens WHERE id = ?');
  const selectUser = db.prepare(`SELECT ${USER_COLUMNS}, t.id AS token_id, t.last_used_at FROM api_tokens t JOIN users u ON u.id = t.user_id
    WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.disabled = 0`);
  const touch = db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?');
  const selectByUser = db.prepare(`SELECT id, user_id, label, created_at, last_used_at, revoked_at FROM api_tokens
    WHERE user_id = ? ORDER BY id DESC`);
  const revoke = db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL');
  return {
    async create({ userId, label, tokenHash }) {
      const { lastInsertRowid } = insert.run(userId, label, tokenHash, new Date().toISOString());
      return toToken(selectOne.get(lastInsertRowid) as TokenRow);
    },
    async findUser(tokenHash, now) {
      const row = selectUser.get(tokenHash) as (UserRow & { token_id: number; last_used_at: string | null }) | undefined;
      if (!row) return undefined;
      if (isStale(row.last_used_at, now)) touch.run(now, row.token_id);
      return toUser(row);
    },
    async listByUser(userId) {
      return (selectByUser.all(userId) as TokenRow[]).map(toToken);
    },
    async revoke(id, userId, now) {
      return revoke.run(now, id, userId).changes > 0;
    },
  };
}

/** A token's last use is rewritten at most once a minute. */
const TOKEN_TOUCH_MS = 60_000;

/** Whether a last-use time is old enough to be rewritten. */
export function isStale(lastUsedAt: string | null, now: string): boolean {
  return lastUsedAt === null || Date.parse(now) - Date.parse(lastUsedAt) >= TOKEN_TOUCH_MS;
}

function toUser(row: UserRow): UserRecord {
  return { id: row.id, name: row.name, role: row.role as UserRole, disabled: row.disabled === 1, createdAt: row.created_at };
}

function toToken(row: TokenRow): ApiTokenRecord {
  return { id: row.id, userId: row.user_id, label: row.label, createdAt: row.created_at, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at };
}
