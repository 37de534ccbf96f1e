import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correctSegment } from '../../src/services/correct-segment.js';
import { importDocument } from '../../src/services/import-document.js';
import { createPostgresStorage } from '../../src/storage/postgres/index.js';
import { applyPostgresMigrations, POSTGRES_MIGRATIONS } from '../../src/storage/postgres/migrations.js';
import { createPool } from '../../src/storage/postgres/pool.js';
import { MIGRATIONS } from '../../src/storage/migrations.js';
import type { Storage } from '../../src/storage/types.js';
import { createTempPostgresDatabase, TEST_DATABASE_URL } from '../support/test-server.js';

// These open PostgreSQL directly (two pools on one database stand for two servers); the rest of
// the suite runs on PostgreSQL through startTestServer when DATABASE_URL is set.
describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL storage (needs DATABASE_URL)', () => {
  let database: { url: string; remove(): Promise<void> };
  let first: Storage;
  let second: Storage;

  beforeAll(async () => {
    database = await createTempPostgresDatabase();
    [first, second] = await Promise.all([createPostgresStorage(database.url), createPostgresStorage(database.url)]);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await database?.remove();
  });

  it('mirrors the SQLite migrations one to one and applies nothing twice', async () => {
    expect(POSTGRES_MIGRATIONS.map(({ version, name }) => ({ version, name }))).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
    const pool = createPool(database.url);
    try {
      expect(await applyPostgresMigrations(pool)).toEqual([]);
      const { rows } = await pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((row) => row.version)).toEqual(MIGRATIONS.map((migration) => migration.version));
    } finally {
      await pool.end();
    }
  });

  it('rolls a failing migration back whole', async () => {
    const scratch = await createTempPostgresDatabase();
    const pool = createPool(scratch.url);
    try {
      const broken = { version: 1001, name: 'broken', sql: 'CREATE TABLE half (x int); INSERT INTO no_such_table VALUES (1);' };
      await expect(applyPostgresMigrations(pool, [...POSTGRES_MIGRATIONS, broken])).rejects.toThrow(/no_such_table/);
      expect((await pool.query("SELECT 1 FROM pg_tables WHERE tablename = 'half'")).rowCount).toBe(0);
      expect((await pool.query('SELECT MAX(version) AS v FROM schema_migrations')).rows[0].v).toBe(POSTGRES_MIGRATIONS.at(-1)!.version);
    } finally {
      await pool.end();
      await scratch.remove();
    }
  });

  it('lets exactly one of many saves from the same base land, across two pools', async () => {
    const { document } = await importDocument(first, { text: 'The tenant of the White House spoke.', author: 'importer' });
    const [segment] = await first.segments.listByDocument(document.id);
    for (let round = 0; round < 10; round++) {
      const results = await Promise.all(Array.from({ length: 8 }, (_, index) =>
        (index % 2 === 0 ? first : second).revisions.append({
          segmentId: segment!.id, expectedRevision: round, kind: 'edit', text: `Round ${round} by ${index}.`,
          patch: [], checkpoint: null, revertedTo: null, status: 'edited', author: `editor-${index}`, comment: null,
        })));
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.reason)).toEqual(Array(7).fill('conflict'));
    }
    const revisions = await second.revisions.listBySegment(segment!.id);
    expect(revisions.map((revision) => revision.number)).toEqual(Array.from({ length: 11 }, (_, index) => index));
    expect((await second.segments.get(segment!.id))!.revision).toBe(10);
  });

  it('reports a missing sentence as not found, and refuses a stale status change', async () => {
    expect(await first.revisions.append({
      segmentId: 999_999, expectedRevision: 0, kind: 'edit', text: 'x', patch: [], checkpoint: null, revertedTo: null,
      status: 'edited', author: 'a', comment: null,
    })).toEqual({ ok: false, reason: 'not-found' });
    const { document } = await importDocument(first, { text: 'A sentence to approve.', author: 'importer' });
    const [segment] = await first.segments.listByDocument(document.id);
    await correctSegment(second, { segmentId: segment!.id, baseRevision: 0, text: 'A sentence, approved.', author: 'ben' });
    const stale = await first.events.changeStatus({ segmentId: segment!.id, expectedRevision: 0, status: 'approved', author: 'ana' });
    expect(stale).toMatchObject({ ok: false, reason: 'conflict', current: { revision: 1, status: 'edited' } });
    const fresh = await first.events.changeStatus({ segmentId: segment!.id, expectedRevision: 1, status: 'approved', author: 'ana' });
    expect(fresh).toMatchObject({ ok: true, segment: { status: 'approved', revision: 1 }, event: { kind: 'status', status: 'approved', author: 'ana' } });
  });

  it('creates one first admin out of racing requests, and keeps names unique without case', async () => {
    const scratch = await createTempPostgresDatabase();
    const [a, b] = await Promise.all([createPostgresStorage(scratch.url), createPostgresStorage(scratch.url)]);
    try {
      const created = await Promise.all(Array.from({ length: 10 }, (_, index) =>
        (index % 2 ? a : b).users.createFirstAdmin({ name: `admin${index}`, passwordHash: 'h' })));
      expect(created.filter(Boolean)).toHaveLength(1);
      expect(await a.users.count()).toBe(1);
      expect(await a.users.create({ name: 'Fatima', passwordHash: 'h', role: 'editor' })).toMatchObject({ name: 'Fatima', disabled: false });
      expect(await b.users.create({ name: 'FATIMA', passwordHash: 'h', role: 'viewer' })).toBeUndefined();
      expect(await b.users.findByName('fatima')).toMatchObject({ name: 'Fatima', role: 'editor' });
      expect((await b.users.findForLogin('fAtImA'))!.passwordHash).toBe('h');
    } finally {
      await a.close();
      await b.close();
      await scratch.remove();
    }
  });

  it('marks API tokens used, finds only live sessions, and keeps the first of two equal dismissals', async () => {
    const user = (await first.users.create({ name: 'token-user', passwordHash: 'h', role: 'editor' }))!;
    const token = await first.apiTokens.create({ userId: user.id, label: 'nightly', tokenHash: 'hash-1' });
    expect(token.lastUsedAt).toBeNull();
    expect(await second.apiTokens.findUser('hash-1', '2030-01-01T00:00:00.000Z')).toMatchObject({ id: user.id });
    expect((await first.apiTokens.listByUser(user.id))[0]!.lastUsedAt).toBe('2030-01-01T00:00:00.000Z');
    expect(await first.apiTokens.revoke(token.id, user.id, '2030-01-02T00:00:00.000Z')).toBe(true);
    expect(await first.apiTokens.revoke(token.id, user.id, '2030-01-03T00:00:00.000Z')).toBe(false);
    expect(await second.apiTokens.findUser('hash-1', '2030-01-04T00:00:00.000Z')).toBeUndefined();

    await first.sessions.create({ tokenHash: 's1', userId: user.id, csrfToken: 'c', expiresAt: '2030-01-01T00:00:00.000Z' });
    expect(await second.sessions.find('s1', '2029-12-31T23:59:59.999Z')).toMatchObject({ user: { id: user.id }, csrfToken: 'c' });
    expect(await second.sessions.find('s1', '2030-01-01T00:00:00.000Z')).toBeUndefined();
    expect(await second.sessions.deleteExpired('2030-01-01T00:00:00.000Z')).toBe(1);

    const { document } = await importDocument(first, { text: 'A flagged sentence.', author: 'importer' });
    const [segment] = await first.segments.listByDocument(document.id);
    const dismissal = { segmentId: segment!.id, checkId: 'repeated-word', spanText: 'the the', author: 'ana' };
    const [one, two] = await Promise.all([first.dismissals.add(dismissal), second.dismissals.add({ ...dismissal, author: 'ben' })]);
    expect(two).toEqual(one);
    expect(await first.dismissals.listByDocument(document.id)).toHaveLength(1);
  });

  it('attaches a source and refuses a link into another document, changing nothing', async () => {
    const { document } = await importDocument(first, { text: 'First sentence here. Second one too.', author: 'importer' });
    const { document: other } = await importDocument(first, { text: 'Another article.', author: 'importer' });
    const segments = await first.segments.listByDocument(document.id);
    const [otherSegment] = await first.segments.listByDocument(other.id);
    await first.sources.attach(document.id, {
      text: 'Première phrase. Deuxième.', language: 'fr',
      sentences: [{ position: 0, start: 0, end: 16, text: 'Première phrase.' }, { position: 1, start: 17, end: 26, text: 'Deuxième.' }],
      links: segments.map((segment, index) => ({ segmentId: segment.id, sourcePositions: [index] })),
    });
    const sentences = await second.sources.listSentences(document.id);
    expect(sentences.map((sentence) => sentence.text)).toEqual(['Première phrase.', 'Deuxième.']);
    const links = await second.sources.listLinks(document.id);
    expect(links).toEqual(segments.map((segment, index) => ({ segmentId: segment.id, sourceSentenceId: sentences[index]!.id })));
    await expect(first.sources.setLinks(otherSegment!.id, [sentences[0]!.id])).rejects.toThrow(RangeError);
    await first.sources.setLinks(segments[0]!.id, [sentences[0]!.id, sentences[1]!.id]);
    expect(await second.sources.listLinks(document.id)).toHaveLength(3);
    expect((await second.documents.get(document.id))!).toMatchObject({ sourceLanguage: 'fr' });
  });
});
