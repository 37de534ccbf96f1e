import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createAppCaches } from '../../src/web/caches.js';
import { CALLER_TRUST_MS } from '../../src/web/caller-cache.js';
import { createSqliteStorage } from '../../src/storage/sqlite/index.js';
import { createTempDatabase, createTestAnalyzer, REPO_ROOT } from '../support/test-server.js';
import { createDocumentFeed } from '../../src/services/document-feed.js';

const run = promisify(execFile);
const database = createTempDatabase();

/** `npm run users -- ...args` as an operator types it, on the test database. */
async function users(...args: string[]): Promise<{ lines: string[]; code: number; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'src/cli/users.ts'), ...args], {
      cwd: REPO_ROOT, env: { ...process.env, RETOUCHE_DB: database.file },
    });
    return { lines: stdout.trim().split('\n'), code: 0, stderr };
  } catch (error) {
    const failure = error as { stdout: string; stderr: string; code: number };
    return { lines: failure.stdout.trim().split('\n'), code: failure.code, stderr: failure.stderr };
  }
}

afterAll(() => database.remove());

describe('npm run users', () => {
  let password = '';

  beforeAll(async () => {
    const added = await users('add', 'Fatima', '--role', 'editor');
    expect(added.code).toBe(0);
    password = added.lines.at(-1)!;
  });

  it('adds a user and prints a generated password once', () => {
    expect(password).toMatch(/^[\w-]{20}$/);
  });

  it('lists, changes roles, and refuses what does not exist', async () => {
    expect((await users('set-role', 'Fatima', 'admin')).lines).toEqual(['Fatima is now admin.']);
    expect((await users('list')).lines).toEqual(['Fatima\tadmin\tactive']);
    const unknown = await users('set-role', 'Nobody', 'viewer');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no user called "Nobody"');
    expect((await users('add', 'Fatima')).stderr).toContain('already a user called "Fatima"');
  });

  it('keeps one active administrator: the last one can be neither demoted nor disabled', async () => {
    for (const command of [['set-role', 'Fatima', 'editor'], ['disable', 'Fatima']]) {
      const refused = await users(...command);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('Fatima is the last active administrator');
    }
    expect((await users('add', 'Gus', '--role', 'admin')).code).toBe(0);
    expect((await users('list')).lines).toEqual(['Fatima\tadmin\tactive', 'Gus\tadmin\tactive']);
  });

  it('prints a working API token as the last line, which stops working once the user is disabled', async () => {
    const token = (await users('token', 'Fatima', 'nightly import')).lines.at(-1)!;
    const storage = createSqliteStorage(database.file);
    const analyzer = createTestAnalyzer(storage);
    const server = createApp({ storage, analyzer, caches: createAppCaches(), feed: createDocumentFeed(storage, analyzer) }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/documents`;
    try {
      expect((await fetch(url, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
      expect((await users('disable', 'Fatima')).lines).toEqual(['Fatima is disabled.']);
      // The server trusts a caller it found for CALLER_TRUST_MS; a change made by another process shows after that.
      const disabledAt = Date.now();
      await expect.poll(async () => (await fetch(url, { headers: { Authorization: `Bearer ${token}` } })).status,
        { timeout: CALLER_TRUST_MS + 2_000, interval: 200 }).toBe(401);
      expect(Date.now() - disabledAt).toBeLessThan(CALLER_TRUST_MS + 1_000);
    } finally {
      server.closeAllConnections();
      server.close();
      await storage.close();
    }
  });
});
