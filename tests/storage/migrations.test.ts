import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, type Migration } from '../../src/storage/migrations.js';
import { applyPostgresMigrations } from '../../src/storage/postgres/migrate.js';
import { createPool } from '../../src/storage/postgres/pool.js';
import { createPostgresStorage } from '../../src/storage/postgres/index.js';
import { createSqliteStorage } from '../../src/storage/sqlite/index.js';
import { applyMigrations, openDatabase } from '../../src/storage/sqlite/open-database.js';
import type { Storage } from '../../src/storage/types.js';
import { createTempDatabase, createTempPostgresDatabase, TEST_ENGINES, type StorageEngine } from '../support/test-server.js';
import { LEGACY_POSTGRES_MIGRATIONS, LEGACY_SQLITE_MIGRATIONS, type LegacyMigration } from './fixtures/legacy-schema.js';
import { recordEdit } from '../support/changes.js';

/** The schema version the code before the rewrite left databases at (the fixture's last step). */
const LEGACY_VERSION = 6;

/** A bare database on one engine, reached without the storage: to build it the old way and look at its schema. */
interface RawDatabase {
  rows(sql: string): Promise<Record<string, unknown>[]>;
  exec(sql: string): Promise<void>;
  /** Apply `migrations` with the current code; the versions applied. */
  apply(migrations?: readonly Migration[]): Promise<number[]>;
  /** Every table's columns, indexes and constraints, as the engine describes them. */
  describeSchema(): Promise<unknown>;
  openStorage(): Promise<Storage>;
  remove(): Promise<void>;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function createRawDatabase(engine: StorageEngine): Promise<RawDatabase> {
  const raw = engine === 'sqlite' ? createRawSqlite() : await createRawPostgres();
  cleanups.push(() => raw.remove());
  return raw;
}

function createRawSqlite(): RawDatabase {
  const file = createTempDatabase();
  const db = new Database(file.file);
  const storages: Storage[] = [];
  const pragma = (name: string, table: string) => db.prepare(`SELECT * FROM pragma_${name}(?)`).all(table);
  return {
    rows: async (sql) => db.prepare(sql).all() as Record<string, unknown>[],
    exec: async (sql) => void db.exec(sql),
    apply: async (migrations) => applyMigrations(db, migrations),
    async describeSchema() {
      const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string; sql: string }[];
      return tables.map(({ name: table, sql }) => ({
        table,
        // The CREATE statement as stored, without its comments and layout: it alone says a column's collation.
        sql: sql.replace(/--.*$/gm, '').replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')'),
        columns: pragma('table_xinfo', table),
        foreignKeys: pragma('foreign_key_list', table),
        indexes: (pragma('index_list', table) as { name: string }[]).map((index) => ({ ...index, columns: pragma('index_xinfo', index.name) })),
      }));
    },
    openStorage: async () => {
      const storage = createSqliteStorage(file.file);
      storages.push(storage);
      return storage;
    },
    async remove() {
      for (const storage of storages) await storage.close();
      db.close();
      file.remove();
    },
  };
}

async function createRawPostgres(): Promise<RawDatabase> {
  const database = await createTempPostgresDatabase();
  const pool = createPool(database.url);
  const storages: Storage[] = [];
  const rows = async (sql: string) => (await pool.query(sql)).rows as Record<string, unknown>[];
  return {
    rows,
    exec: async (sql) => void (await pool.query(sql)),
    apply: (migrations) => applyPostgresMigrations(pool, migrations),
    async describeSchema() {
      return {
        columns: await rows(`SELECT table_name, column_name, ordinal_position, data_type, is_nullable, column_default, collation_name,
          is_identity, identity_generation FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`),
        indexes: await rows("SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname"),
        constraints: await rows(`SELECT c.conname, t.relname, pg_get_constraintdef(c.oid) AS definition FROM pg_constraint c
          JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public' ORDER BY c.conname`),
      };
    },
    openStorage: async () => {
      const storage = await createPostgresStorage(database.url);
      storages.push(storage);
      return storage;
    },
    async remove() {
      for (const storage of storages) await storage.close();
      await pool.end();
      await database.remove();
    },
  };
}

/** Apply the legacy migrations the way the code before the rewrite did: each step and its record in one transaction. */
async function applyLegacyMigrations(db: RawDatabase, engine: StorageEngine): Promise<void> {
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const legacy: readonly LegacyMigration[] = engine === 'sqlite' ? LEGACY_SQLITE_MIGRATIONS : LEGACY_POSTGRES_MIGRATIONS;
  for (const migration of legacy) {
    await db.exec(`BEGIN; ${migration.sql};
      INSERT INTO schema_migrations (version, name, applied_at) VALUES (${migration.version}, '${migration.name}', '2026-11-01T09:00:00.000Z');
      COMMIT;`);
  }
}

