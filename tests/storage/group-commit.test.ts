import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { correctSegment } from '../../src/services/correct-segment.js';
import { importDocument } from '../../src/services/import-document.js';
import { createGroupCommit } from '../../src/storage/sqlite/group-commit.js';
import { createSqliteStorage, type SqliteStorage } from '../../src/storage/sqlite/index.js';
import type { SegmentRecord } from '../../src/model.js';
import { createTestAnalyzer, createTempDatabase } from '../support/test-server.js';
import type { Analyzer } from '../../src/services/document-analysis.js';
import { recordEdit, recordStatus } from '../support/changes.js';

let database: { file: string; remove(): void };
let storage: SqliteStorage;
let analyzer: Analyzer;
let segments: SegmentRecord[];

beforeEach(async () => {
  database = createTempDatabase();
  storage = createSqliteStorage(database.file);
  analyzer = createTestAnalyzer(storage);
  const text = Array.from({ length: 12 }, (_, index) => `Sentence number ${index + 1} of the article.`).join(' ');
  const { document } = await importDocument(storage, analyzer, { text, author: 'importer' });
  segments = await storage.segments.listByDocument(document.id);
});
afterEach(async () => {
  await storage.close();
  database.remove();
});

const appends = () => storage.groupCommit;
const save = (segment: SegmentRecord, text: string, baseRevision = segment.revision) =>
  correctSegment(storage, analyzer, { segmentId: segment.id, text, baseRevision, author: 'ana' });

describe('group commit of saves (SQLite)', () => {
  it('commits saves made together once, and every one of them lands', async () => {
    const before = { ...appends().stats };
    const results = await Promise.all(segments.map((segment, index) => save(segment, `Corrected sentence ${index + 1}.`)));
    expect(appends().stats.commits - before.commits).toBe(1);
    expect(appends().stats.writes - before.writes).toBe(segments.length);
    expect(results.map((result) => result.segment.revision)).toEqual(segments.map(() => 1));
    const stored = await storage.segments.listByDocument(segments[0]!.documentId);
    expect(stored.map((segment) => segment.text)).toEqual(segments.map((_, index) => `Corrected sentence ${index + 1}.`));
  });

  it('commits saves made one after another one by one', async () => {
    const before = appends().stats.commits;
    await save(segments[0]!, 'First.');
    await save(segments[1]!, 'Second.');
    expect(appends().stats.commits - before).toBe(2);
  });

  it('rolls back a failing save alone: the others of its group still land', async () => {
    const [first, second, third] = segments as [SegmentRecord, SegmentRecord, SegmentRecord];
    // A status the schema rejects makes this change fail after its sentence was read.
    const failing = recordEdit(storage, second, 'Broken.', { status: 'bogus' as never });
    const [one, broken, three] = await Promise.allSettled([save(first, 'One.'), failing, save(third, 'Three.')]);
    expect(one.status).toBe('fulfilled');
    expect(three.status).toBe('fulfilled');
    expect(broken).toMatchObject({ status: 'rejected', reason: { message: expect.stringMatching(/CHECK constraint/) } });
    expect(await storage.revisions.listBySegment(second.id)).toHaveLength(1);
    expect(await storage.segments.get(second.id)).toMatchObject({ text: second.text, revision: 0 });
    expect((await storage.segments.get(third.id))?.text).toBe('Three.');
  });

  it('lets only the first of two saves from the same base win, even in one group', async () => {
    const segment = segments[0]!;
    const [ana, ben] = await Promise.allSettled([save(segment, 'Ana’s text.'), save(segment, 'Ben’s text.')]);
    expect(ana.status).toBe('fulfilled');
    expect(ben).toMatchObject({ status: 'rejected', reason: { code: 'conflict', details: { current: { text: 'Ana’s text.', revision: 1 } } } });
    expect(await storage.revisions.listBySegment(segment.id)).toHaveLength(2);
  });

  it('never undoes a status set while a save waits for its group: the one made from a stale revision is refused', async () => {
    const segment = segments[0]!;
    const pending = save(segment, 'Corrected while someone excluded it.');
    // The save has read the sentence and joined the queue; another editor excludes the sentence before the commit.
    await new Promise((resolve) => process.nextTick(resolve));
    // Both are actions sharing the group's commit, in the order they came: the save lands first, and
    // the exclusion, made from the revision before it, is refused for its editor to look again.
    const excluded = await recordStatus(storage, { segmentId: segment.id, expectedRevision: 0, status: 'excluded', author: 'ben' });
    await expect(pending).resolves.toMatchObject({ segment: { text: 'Corrected while someone excluded it.', status: 'edited' } });
    expect(excluded).toMatchObject({ action: null, outcomes: [{ ok: false, reason: 'conflict', current: { revision: 1 } }] });
    expect(await storage.segments.get(segment.id)).toMatchObject({ status: 'edited', revision: 1 });
  });

  it('writes the saves still waiting for their commit when the storage closes', async () => {
    const pending = save(segments[0]!, 'Saved just before shutdown.');
    // correctSegment reads the sentence first; let it reach the queue, then close before the commit would run.
    await new Promise((resolve) => process.nextTick(resolve));
    await Promise.resolve();
    await storage.close();
    await expect(pending).resolves.toMatchObject({ segment: { text: 'Saved just before shutdown.' } });
    storage = createSqliteStorage(database.file);
    analyzer = createTestAnalyzer(storage);
    expect((await storage.segments.get(segments[0]!.id))?.text).toBe('Saved just before shutdown.');
  });
});

