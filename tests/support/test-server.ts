import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { computeChecksFingerprint } from '../../src/analysis/fingerprint.js';
import { createInProcessRunner } from '../../src/analysis/runner.js';
import { createApp, type AppDependencies } from '../../src/app.js';
import { createAnalyzer, type Analyzer } from '../../src/services/document-analysis.js';
import { createAppCaches } from '../../src/web/caches.js';
import { createPostgresStorage } from '../../src/storage/postgres/index.js';
import { createSqliteStorage } from '../../src/storage/sqlite/index.js';
import type { Storage } from '../../src/storage/types.js';
import { createTestAccounts } from './accounts.js';
import { createDocumentFeed, type DocumentFeed } from '../../src/services/document-feed.js';

/** The repository root, for reading seeds/ and ../shared/. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
/** The seed article every fresh install starts with. */
export const SEED_FILE = path.join(REPO_ROOT, 'seeds', '000_4247dde334aa655b.txt');

/**
 * The PostgreSQL server the suite runs against (`DATABASE_URL=postgres://... npx vitest run`), or
 * undefined for SQLite. It is an administrator's URL: each test creates its own database there.
 * DATABASE_URL itself is taken out of the environment so that a child process a test spawns (the
 * users CLI, say) uses the database the test chose for it, never the administrator's database; it
 * is kept under another name because vitest may run several test files in one process.
 */
if (process.env.DATABASE_URL) process.env.RETOUCHE_TEST_DATABASE_URL = process.env.DATABASE_URL;
delete process.env.DATABASE_URL;
export const TEST_DATABASE_URL: string | undefined = process.env.RETOUCHE_TEST_DATABASE_URL || undefined;

export interface TestServer {
  url: string;
  storage: Storage;
  /** The app's analyzer: `settle()` waits for the flags a save changes elsewhere in its document. */
  analyzer: Analyzer;
  /** The SQLite file; empty when the suite runs on PostgreSQL (see databaseUrl). */
  databaseFile: string;
  /** The PostgreSQL database of this server, when the suite runs on PostgreSQL. */
  databaseUrl?: string;
  /** fetch() against this server with the API token of `as` (default "tester", an editor; "viewer" and "admin" have those roles). */
  fetch(path: string, init?: RequestInit, as?: string): Promise<Response>;
  /** A logged-in browser session for `name`, for plain-form tests: Cookie header and CSRF token. */
  sessionFor(name: string): Promise<{ cookie: string; csrfToken: string }>;
  /** The server's live-document feed (its streams). */
  feed: DocumentFeed;
  close(): Promise<void>;
}

/** A temporary SQLite file in its own folder; removed by the returned cleanup. */
export function createTempDatabase(): { file: string; remove(): void } {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'retouche-test-'));
  return { file: path.join(directory, 'retouche.db'), remove: () => fs.rmSync(directory, { recursive: true, force: true }) };
}

/**
 * A fresh PostgreSQL database on TEST_DATABASE_URL's server (CREATE DATABASE retouche_test_<random>),
 * empty until a storage migrates it; `remove` drops it, ending any connection still open.
 */
export async function createTempPostgresDatabase(adminUrl = TEST_DATABASE_URL): Promise<{ url: string; remove(): Promise<void> }> {
  if (!adminUrl) throw new Error('createTempPostgresDatabase needs DATABASE_URL (a PostgreSQL server to create databases on)');
  const name = `retouche_test_${randomBytes(6).toString('hex')}`;
  await runAsAdmin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), remove: () => runAsAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** The engines storage tests run on: SQLite always, PostgreSQL too when DATABASE_URL is set. */
export const TEST_ENGINES: readonly StorageEngine[] = TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
export type StorageEngine = 'sqlite' | 'postgres';

/**
 * A fresh database on `engine`: a temporary SQLite file or PostgreSQL database. `open` gives a
 * migrated storage on it, as many as a test wants (several servers, or a restart); `remove`
 * closes them all and deletes the database.
 */
export async function createTestDatabase(engine: StorageEngine): Promise<{
  databaseFile: string; databaseUrl?: string; open(): Promise<Storage>; remove(): Promise<void>;
}> {
  const opened: Storage[] = [];
  const keep = (storage: Storage) => (opened.push(storage), storage);
  const closeAll = async () => {
    for (const storage of opened.splice(0)) await storage.close();
  };
  if (engine === 'postgres') {
    const database = await createTempPostgresDatabase();
    return {
      databaseFile: '', databaseUrl: database.url,
      open: async () => keep(await createPostgresStorage(database.url)),
      remove: async () => {
        await closeAll();
        await database.remove();
      },
    };
  }
  const database = createTempDatabase();
  return {
    databaseFile: database.file,
    open: async () => keep(createSqliteStorage(database.file)),
    remove: async () => {
      await closeAll();
      database.remove();
    },
  };
}

