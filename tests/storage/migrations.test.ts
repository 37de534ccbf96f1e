import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, MIGRATIONS, type Migration } from '../../src/storage/migrations.js';
import { openDatabase } from '../../src/storage/sqlite/open-database.js';
import { createTempDatabase } from '../support/test-server.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function tempFile(): string {
  const database = createTempDatabase();
  cleanups.push(database.remove);
  return database.file;
}

describe('migrations', () => {
  it('creates the schema on a new file, in WAL mode with full sync, and records every version', () => {
    const db = openDatabase(tempFile());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all())
      .toEqual(MIGRATIONS.map((migration) => migration.version));
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['documents', 'segments', 'revisions']));
    db.close();
  });

  it('applies nothing twice when the database is reopened', () => {
    const file = tempFile();
    openDatabase(file).close();
    const db = new Database(file);
    expect(applyMigrations(db)).toEqual([]);
    db.close();
  });

  it('applies only the newer migrations, and rolls a failing one back whole', () => {
    const db = new Database(tempFile());
    applyMigrations(db);
    const next: Migration = { version: 1000, name: 'add a note column', sql: 'ALTER TABLE documents ADD COLUMN note TEXT' };
    const broken: Migration = { version: 1001, name: 'broken', sql: 'CREATE TABLE half (x); INSERT INTO no_such_table VALUES (1);' };
    expect(applyMigrations(db, [...MIGRATIONS, next])).toEqual([1000]);
    expect(() => applyMigrations(db, [...MIGRATIONS, next, broken])).toThrow(/no_such_table/);
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get()).toBe(1000);
    db.close();
  });

  it('gives documents saved before version 6 the sum of their sentences\' revisions', () => {
    const db = new Database(tempFile());
    applyMigrations(db, MIGRATIONS.filter((migration) => migration.version < 6));
    const now = new Date().toISOString();
    db.prepare(`INSERT INTO documents (id, title, target_language, detected_language, original_text, created_at, updated_at)
      VALUES (1, 'Old', 'en', 'en', 'A. B.', ?, ?), (2, 'Untouched', 'en', 'en', 'C.', ?, ?)`).run(now, now, now, now);
    const segment = db.prepare(`INSERT INTO segments (document_id, position, paragraph, start_offset, end_offset, original, text, status, revision, updated_at)
      VALUES (?, ?, 0, 0, 2, 'A.', 'A.', 'edited', ?, ?)`);
    segment.run(1, 0, 3, now);
    segment.run(1, 1, 4, now);
    segment.run(2, 0, 0, now);
    expect(applyMigrations(db)).toEqual([6]);
    expect(db.prepare('SELECT id, revision_sum FROM documents ORDER BY id').all()).toEqual([{ id: 1, revision_sum: 7 }, { id: 2, revision_sum: 0 }]);
    db.close();
  });
});