// One row or two in every table, as the code before the rewrite wrote them (ids from the engine: 1, 2, ...).
const LEGACY_ROWS = `
  INSERT INTO documents (title, target_language, detected_language, original_text, source_text, source_language, revision_sum, created_at, updated_at)
    VALUES ('Old article', 'en', 'en', 'The tenant spoke. He left.', 'Le locataire a parlé. Il est parti.', 'fr', 1,
      '2026-11-01T10:00:00.000Z', '2026-11-02T10:00:00.000Z');
  INSERT INTO segments (document_id, position, paragraph, start_offset, end_offset, original, text, status, revision, updated_at, role) VALUES
    (1, 0, 0, 0, 17, 'The tenant spoke.', 'The occupant spoke.', 'edited', 1, '2026-11-02T10:00:00.000Z', 'body'),
    (1, 1, 0, 18, 26, 'He left.', 'He left.', 'approved', 0, '2026-11-02T11:00:00.000Z', 'caption');
  INSERT INTO revisions (segment_id, number, kind, patch, checkpoint, reverted_to, author, comment, created_at) VALUES
    (1, 0, 'import', '[]', 'The tenant spoke.', NULL, 'importer', NULL, '2026-11-01T10:00:00.000Z'),
    (2, 0, 'import', '[]', 'He left.', NULL, 'importer', NULL, '2026-11-01T10:00:00.000Z'),
    (1, 1, 'edit', '[["=",4],["-","tenant"],["+","occupant"],["=",7]]', NULL, NULL, 'ana', 'usage', '2026-11-02T10:00:00.000Z');
  INSERT INTO flag_dismissals (segment_id, check_id, span_text, author, created_at) VALUES (2, 'repeated-word', 'He', 'ana', '2026-11-02T10:30:00.000Z');
  INSERT INTO segment_events (segment_id, kind, status, body, author, created_at) VALUES
    (2, 'status', 'approved', NULL, 'ben', '2026-11-02T11:00:00.000Z'), (1, 'comment', NULL, 'Check the name.', 'ben', '2026-11-02T12:00:00.000Z');
  INSERT INTO users (name, password_hash, role, disabled, created_at) VALUES
    ('Ana', 'scrypt$x', 'admin', FALSE, '2026-11-01T08:00:00.000Z'), ('Ben', 'scrypt$y', 'editor', TRUE, '2026-11-01T08:30:00.000Z');
  INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES
    ('session-hash', 1, 'csrf', '2026-11-01T08:00:00.000Z', '2031-01-01T00:00:00.000Z');
  INSERT INTO api_tokens (user_id, label, token_hash, created_at, last_used_at, revoked_at) VALUES
    (1, 'nightly', 'token-hash', '2026-11-01T08:00:00.000Z', '2030-01-01T00:00:00.000Z', NULL);
  INSERT INTO source_sentences (document_id, position, start_offset, end_offset, text) VALUES
    (1, 0, 0, 21, 'Le locataire a parlé.'), (1, 1, 22, 35, 'Il est parti.');
  INSERT INTO segment_sources (segment_id, source_sentence_id) VALUES (1, 1), (2, 2);
`;