describe('createGroupCommit', () => {
  let file: { file: string; remove(): void };
  let db: Database.Database;
  beforeEach(() => {
    file = createTempDatabase();
    db = new Database(file.file);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 0');
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  });
  afterEach(() => {
    db.close();
    file.remove();
  });

  it('rejects every write of a group whose commit cannot be made, and writes none of them', async () => {
    const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
    const group = createGroupCommit(db, (body: string) => Number(insert.run(body).lastInsertRowid));
    // Another connection holds the write lock: the group's BEGIN IMMEDIATE fails at once.
    const other = new Database(file.file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const results = await Promise.allSettled([group.submit('a'), group.submit('b')]);
      expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
      expect(results[0]).toMatchObject({ reason: { code: 'SQLITE_BUSY' } });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(db.prepare('SELECT COUNT(*) FROM notes').pluck().get()).toBe(0);
    expect(group.stats).toEqual({ commits: 0, writes: 0 });
    // The next group commits normally.
    await expect(Promise.all([group.submit('c'), group.submit('d')])).resolves.toEqual([1, 2]);
    expect(group.stats).toEqual({ commits: 1, writes: 2 });
  });

  it('fails a whole group when SQLite rolls the whole transaction back, and writes none of it', async () => {
    const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
    const group = createGroupCommit(db, (body: string) => Number(insert.run(body).lastInsertRowid));
    // A file that cannot grow by more than a few pages: the large note fills it, and on a full
    // disk SQLite rolls back the whole transaction, not only the note's savepoint.
    db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true })) + 3}`);
    const results = await Promise.allSettled([group.submit('before'), group.submit('x'.repeat(100_000)), group.submit('after')]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(results[2]).toMatchObject({ reason: { code: 'SQLITE_FULL' } });
    expect(db.prepare('SELECT body FROM notes').pluck().all()).toEqual([]);
    expect(db.inTransaction).toBe(false);
    await expect(group.submit('small')).resolves.toBe(1);
  });

  it('resolves each write with its own result, in the order submitted', async () => {
    const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
    const group = createGroupCommit(db, (body: string) => ({ id: Number(insert.run(body).lastInsertRowid), body }));
    const written = await Promise.all(['x', 'y', 'z'].map((body) => group.submit(body)));
    expect(written).toEqual([{ id: 1, body: 'x' }, { id: 2, body: 'y' }, { id: 3, body: 'z' }]);
  });

  it('answers reads during a long transaction at once, with the last commit, and sees the commit once made', async () => {
    const documentsBefore = (await storage.documents.list()).length;
    const sentences = Array.from({ length: 6_000 }, (_, index) => ({
      position: index, paragraph: index, start: 0, end: 5, text: `Word${index}.`, role: 'body' as const, status: 'to-review' as const,
    }));
    let created = false;
    const creating = storage.documents.create({
      title: 'Long import', targetLanguage: 'en', detectedLanguage: 'en', originalText: 'x', author: 'importer', segments: sentences,
    }).then((document) => {
      created = true;
      return document;
    });
    // The create yields between its thousand-row statements; a read meanwhile neither waits for it nor sees half of it.
    await new Promise((resolve) => setImmediate(resolve));
    const during = await storage.documents.list();
    expect(created).toBe(false);
    expect(during).toHaveLength(documentsBefore);
    const document = await creating;
    expect((await storage.documents.list()).map((listed) => listed.id)).toContain(document.id);
    expect(await storage.segments.listByDocument(document.id)).toHaveLength(6_000);
  });
});
