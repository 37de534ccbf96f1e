import type pg from 'pg';
import { createStorage } from '../create-storage.js';
import { bindParameters, createQueryBuilder, type Engine, type Executor, type Query, type TransactionExecutor } from '../engine.js';
import { CHANNEL, createAnnouncements } from './listen.js';
import type { Storage } from '../types.js';
import { applyPostgresMigrations } from './migrate.js';
import { createPool, withTransaction } from './pool.js';

/**
 * The PostgreSQL backend: a connection pool to `url`, migrated on open. Several servers can share
 * one database: every write that must not race is a conditional update or a transaction.
 */
export async function createPostgresStorage(url: string): Promise<Storage> {
  const pool = createPool(url);
  try {
    await applyPostgresMigrations(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return createStorage(createPostgresEngine(pool, url));
}

/** Queries on a pool; a transaction runs on one client checked out for it. */
function createPostgresEngine(pool: pg.Pool, url: string): Engine {
  const announcements = createAnnouncements(url);
  // A kept query runs as a named statement, which each connection parses and plans once.
  const names = new Map<Query<unknown, unknown>, string>();
  const nameOf = (query: Query<unknown, unknown>) => names.get(query) ?? names.set(query, `retouche_${names.size + 1}`).get(query)!;
  const config = (query: Query<unknown, unknown>, params: unknown): pg.QueryConfig => ({
    text: query.sql,
    values: bindParameters(query, params),
    ...(query.keep && { name: nameOf(query) }),
  });
  const executorOn = (client: pg.Pool | pg.PoolClient) => ({
    all: async (query: Query<unknown, unknown>, params: unknown) => (await client.query(config(query, params))).rows,
    first: async (query: Query<unknown, unknown>, params: unknown) => (await client.query(config(query, params))).rows[0],
    run: async (query: Query<unknown, unknown>, params: unknown) => void (await client.query(config(query, params))),
    count: async (query: Query<unknown, unknown>, params: unknown) => (await client.query(config(query, params))).rowCount ?? 0,
  }) as Executor;
  return {
    ...executorOn(pool),
    db: createQueryBuilder('postgres'),
    dialect: 'postgres',
    transaction(work, { lock } = {}) {
      return withTransaction(pool, async (client) => {
        // Under READ COMMITTED two transactions can both see a row missing and both insert it;
        // EXCLUSIVE makes the second wait for the first to commit, and still lets others read.
        if (lock) await client.query(`LOCK TABLE ${lock} IN EXCLUSIVE MODE`);
        const tx: TransactionExecutor = {
          ...executorOn(client),
          // NOTIFY waits for the commit and is dropped by a rollback, as announce promises.
          announce: async (message) => void (await client.query('SELECT pg_notify($1, $2)', [CHANNEL, message])),
        };
        return work(tx);
      });
    },
    listen: (listener) => announcements.listen(listener),
    async close() {
      await announcements.close();
      // Closing twice is harmless over SQLite, so it is here too.
      if (!pool.ended) await pool.end();
    },
  };
}
