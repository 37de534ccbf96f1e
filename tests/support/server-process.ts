import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createPostgresStorage } from '../../src/storage/postgres/index.js';
import { createSqliteStorage } from '../../src/storage/sqlite/index.js';
import type { Storage } from '../../src/storage/types.js';
import { createTestAccounts } from './accounts.js';
import { createTempDatabase, createTempPostgresDatabase, REPO_ROOT, TEST_DATABASE_URL } from './test-server.js';

export interface ServerProcess {
  url: string;
  /** fetch() against this server with the API token of `as` (default "tester", an editor). */
  fetch(path: string, init?: RequestInit, as?: string): Promise<Response>;
  /** Create the account `name` (role from its name, password TEST_PASSWORD) if it does not exist. */
  ensureUser(name: string): Promise<void>;
  process: ChildProcess;
  /** The SQLite file; empty when the server runs on PostgreSQL (see databaseUrl). */
  databaseFile: string;
  /** The server's PostgreSQL database (its DATABASE_URL), when the suite runs on PostgreSQL. */
  databaseUrl?: string;
  /** Everything the server printed so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
  /** SIGKILL: no shutdown code runs, as in a crash or power cut of the process. */
  kill(): Promise<void>;
}

/**
 * How `npm start` (package.json's start script) runs the server: its environment variables
 * (NODE_ENV=production) and node options, so a server started here runs as in production. The
 * heap limit there (1 GB, ~25 times the live heap with a long article open) makes V8 collect well
 * before the default limit of a quarter of the machine's memory, which held a 100,000-word
 * article's server at ~300 MB of mostly garbage instead of ~200 MB. Its young generation's
 * semi-spaces are held to 8 MB (V8's default is 16): under 50 connections on a long article's
 * page the server peaked at 259 MB with the default and 245 MB with 8, its HTTP rows within the
 * run-to-run spread of the default's (README, Performance).
 */
export const START_COMMAND: { readonly environment: Readonly<Record<string, string>>; readonly nodeFlags: readonly string[] } = (() => {
  const { scripts } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const match = /((?:\b\w+=\S+ )*)node((?: --[\w-]+(?:=\S+)?)*) dist\/server\.js/.exec(scripts.start);
  if (!match) throw new Error(`package.json's start script does not run "[NAME=value ...] node ... dist/server.js": ${scripts.start}`);
  const environment = Object.fromEntries(match[1]!.trim().split(/\s+/).filter(Boolean).map((pair) => pair.split('=', 2) as [string, string]));
  return { environment, nodeFlags: match[2]!.trim().split(/\s+/).filter(Boolean) };
})();

/**
 * The real entry point (src/server.ts through tsx) in its own process on a fresh database and a
 * free port: it seeds the database on first start exactly as `npm start` does. The database is a
 * SQLite file, or a PostgreSQL database when the suite runs on PostgreSQL (DATABASE_URL);
 * `databaseUrl` starts a server on an existing PostgreSQL database (a second server beside a first).
 */
export async function startServerProcess(
  options: { databaseFile?: string; databaseUrl?: string; /** Run the built dist/server.js, as `npm start` does (build first). */ compiled?: boolean } = {},
): Promise<ServerProcess> {
  // Restarting on an existing database (after a crash, say) must not delete it on stop: the caller owns it.
  const database = await openDatabaseFor(options);
  const entry = [...START_COMMAND.nodeFlags, ...(options.compiled ? [path.join(REPO_ROOT, 'dist', 'server.js')] : ['--import', 'tsx', path.join(REPO_ROOT, 'src', 'server.ts')])];
  const child = spawn(process.execPath, entry, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...START_COMMAND.environment, PORT: '0', RETOUCHE_DB: database.file, ...(database.url ? { DATABASE_URL: database.url } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s:\n${output}`)), 30_000);
    child.stdout.on('data', () => {
      const match = /serving (http:\/\/localhost:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  // A second connection to the server's database, as the users CLI would open: WAL lets both write.
  // A PostgreSQL pool cannot be opened synchronously, so it is opened here, once the server has migrated.
  let storage: Storage | undefined = database.url ? await createPostgresStorage(database.url) : undefined;
  const accounts = createTestAccounts(() => {
    if (storage) return storage;
    if (database.url) throw new Error('the test accounts of a PostgreSQL server process are used after it stopped');
    return (storage = createSqliteStorage(database.file));
  });
  const closeStorage = async () => {
    await storage?.close();
    storage = undefined;
  };
  return {
    url,
    async fetch(path, init = {}, as = 'tester') {
      const headers = new Headers(init.headers);
      headers.set('Authorization', `Bearer ${await accounts.tokenFor(as)}`);
      return fetch(`${url}${path}`, { ...init, headers });
    },
    ensureUser: (name) => accounts.ensureUser(name),
    process: child,
    databaseFile: database.file,
    ...(database.url ? { databaseUrl: database.url } : {}),
    output: () => output,
    async kill() {
      await closeStorage();
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      await closeStorage();
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await database.remove();
    },
  };
}

/** The database a server process runs on: the caller's, or a fresh one of the suite's backend. */
async function openDatabaseFor(options: { databaseFile?: string; databaseUrl?: string }): Promise<{ file: string; url?: string; remove(): unknown }> {
  if (options.databaseUrl) return { file: '', url: options.databaseUrl, remove: () => {} };
  if (options.databaseFile) return { file: options.databaseFile, remove: () => {} };
  if (TEST_DATABASE_URL) {
    const database = await createTempPostgresDatabase();
    return { file: '', url: database.url, remove: database.remove };
  }
  return createTempDatabase();
}