/**
 * A migrated storage on a fresh database of the backend the suite runs on: a temporary SQLite file,
 * or a temporary PostgreSQL database when DATABASE_URL is set. `remove` closes it and deletes the database.
 */
export async function createTestStorage(): Promise<{ storage: Storage; databaseFile: string; databaseUrl?: string; remove(): Promise<void> }> {
  const database = await createTestDatabase(TEST_DATABASE_URL ? 'postgres' : 'sqlite');
  const { open, ...rest } = database;
  return { ...rest, storage: await open() };
}

/**
 * A real HTTP server on a free loopback port over a fresh temporary database (PostgreSQL when
 * DATABASE_URL is set). `trustProxy` makes it trust X-Forwarded-* as behind a proxy on this
 * machine, so a test can speak for clients at other addresses; `urlPolicy` says what URL imports may reach.
 */
export async function startTestServer(options: Pick<AppDependencies, 'urlPolicy' | 'trustProxy'> = {}): Promise<TestServer> {
  const database = await createTestStorage();
  const { storage } = database;
  const analyzer = createTestAnalyzer(storage);
  const feed = createDocumentFeed(storage, analyzer);
  const server = createApp({ storage, analyzer, caches: createAppCaches(), feed, ...options }).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const accounts = createTestAccounts(() => storage);
  return {
    url,
    storage,
    analyzer,
    databaseFile: database.databaseFile,
    ...(database.databaseUrl === undefined ? {} : { databaseUrl: database.databaseUrl }),
    async fetch(path, init = {}, as = 'tester') {
      const headers = new Headers(init.headers);
      headers.set('Authorization', `Bearer ${await accounts.tokenFor(as)}`);
      return fetch(`${url}${path}`, { ...init, headers });
    },
    sessionFor: (name) => accounts.sessionFor(name),
    feed,
    async close() {
      feed.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await analyzer.settle();
      await database.remove();
    },
  };
}

const FINGERPRINT = computeChecksFingerprint();

/**
 * An analyzer over `storage` that runs the checks in this thread: the same engine the server runs
 * in its worker (tests/analysis/runner.test.ts runs the worker itself).
 */
export function createTestAnalyzer(storage: Storage): Analyzer {
  return createAnalyzer({ storage, runner: createInProcessRunner(), fingerprint: FINGERPRINT });
}

async function runAsAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Import the seed article through the API (as "tester") and return its JSON document. */
/**
 * Call the JSON API as `author` (default "tester"; the caller is the author of what it changes),
 * the rest of `payload` as the JSON body (none for a GET); the status and the parsed answer.
 */
export async function callApi(
  server: Pick<TestServer, 'fetch'>, method: string, path: string, { author = 'tester', ...body }: Record<string, unknown> = {},
): Promise<{ status: number; body: Awaited<ReturnType<Response['json']>> }> {
  const response = await server.fetch(path, {
    method, ...(method !== 'GET' && { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  }, author as string);
  return { status: response.status, body: await response.json() };
}

export async function importSeedThroughApi(server: Pick<TestServer, 'fetch'>): Promise<SeedDocument> {
  const created = await server.fetch('/api/documents', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Seed', text: fs.readFileSync(SEED_FILE, 'utf8') }),
  });
  if (created.status !== 201) throw new Error(`import failed: ${created.status} ${await created.text()}`);
  const { document } = (await created.json()) as { document: { id: number } };
  return (await (await server.fetch(`/api/documents/${document.id}`)).json()) as SeedDocument;
}

export interface FlagJson {
  checkId: string; category: string; severity: string; start: number; end: number; message: string; suggestions: string[];
  entryId?: string | null; hint?: boolean;
}

export interface SegmentJson {
  id: number; documentId: number; paragraph: number; position: number; role: string;
  original: string; text: string; revision: number; status: string; risk: number;
  flags: FlagJson[]; dismissedFlags: FlagJson[];
}

export interface SeedDocument {
  document: { id: number; title: string; targetLanguage: string; detectedLanguage: string };
  segments: SegmentJson[];
}
