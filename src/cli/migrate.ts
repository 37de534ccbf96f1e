/**
 * `npm run migrate`: bring the schema of the server's database up to date without starting the
 * server (the server also does it at start-up). PostgreSQL when DATABASE_URL is set, otherwise
 * the SQLite file of RETOUCHE_DB. Safe to run while servers run, and from several at once.
 */
import { readConfig } from '../config.js';
import { MIGRATIONS } from '../storage/migrations.js';
import { describeStorage } from '../storage/open-storage.js';
import { applyPostgresMigrations } from '../storage/postgres/migrate.js';
import { createPool } from '../storage/postgres/pool.js';
import { openDatabase } from '../storage/sqlite/open-database.js';

async function main(): Promise<number> {
  // Only the database settings matter here: a PORT the server would refuse must not stop a migration.
  const config = readConfig({ RETOUCHE_DB: process.env.RETOUCHE_DB, DATABASE_URL: process.env.DATABASE_URL });
  try {
    const applied = config.databaseUrl ? await migratePostgres(config.databaseUrl) : migrateSqlite(config.databasePath);
    const latest = Math.max(...MIGRATIONS.map((migration) => migration.version));
    console.log(applied.length === 0
      ? `${describeStorage(config)} is up to date (schema version ${latest}).`
      : `Applied migration(s) ${applied.join(', ')} to ${describeStorage(config)}; schema version ${latest}.`);
    return 0;
  } catch (error) {
    console.error(`Could not migrate ${describeStorage(config)}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

async function migratePostgres(url: string): Promise<number[]> {
  const pool = createPool(url);
  try {
    return await applyPostgresMigrations(pool);
  } finally {
    await pool.end();
  }
}

// openDatabase applies the migrations without returning them: those recorded since this run began are the ones it applied.
function migrateSqlite(file: string): number[] {
  const db = openDatabase(file);
  try {
    return db.prepare('SELECT version FROM schema_migrations WHERE applied_at >= ? ORDER BY version').pluck().all(startedAt) as number[];
  } finally {
    db.close();
  }
}

const startedAt = new Date().toISOString();
process.exitCode = await main();
