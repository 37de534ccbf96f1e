import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../src/app.js';
import { createSqliteStorage } from '../../src/storage/sqlite/index.js';
import type { Storage } from '../../src/storage/types.js';
import { createTestAccounts } from './accounts.js';

/** The repository root, for reading seeds/ and ../shared/. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
/** The seed article every fresh install starts with. */
export const SEED_FILE = path.join(REPO_ROOT, 'seeds', '000_4247dde334aa655b.txt');

export interface TestServer {
  url: string;
  storage: Storage;
  databaseFile: string;
  /** fetch() against this server with the API token of `as` (default "tester", an editor; "viewer" and "admin" have those roles). */
  fetch(path: string, init?: RequestInit, as?: string): Promise<Response>;
  /** A logged-in browser session for `name`, for plain-form tests: Cookie header and CSRF token. */
  sessionFor(name: string): Promise<{ cookie: string; csrfToken: string }>;
  close(): Promise<void>;
}

/** A temporary SQLite file in its own folder; removed by the returned cleanup. */
export function createTempDatabase(): { file: string; remove(): void } {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'retouche-test-'));
  return { file: path.join(directory, 'retouche.db'), remove: () => fs.rmSync(directory, { recursive: true, force: true }) };
}

/** A real HTTP server on a free loopback port over a fresh temporary database. */
export async function startTestServer(): Promise<TestServer> {
  const database = createTempDatabase();
  const storage = createSqliteStorage(database.file);
  const server = createApp({ storage }).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const accounts = createTestAccounts(() => storage);
  return {
    url,
    storage,
    databaseFile: database.file,
    async fetch(path, init = {}, as = 'tester') {
      const headers = new Headers(init.headers);
      headers.set('Authorization', `Bearer ${await accounts.tokenFor(as)}`);
      return fetch(`${url}${path}`, { ...init, headers });
    },
    sessionFor: (name) => accounts.sessionFor(name),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await storage.close();
      database.remove();
    },
  };
}

/** Import the seed article through the API (as "tester") and return its JSON document. */
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