describe.each(TEST_ENGINES)('migrations on %s', (engine) => {
  it('opens a database the code before the rewrite made, applying only what came since and keeping every row', async () => {
    const db = await createRawDatabase(engine);
    await applyLegacyMigrations(db, engine);
    await db.exec(LEGACY_ROWS);
    expect(await db.apply()).toEqual(MIGRATIONS.filter((migration) => migration.version > LEGACY_VERSION).map((migration) => migration.version));
    const storage = await db.openStorage();

    expect(await storage.documents.getWithText(1)).toEqual({
      id: 1, title: 'Old article', targetLanguage: 'en', detectedLanguage: 'en', sourceLanguage: 'fr', revisionSum: 1, englishVariant: null, variantChosenBy: null,
      createdAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-11-02T10:00:00.000Z', lastAuthor: 'ana', archivedAt: null, originalText: 'The tenant spoke. He left.',
    });
    expect(await storage.segments.listByDocument(1)).toEqual([
      { id: 1, documentId: 1, position: 0, paragraph: 0, start: 0, end: 17, role: 'body', original: 'The tenant spoke.', text: 'The occupant spoke.', status: 'edited', revision: 1, updatedAt: '2026-11-02T10:00:00.000Z' },
      { id: 2, documentId: 1, position: 1, paragraph: 0, start: 18, end: 26, role: 'caption', original: 'He left.', text: 'He left.', status: 'approved', revision: 0, updatedAt: '2026-11-02T11:00:00.000Z' },
    ]);
    expect(await storage.revisions.listByDocument(1)).toEqual([
      { id: 1, segmentId: 1, number: 0, kind: 'import', patch: [], checkpoint: 'The tenant spoke.', revertedTo: null, author: 'importer', comment: null, createdAt: '2026-11-01T10:00:00.000Z' },
      { id: 3, segmentId: 1, number: 1, kind: 'edit', patch: [['=', 4], ['-', 'tenant'], ['+', 'occupant'], ['=', 7]], checkpoint: null, revertedTo: null, author: 'ana', comment: 'usage', createdAt: '2026-11-02T10:00:00.000Z' },
      { id: 2, segmentId: 2, number: 0, kind: 'import', patch: [], checkpoint: 'He left.', revertedTo: null, author: 'importer', comment: null, createdAt: '2026-11-01T10:00:00.000Z' },
    ]);
    expect(await storage.dismissals.listByDocument(1)).toEqual([
      { id: 1, segmentId: 2, checkId: 'repeated-word', spanText: 'He', author: 'ana', createdAt: '2026-11-02T10:30:00.000Z' },
    ]);
    // The history so far, as one log in time order: the import once, the revision, the dismissal, the status change, the comment.
    const event = { documentId: 1, actionId: null, actionKind: null, undoesAction: null, previousStatus: null, undoesEvent: null, undoneBy: null };
    const none = { revision: null, status: null, checkId: null, spanText: null, body: null };
    expect(await storage.events.listAfter(1, 0, 100)).toEqual([
      { ...event, ...none, id: 1, segmentId: null, type: 'import', author: 'importer', createdAt: '2026-11-01T10:00:00.000Z', body: 'Old article' },
      { ...event, ...none, id: 2, segmentId: 1, type: 'revision', author: 'ana', createdAt: '2026-11-02T10:00:00.000Z', revision: 1 },
      { ...event, ...none, id: 3, segmentId: 2, type: 'dismissal', author: 'ana', createdAt: '2026-11-02T10:30:00.000Z', checkId: 'repeated-word', spanText: 'He' },
      { ...event, ...none, id: 4, segmentId: 2, type: 'status', author: 'ben', createdAt: '2026-11-02T11:00:00.000Z', status: 'approved' },
      { ...event, ...none, id: 5, segmentId: 1, type: 'comment', author: 'ben', createdAt: '2026-11-02T12:00:00.000Z', body: 'Check the name.' },
    ]);
    const ana = { id: 1, name: 'Ana', role: 'admin', disabled: false, createdAt: '2026-11-01T08:00:00.000Z' };
    expect(await storage.users.list()).toEqual([ana, { id: 2, name: 'Ben', role: 'editor', disabled: true, createdAt: '2026-11-01T08:30:00.000Z' }]);
    expect(await storage.users.findForLogin('ana')).toEqual({ ...ana, passwordHash: 'scrypt$x' });
    expect(await storage.sessions.find('session-hash', '2030-06-01T00:00:00.000Z')).toEqual({ user: ana, csrfToken: 'csrf', expiresAt: '2031-01-01T00:00:00.000Z' });
    expect(await storage.apiTokens.listByUser(1)).toEqual([
      { id: 1, userId: 1, label: 'nightly', createdAt: '2026-11-01T08:00:00.000Z', lastUsedAt: '2030-01-01T00:00:00.000Z', revokedAt: null },
    ]);
    expect(await storage.apiTokens.findUser('token-hash', '2030-06-01T00:00:00.000Z')).toEqual(ana);
    expect(await storage.sources.listSentences(1)).toEqual([
      { id: 1, documentId: 1, position: 0, start: 0, end: 21, text: 'Le locataire a parlé.' },
      { id: 2, documentId: 1, position: 1, start: 22, end: 35, text: 'Il est parti.' },
    ]);
    expect(await storage.sources.listLinks(1)).toEqual([{ segmentId: 1, sourceSentenceId: 1 }, { segmentId: 2, sourceSentenceId: 2 }]);
    expect(await storage.documents.getImportedFile(1)).toBeUndefined();

    // And it takes new writes on top of the old rows, with the old keys still enforced.
    const appended = await recordEdit(storage, { id: 1, revision: 1, text: 'The occupant spoke.' }, 'The occupant spoke again.', {
      patch: [['=', 18], ['+', ' again'], ['=', 1]], author: 'ben',
    });
    expect(appended.outcomes).toMatchObject([{ ok: true, revision: { id: 4, number: 2 }, segment: { revision: 2 }, event: { id: 6 } }]);
    expect(await storage.documents.get(1)).toMatchObject({ revisionSum: 2 });
    expect(await storage.users.create({ name: 'Carla', passwordHash: 'h', role: 'viewer' })).toMatchObject({ id: 3 });
    expect(await storage.users.create({ name: 'ANA', passwordHash: 'h', role: 'viewer' })).toBeUndefined();
    expect((await storage.documents.create({
      title: 'New', targetLanguage: 'en', detectedLanguage: 'en', originalText: 'New.', author: 'ana',
      segments: [{ position: 0, paragraph: 0, start: 0, end: 4, text: 'New.', role: 'body', status: 'to-review' }],
    })).id).toBe(2);
  });

  it('creates on a new database the schema the code before the rewrite created', async () => {
    const legacy = await createRawDatabase(engine);
    await applyLegacyMigrations(legacy, engine);
    const current = await createRawDatabase(engine);
    const upToLegacy = MIGRATIONS.filter((migration) => migration.version <= LEGACY_VERSION);
    expect(await current.apply(upToLegacy)).toEqual(upToLegacy.map((migration) => migration.version));
    expect(await current.describeSchema()).toEqual(await legacy.describeSchema());
    expect(await current.rows('SELECT version, name FROM schema_migrations ORDER BY version'))
      .toEqual(await legacy.rows('SELECT version, name FROM schema_migrations ORDER BY version'));
  });

  it('applies only the newer migrations, nothing twice, and rolls a failing one back whole', async () => {
    const db = await createRawDatabase(engine);
    await db.apply();
    expect(await db.apply()).toEqual([]);
    const next: Migration = { version: 1000, name: 'add a note column', sql: () => 'ALTER TABLE documents ADD COLUMN note TEXT' };
    const broken: Migration = { version: 1001, name: 'broken', sql: () => 'CREATE TABLE half (x INTEGER); INSERT INTO no_such_table VALUES (1);' };
    expect(await db.apply([...MIGRATIONS, next])).toEqual([1000]);
    await expect(db.apply([...MIGRATIONS, next, broken])).rejects.toThrow(/no_such_table/);
    expect(await db.rows('SELECT version FROM schema_migrations WHERE version >= 1000')).toEqual([{ version: 1000 }]);
    await expect(db.rows('SELECT * FROM half')).rejects.toThrow(/half/);
  });

  it('gives documents saved before version 6 the sum of their sentences\' revisions', async () => {
    const db = await createRawDatabase(engine);
    await db.apply(MIGRATIONS.filter((migration) => migration.version < 6));
    const now = '2026-11-01T10:00:00.000Z';
    await db.exec(`INSERT INTO documents (title, target_language, detected_language, original_text, created_at, updated_at)
        VALUES ('Old', 'en', 'en', 'A. B.', '${now}', '${now}'), ('Untouched', 'en', 'en', 'C.', '${now}', '${now}');
      INSERT INTO segments (document_id, position, paragraph, start_offset, end_offset, original, text, status, revision, updated_at)
        VALUES (1, 0, 0, 0, 2, 'A.', 'A.', 'edited', 3, '${now}'), (1, 1, 0, 3, 5, 'B.', 'B.', 'edited', 4, '${now}'),
          (2, 0, 0, 0, 2, 'C.', 'C.', 'to-review', 0, '${now}');`);
    expect(await db.apply()).toEqual(MIGRATIONS.filter((migration) => migration.version >= 6).map((migration) => migration.version));
    expect(await db.rows('SELECT id, revision_sum FROM documents ORDER BY id')).toEqual([{ id: 1, revision_sum: 7 }, { id: 2, revision_sum: 0 }]);
  });

  it('gives documents saved before version 7 no imported file', async () => {
    const db = await createRawDatabase(engine);
    await db.apply(MIGRATIONS.filter((migration) => migration.version < 7));
    const now = '2026-11-01T10:00:00.000Z';
    await db.exec(`INSERT INTO documents (title, target_language, detected_language, original_text, created_at, updated_at)
      VALUES ('Old', 'en', 'en', 'A.', '${now}', '${now}')`);
    expect(await db.apply()).toEqual(MIGRATIONS.filter((migration) => migration.version >= 7).map((migration) => migration.version));
    expect(await db.rows('SELECT id, imported_format, imported_file FROM documents')).toEqual([{ id: 1, imported_format: null, imported_file: null }]);
    expect(await (await db.openStorage()).documents.getImportedFile(1)).toBeUndefined();
  });
});

describe('SQLite file settings', () => {
  it('opens a new file in WAL mode with full sync and foreign keys on', () => {
    const file = createTempDatabase();
    const db = openDatabase(file.file);
    try {
      expect([db.pragma('journal_mode', { simple: true }), db.pragma('synchronous', { simple: true }), db.pragma('foreign_keys', { simple: true })])
        .toEqual(['wal', 2, 1]); // 2 is FULL
    } finally {
      db.close();
      file.remove();
    }
  });
});
