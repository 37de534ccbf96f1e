import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correctSegment } from '../../src/services/correct-segment.js';
import { importDocument } from '../../src/services/import-document.js';
import { MIGRATIONS } from '../../src/storage/migrations.js';
import { createPostgresStorage } from '../../src/storage/postgres/index.js';
import { createSqliteStorage } from '../../src/storage/sqlite/index.js';
import type { Storage } from '../../src/storage/types.js';
import { createTempDatabase, createTempPostgresDatabase, createTestAnalyzer, REPO_ROOT, TEST_DATABASE_URL } from '../support/test-server.js';
import { recordDismissal, recordStatus } from '../support/changes.js';

const run = promisify(execFile);

/** `npm run <script>` as an operator types it, with RETOUCHE_DB and DATABASE_URL as given. */
async function cli(script: 'migrate' | 'migrate-to-postgres', env: { RETOUCHE_DB: string; DATABASE_URL?: string }) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'src/cli', `${script}.ts`)], {
      cwd: REPO_ROOT, env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { stdout: string; stderr: string; code: number };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

/** Everything a storage holds about its documents and accounts, for comparing two backends. */
async function snapshot(storage: Storage) {
  const documents = [];
  for (const id of await storage.documents.listIds()) {
    documents.push({
      document: await storage.documents.get(id),
      segments: await storage.segments.listByDocument(id),
      revisions: await storage.revisions.listByDocument(id),
      dismissals: await storage.dismissals.listByDocument(id),
      events: await storage.events.listAfter(id, 0, 1_000),
      presence: await storage.presence.list(id, '2000-01-01T00:00:00.000Z'),
      sentences: await storage.sources.listSentences(id),
      links: await storage.sources.listLinks(id),
      // The stored flags, the open-flag index behind them, and the counters kept from both.
      analysed: await storage.analyses.listByDocument(id),
      flagged: await storage.analyses.listMatching(id, { category: 'accuracy/false-friend' }, { offset: 0, limit: 100 }),
      state: await storage.analyses.getState(id),
    });
  }
  const users = await storage.users.list();
  const tokens = await Promise.all(users.map((user) => storage.apiTokens.listByUser(user.id)));
  const rules = { rules: await storage.rules.list(), changes: await storage.rules.listChanges(100), judgements: await storage.judgements.list() };
  return { documents, users, tokens, rules };
}

describe('npm run migrate on SQLite', () => {
  it('creates the schema of a new file, then has nothing to do', async () => {
    const database = createTempDatabase();
    try {
      expect(await cli('migrate', { RETOUCHE_DB: database.file })).toMatchObject({ code: 0, stdout: `Applied migration(s) ${MIGRATIONS.map((migration) => migration.version).join(', ')} to database ${database.file}; schema version ${MIGRATIONS.at(-1)!.version}.\n` });
      expect(await cli('migrate', { RETOUCHE_DB: database.file })).toMatchObject({ code: 0, stdout: `database ${database.file} is up to date (schema version ${MIGRATIONS.at(-1)!.version}).\n` });
    } finally {
      database.remove();
    }
  });
});

describe.skipIf(!TEST_DATABASE_URL)('npm run migrate and migrate-to-postgres on PostgreSQL (needs DATABASE_URL)', () => {
  const sqlite = createTempDatabase();
  let source: Storage;
  let target: { url: string; remove(): Promise<void> };

  beforeAll(async () => {
    target = await createTempPostgresDatabase();
    source = createSqliteStorage(sqlite.file);
    const analyzer = createTestAnalyzer(source);
    // A database with something in every table.
    const { document } = await importDocument(source, analyzer, { text: 'The tenant of the White House spoke. He left.\n\nA new paragraph.', author: 'importer' });
    const segments = await source.segments.listByDocument(document.id);
    const first = segments[0]!.id;
    await correctSegment(source, analyzer, { segmentId: first, baseRevision: 0, text: 'The occupant of the White House spoke.', author: 'ana', comment: 'usage' });
    await correctSegment(source, analyzer, { segmentId: first, baseRevision: 1, text: 'The occupant of the White House spoke again.', author: 'ben' });
    await recordStatus(source, { segmentId: first, expectedRevision: 2, status: 'approved', author: 'ana' });
    await source.events.addComment({ segmentId: segments[1]!.id, body: 'Check the name.', author: 'ben' });
    await recordDismissal(source, { segmentId: segments[1]!.id, checkId: 'repeated-word', spanText: 'He', author: 'ana' });
    await source.presence.open({ documentId: document.id, segmentId: first, author: 'ana', expiresAt: '2099-01-01T00:00:00.000Z' });
    await source.sources.attach(document.id, {
      author: 'ana', text: 'Le locataire a parlé. Il est parti.', language: 'fr',
      sentences: [{ position: 0, start: 0, end: 21, text: 'Le locataire a parlé.' }, { position: 1, start: 22, end: 35, text: 'Il est parti.' }],
      links: [{ segmentId: first, sourcePositions: [0] }, { segmentId: segments[1]!.id, sourcePositions: [1] }],
    });
    const ana = (await source.users.create({ name: 'Ana', passwordHash: 'scrypt$x', role: 'admin' }))!;
    const ben = (await source.users.create({ name: 'Ben', passwordHash: 'scrypt$y', role: 'editor' }))!;
    await source.users.setDisabled(ben.id, true);
    await source.apiTokens.create({ userId: ana.id, label: 'nightly', tokenHash: 'token-hash' });
    await source.apiTokens.findUser('token-hash', '2030-01-01T00:00:00.000Z');
    await source.sessions.create({ tokenHash: 'session-hash', userId: ana.id, csrfToken: 'csrf', expiresAt: '2031-01-01T00:00:00.000Z' });
    await source.documents.setVariant(document.id, 'uk', 'ana');
    await source.rules.create({ kind: 'ignore', phrase: 'White House', checkId: null, replacement: null, example: null, note: 'a name', documentId: document.id }, 'ana');
    await source.judgements.setOverride('check', 'spelling', 'hint', 'ana');
    await analyzer.settle();
    await source.close();
  });
  afterAll(async () => {
    await target?.remove();
    sqlite.remove();
  });

  it('migrates a fresh PostgreSQL database, then has nothing to do', async () => {
    const scratch = await createTempPostgresDatabase();
    try {
      const first = await cli('migrate', { RETOUCHE_DB: sqlite.file, DATABASE_URL: scratch.url });
      const versions = MIGRATIONS.map((migration) => migration.version);
      expect(first).toMatchObject({
        code: 0, stdout: expect.stringMatching(new RegExp(`^Applied migration\\(s\\) ${versions.join(', ')} to PostgreSQL postgres://.*; schema version ${versions.at(-1)}\\.\n$`)),
      });
      expect(await cli('migrate', { RETOUCHE_DB: sqlite.file, DATABASE_URL: scratch.url })).toMatchObject({ code: 0, stdout: expect.stringContaining('is up to date') });
    } finally {
      await scratch.remove();
    }
  });

  it('copies every row with its id, resets the id sequences, and refuses a non-empty target', async () => {
    const copied = await cli('migrate-to-postgres', { RETOUCHE_DB: sqlite.file, DATABASE_URL: target.url });
    expect(copied.stderr).toBe('');
    expect(copied).toMatchObject({ code: 0, stdout: expect.stringContaining('1 documents, 3 segments, 3 segment_analyses, 0 open_flags, 5 revisions, 1 flag_dismissals, 4 actions, 9 document_events, 1 presence, 2 users, 1 sessions, 1 api_tokens, 2 source_sentences, 2 segment_sources, 1 newsroom_rules, 1 newsroom_rule_changes, 3 judgement_counts') });

    const before = createSqliteStorage(sqlite.file);
    const after = await createPostgresStorage(target.url);
    try {
      expect(await snapshot(after)).toEqual(await snapshot(before));
      expect(await after.sessions.find('session-hash', '2030-06-01T00:00:00.000Z')).toMatchObject({ user: { name: 'Ana' }, csrfToken: 'csrf' });
      expect(await after.apiTokens.findUser('token-hash', '2030-06-01T00:00:00.000Z')).toMatchObject({ name: 'Ana' });
      expect(await after.users.findByName('ben')).toMatchObject({ disabled: true });
      // New rows continue after the copied ids instead of colliding with them.
      const { document } = await importDocument(after, createTestAnalyzer(after), { text: 'Written after the move.', author: 'ana' });
      expect(document.id).toBe(2);
      expect((await after.users.create({ name: 'Carla', passwordHash: 'h', role: 'viewer' }))!.id).toBe(3);
    } finally {
      await before.close();
      await after.close();
    }

    const again = await cli('migrate-to-postgres', { RETOUCHE_DB: sqlite.file, DATABASE_URL: target.url });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('the PostgreSQL database is not empty (table documents has rows)');
  });

  it('says what is missing without DATABASE_URL or without the SQLite file', async () => {
    expect(await cli('migrate-to-postgres', { RETOUCHE_DB: sqlite.file })).toMatchObject({ code: 2, stderr: expect.stringContaining('Set DATABASE_URL') });
    const missing = path.join(path.dirname(sqlite.file), 'missing.db');
    expect(await cli('migrate-to-postgres', { RETOUCHE_DB: missing, DATABASE_URL: target.url }))
      .toMatchObject({ code: 1, stderr: `There is no SQLite database at ${missing} (set RETOUCHE_DB to the file to copy).\n` });
  });
});
