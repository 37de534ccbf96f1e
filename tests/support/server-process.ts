import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createSqliteStorage } from '../../src/storage/sqlite/index.js';
import type { Storage } from '../../src/storage/types.js';
import { createTestAccounts } from './accounts.js';
import { createTempDatabase, REPO_ROOT } from './test-server.js';

export interface ServerProcess {
  url: string;
  /** fetch() against this server with the API token of `as` (default "tester", an editor). */
  fetch(path: string, init?: RequestInit, as?: string): Promise<Response>;
  /** Create the account `name` (role from its name, password TEST_PASSWORD) if it does not exist. */
  ensureUser(name: string): Promise<void>;
  process: ChildProcess;
  databaseFile: string;
  /** Everything the server printed so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
  /** SIGKILL: no shutdown code runs, as in a crash or power cut of the process. */
  kill(): Promise<void>;
}

/**
 * The real entry point (src/server.ts through tsx) in its own process on a fresh database and a
 * free port: it seeds the database on first start exactly as `npm start` does.
 */
export async function startServerProcess(options: { databaseFile?: string } = {}): Promise<ServerProcess> {
  // Restarting on an existing file (after a crash, say) must not delete it on stop: the caller owns it.
  const database = options.databaseFile ? { file: options.databaseFile, remove: () => {} } : createTempDatabase();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'src', 'server.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', RETOUCHE_DB: database.file },
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
  let storage: Storage | undefined;
  const accounts = createTestAccounts(() => (storage ??= createSqliteStorage(database.file)));
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
      database.remove();
    },
  };
}
