import type pg from 'pg';
import type { ApiTokenRepository, SessionRepository, UserRepository } from '../types.js';
import type { ApiTokenRecord, UserRecord, UserRole } from '../../model.js';
import { withTransaction, type Queryable } from './pool.js';
import { isStale } from '../sqlite/account-repositories.js';

interface UserRow { id: number; name: string; role: string; disabled: boolean; created_at: string; password_hash?: string }
interface TokenRow { id: number; user_id: number; label: string; created_at: string; last_used_at: string | null; revoked_at: string | null }

const USER_COLUMNS = 'u.id, u.name, u.role, u.disabled, u.created_at';
const TOKEN_COLUMNS = 'id, user_id, label, created_at, last_used_at, revoked_at';

/** Users over PostgreSQL; names are unique and looked up without case, through the index on lower(name). */
export function createUserRepository(pool: pg.Pool): UserRepository {
  const selectOne = async (where: string, value: unknown, extra = '') => {
    const { rows: [row] } = await pool.query<UserRow>(`SELECT ${USER_COLUMNS}${extra} FROM users u WHERE ${where}`, [value]);
    return row;
  };
  return {
    create: ({ name, passwordHash, role }) => insertUser(pool, name, passwordHash, role),
    createFirstAdmin({ name, passwordHash }) {
      return withTransaction(pool, async (client) => {
        // Two racing requests with different names would both see no user under READ COMMITTED:
        // the table lock makes the second wait for the first to commit, then see its admin.
        // EXCLUSIVE still lets other sessions read users (logins go on).
        await client.query('LOCK TABLE users IN EXCLUSIVE MODE');
        const { rows: [row] } = await client.query<{ count: number }>('SELECT COUNT(*) AS count FROM users');
        return row!.count > 0 ? undefined : insertUser(client, name, passwordHash, 'admin');
      });
    },
    async get(id) {
      const row = await selectOne('u.id = $1', id);
      return row && toUser(row);
    },
    async findForLogin(name) {
      const row = await selectOne('lower(u.name) = lower($1)', name, ', u.password_hash');
      return row && { ...toUser(row), passwordHash: row.password_hash! };
    },
    async findByName(name) {
      const row = await selectOne('lower(u.name) = lower($1)', name);
      return row && toUser(row);
    },
    async list() {
      // SQLite orders the NOCASE column without case, bytewise otherwise.
      const { rows } = await pool.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u ORDER BY lower(u.name) COLLATE "C", u.id`);
      return rows.map(toUser);
    },
    async count() {
      const { rows: [row] } = await pool.query<{ count: number }>('SELECT COUNT(*) AS count FROM users');
      return row!.count;
    },
    async setRole(id, role) {
      await pool.query('UPDATE users SET role = $1 WHERE id = $2', [role, id]);
    },
    async setDisabled(id, disabled) {
      await pool.query('UPDATE users SET disabled = $1 WHERE id = $2', [disabled, id]);
    },
    async setPasswordHash(id, passwordHash) {
      await pool.query('UPDATE users SET password_hash = $1 WHERE id = $2', [passwordHash, id]);
    },
  };
}

/** Server-side sessions over PostgreSQL, keyed by the hash of the cookie's token: any server can answer any request. */
export function createSessionRepository(pool: pg.Pool): SessionRepository {
  return {
    async create({ tokenHash, userId, csrfToken, expiresAt }) {
      await pool.query('INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
        [tokenHash, userId, csrfToken, new Date().toISOString(), expiresAt]);
    },
    async find(tokenHash, now) {
      const { rows: [row] } = await pool.query<UserRow & { csrf_token: string; expires_at: string }>(
        `SELECT ${USER_COLUMNS}, s.csrf_token, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT u.disabled`, [tokenHash, now]);
      return row && { user: toUser(row), csrfToken: row.csrf_token, expiresAt: row.expires_at };
    },
    async extend(tokenHash, expiresAt) {
      await pool.query('UPDATE sessions SET expires_at = $1 WHERE token_hash = $2', [expiresAt, tokenHash]);
    },
    async delete(tokenHash) {
      await pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    },
    async deleteForUser(userId) {
      await pool.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
    },
    async deleteExpired(now) {
      return (await pool.query('DELETE FROM sessions WHERE expires_at <= $1', [now])).rowCount ?? 0;
    },
  };
}

/** API tokens over PostgreSQL, stored as hashes. */
export function createApiTokenRepository(pool: pg.Pool): ApiTokenRepository {
  return {
    async create({ userId, label, tokenHash }) {
      const { rows: [row] } = await pool.query<TokenRow>(`INSERT INTO api_tokens (user_id, label, token_hash, created_at)
        VALUES ($1, $2, $3, $4) RETURNING ${TOKEN_COLUMNS}`, [userId, label, tokenHash, new Date().toISOString()]);
      return toToken(row!);
    },
    async findUser(tokenHash, now) {
      const { rows: [row] } = await pool.query<UserRow & { token_id: string; last_used_at: string | null }>(
        `SELECT ${USER_COLUMNS}, t.id AS token_id, t.last_used_at FROM api_tokens t JOIN users u ON u.id = t.user_id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND NOT u.disabled`, [tokenHash]);
      if (!row) return undefined;
      if (isStale(row.last_used_at, now)) await pool.query('UPDATE api_tokens SET last_used_at = $1 WHERE id = $2', [now, row.token_id]);
      return toUser(row);
    },
    async listByUser(userId) {
      const { rows } = await pool.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE user_id = $1 ORDER BY id DESC`, [userId]);
      return rows.map(toToken);
    },
    async revoke(id, userId, now) {
      const { rowCount } = await pool.query('UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL',
        [now, id, userId]);
      return (rowCount ?? 0) > 0;
    },
  };
}

async function insertUser(db: Queryable, name: string, passwordHash: string, role: UserRole): Promise<UserRecord | undefined> {
  // The conflict target is the unique index on lower(name): a name taken in any case inserts nothing.
  const { rows: [row] } = await db.query<UserRow>(`INSERT INTO users AS u (name, password_hash, role, created_at) VALUES ($1, $2, $3, $4)
    ON CONFLICT ((lower(name))) DO NOTHING RETURNING ${USER_COLUMNS}`, [name, passwordHash, role, new Date().toISOString()]);
  return row && toUser(row);
}

function toUser(row: UserRow): UserRecord {
  return { id: row.id, name: row.name, role: row.role as UserRole, disabled: row.disabled, createdAt: row.created_at };
}

function toToken(row: TokenRow): ApiTokenRecord {
  return { id: row.id, userId: row.user_id, label: row.label, createdAt: row.created_at, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at };
}
