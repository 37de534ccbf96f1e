import type pg from 'pg';
import { CREATE_SCHEMA_MIGRATIONS, MIGRATIONS, pendingMigrations, POSTGRES_TYPES, type Migration } from '../migrations.js';
import { runInTransaction } from './pool.js';

// Any constant shared by every server: one advisory lock serialises the migrations of servers
// that start at the same moment against the same database.
const MIGRATION_LOCK = 72_657_468; // "Retouche" in no particular encoding, just a fixed number

/**
 * Apply every migration newer than the database, each in its own transaction; returns the versions
 * applied. A session advisory lock makes servers starting together apply each step exactly once.
 */
export async function applyPostgresMigrations(pool: pg.Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(CREATE_SCHEMA_MIGRATIONS);
    const applied = (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((row) => row.version);
    const newlyApplied: number[] = [];
    for (const migration of pendingMigrations(applied, migrations)) {
      await runInTransaction(client, async () => {
        await client.query(migration.sql(POSTGRES_TYPES));
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
          [migration.version, migration.name, new Date().toISOString()]);
      });
      newlyApplied.push(migration.version);
    }
    return newlyApplied;
  } finally {
    // The lock belongs to this client's session, which is why the steps run on it and not through withTransaction.
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
