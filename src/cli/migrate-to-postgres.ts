/**
 * `npm run migrate-to-postgres`: copy an existing SQLite database (RETOUCHE_DB, default
 * data/retouche.db) into an empty PostgreSQL database (DATABASE_URL), keeping every id, so links,
 * revisions, sessions and API tokens go on working. Stop the server first: saves made during the
 * copy would not be in it. The target must be empty; the copy is one transaction, all or nothing.
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { readConfig } from '../config.js';
import { describeStorage } from '../storage/open-storage.js';
import { applyPostgresMigrations } from '../storage/postgres/migrate.js';
import { createPool, withTransaction } from '../storage/postgres/pool.js';
import { openDatabase } from '../storage/sqlite/open-database.js';

/** Every table, parents before children (foreign keys), with its columns and whether `id` is an identity. */
const TABLES: readonly { name: string; columns: readonly string[]; identity: boolean }[] = [
  { name: 'documents', identity: true, columns: ['id', 'title', 'target_language', 'detected_language', 'original_text', 'source_text', 'source_language', 'revision_sum', 'created_at', 'updated_at', 'imported_format', 'imported_file', 'segment_count', 'set_aside_count', 'to_review_count', 'edited_count', 'approved_count', 'excluded_count', 'corrected_count', 'open_flag_count', 'flagged_count', 'analysis_version', 'analysed_version', 'analysed_with', 'stale_reason', 'last_author', 'archived_at', 'english_variant', 'variant_chosen_by'] },
  { name: 'segments', identity: true, columns: ['id', 'document_id', 'position', 'paragraph', 'start_offset', 'end_offset', 'role', 'original', 'text', 'status', 'revision', 'updated_at', 'open_flags'] },
  { name: 'segment_analyses', identity: false, columns: ['segment_id', 'revision', 'flags'] },
  { name: 'open_flags', identity: false, columns: ['segment_id', 'document_id', 'position', 'check_id', 'category', 'severity'] },
  { name: 'revisions', identity: true, columns: ['id', 'segment_id', 'number', 'kind', 'patch', 'checkpoint', 'reverted_to', 'author', 'comment', 'created_at'] },
  { name: 'flag_dismissals', identity: true, columns: ['id', 'segment_id', 'check_id', 'span_text', 'author', 'created_at'] },
  { name: 'actions', identity: true, columns: ['id', 'kind', 'author', 'undoes', 'created_at'] },
  { name: 'document_events', identity: true, columns: ['id', 'document_id', 'segment_id', 'action_id', 'type', 'author', 'created_at', 'revision', 'status', 'previous_status', 'check_id', 'span_text', 'body', 'undoes_event'] },
  { name: 'presence', identity: false, columns: ['document_id', 'segment_id', 'author', 'expires_at'] },
  { name: 'users', identity: true, columns: ['id', 'name', 'password_hash', 'role', 'disabled', 'created_at'] },
  { name: 'sessions', identity: false, columns: ['token_hash', 'user_id', 'csrf_token', 'created_at', 'expires_at'] },
  { name: 'api_tokens', identity: true, columns: ['id', 'user_id', 'label', 'token_hash', 'created_at', 'last_used_at', 'revoked_at'] },
  { name: 'source_sentences', identity: true, columns: ['id', 'document_id', 'position', 'start_offset', 'end_offset', 'text'] },
  { name: 'segment_sources', identity: false, columns: ['segment_id', 'source_sentence_id'] },
  { name: 'newsroom_rules', identity: true, columns: ['id', 'kind', 'phrase', 'check_id', 'replacement', 'example', 'note', 'document_id', 'author', 'created_at', 'updated_by', 'updated_at'] },
  { name: 'newsroom_rule_changes', identity: true, columns: ['id', 'rule_id', 'action', 'rule', 'author', 'created_at'] },
  { name: 'judgement_counts', identity: false, columns: ['subject_kind', 'subject_id', 'confirmed', 'dismissed', 'override', 'override_by'] },
];
// PostgreSQL takes at most 65,535 parameters per statement; rows are sent in batches below that.
const MAX_PARAMETERS = 30_000;

async function main(): Promise<number> {
  const config = readConfig({ RETOUCHE_DB: process.env.RETOUCHE_DB, DATABASE_URL: process.env.DATABASE_URL });
  if (!config.databaseUrl) {
    console.error('Set DATABASE_URL to the PostgreSQL database to copy into (postgres://user:password@host:5432/retouche).');
    return 2;
  }
  if (!fs.existsSync(config.databasePath)) {
    console.error(`There is no SQLite database at ${config.databasePath} (set RETOUCHE_DB to the file to copy).`);
    return 1;
  }
  // openDatabase brings an older file up to the current schema, so its columns are the ones copied.
  const sqlite = openDatabase(config.databasePath);
  const pool = createPool(config.databaseUrl);
  try {
    await applyPostgresMigrations(pool);
    const counts = await withTransaction(pool, async (client) => {
      await refuseNonEmpty(client);
      const copied: string[] = [];
      for (const table of TABLES) copied.push(`${await copyTable(sqlite, client, table)} ${table.name}`);
      return copied;
    });
    console.log(`Copied ${config.databasePath} to ${describeStorage(config)}: ${counts.join(', ')}.`);
    return 0;
  } catch (error) {
    console.error(`Could not copy ${config.databasePath} to ${describeStorage(config)}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    sqlite.close();
    await pool.end();
  }
}

async function refuseNonEmpty(client: pg.PoolClient): Promise<void> {
  for (const table of TABLES) {
    const { rowCount } = await client.query(`SELECT 1 FROM ${table.name} LIMIT 1`);
    if (rowCount) throw new Error(`the PostgreSQL database is not empty (table ${table.name} has rows); copy into a new, empty database`);
  }
}

/** Copy one table in batches of rows, in id order; then move its id sequence past the largest id copied. */
async function copyTable(sqlite: Database.Database, client: pg.PoolClient, table: (typeof TABLES)[number]): Promise<number> {
  const columns = table.columns.join(', ');
  const batchSize = Math.floor(MAX_PARAMETERS / table.columns.length);
  let batch: unknown[][] = [];
  let copied = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const values = batch.map((_, row) => `(${table.columns.map((__, column) => `$${row * table.columns.length + column + 1}`).join(', ')})`);
    await client.query(`INSERT INTO ${table.name} (${columns}) VALUES ${values.join(', ')}`, batch.flat());
    copied += batch.length;
    batch = [];
  };
  for (const row of sqlite.prepare(`SELECT ${columns} FROM ${table.name} ORDER BY rowid`).raw().iterate() as Iterable<unknown[]>) {
    // SQLite keeps booleans as 0 and 1.
    batch.push(table.name === 'users' ? row.map((value, index) => (table.columns[index] === 'disabled' ? value === 1 : value)) : row);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  if (table.identity) {
    // Ids were inserted explicitly, which does not advance the identity: the next insert would collide.
    await client.query(`SELECT setval(pg_get_serial_sequence('${table.name}', 'id'), COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM ${table.name}`);
  }
  return copied;
}

process.exitCode = await main();
