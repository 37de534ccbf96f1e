import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createAppCaches } from '../../src/web/caches.js';
import { createSqliteStorage } from '../../src/storage/sqlite/index.js';
import { TEST_PASSWORD } from '../support/accounts.js';
import { createTempDatabase, createTestAnalyzer, startTestServer, type TestServer } from '../support/test-server.js';
import { createDocumentFeed } from '../../src/services/document-feed.js';

let server: TestServer;
afterEach(() => server?.close());

/** The anonymous CSRF pair a browser gets with the login or setup page. */
async function anonymousForm(path: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${server.url}${path}`, { redirect: 'manual' });
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('retouche_csrf='))!.split(';')[0]!;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await response.text())![1]!;
  return { cookie, csrf };
}

async function logIn(name: string, password: string, headers: Record<string, string> = {}) {
  const { cookie, csrf } = await anonymousForm('/login');
  return fetch(`${server.url}/login`, {
    method: 'POST', redirect: 'manual', headers: { cookie, ...headers }, body: new URLSearchParams({ name, password, _csrf: csrf }),
  });
}

describe('accounts', () => {
  it('serves a one-time "create the first admin" page on a fresh database, from this machine', async () => {
    server = await startTestServer();
    const home = await fetch(`${server.url}/documents`, { redirect: 'manual' });
    expect(home.status).toBe(303);
    expect(home.headers.get('location')).toBe('/setup');
    const forged = await fetch(`${server.url}/setup`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ name: 'Root', password: 'long enough secret', confirm: 'long enough secret' }) });
    expect(forged.status).toBe(403);
    const { cookie, csrf } = await anonymousForm('/setup');
    const created = await fetch(`${server.url}/setup`, {
      method: 'POST', redirect: 'manual', headers: { cookie },
      body: new URLSearchParams({ name: 'Root', password: 'long enough secret', confirm: 'long enough secret', _csrf: csrf }),
    });
    expect(created.status).toBe(303);
    expect(created.headers.get('set-cookie')).toMatch(/^retouche_session=[^;]+;.*HttpOnly;.*SameSite=Lax/i);
    expect((await server.storage.users.findByName('root'))?.role).toBe('admin');
    const again = await anonymousForm('/login');
    const second = await fetch(`${server.url}/setup`, {
      method: 'POST', redirect: 'manual', headers: { cookie: again.cookie },
      body: new URLSearchParams({ name: 'Intruder', password: 'long enough secret', confirm: 'long enough secret', _csrf: again.csrf }),
    });
    expect(second.status).toBe(404);
    expect(await server.storage.users.count()).toBe(1);
  });

  it('logs in and out with a server-side session, and stores only a scrypt hash of the password', async () => {
    server = await startTestServer();
    await server.fetch('/api/documents', {}, 'Ana');
    expect((await logIn('Ana', 'wrong password!')).status).toBe(401);
    const response = await logIn('ana', TEST_PASSWORD);
    expect(response.status).toBe(303);
    const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
    const page = await fetch(`${server.url}/documents`, { headers: { cookie } });
    expect(await page.text()).toContain('Signed in as <a href="/account" class="user-name">Ana</a> (editor)');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await (await fetch(`${server.url}/documents`, { headers: { cookie } })).text())![1]!;
    const out = await fetch(`${server.url}/logout`, { method: 'POST', redirect: 'manual', headers: { cookie }, body: new URLSearchParams({ _csrf: csrf }) });
    expect(out.status).toBe(303);
    const after = await fetch(`${server.url}/documents`, { headers: { cookie }, redirect: 'manual' });
    expect(after.headers.get('location')).toBe('/login?next=%2Fdocuments');
    const stored = await server.storage.users.findForLogin('Ana');
    expect(stored!.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored!.passwordHash).not.toContain(TEST_PASSWORD);
  });

  it('slows guessing from one address with growing delays, and never keeps the owner out', async () => {
    server = await startTestServer({ trustProxy: true });
    await server.fetch('/api/documents', {}, 'Ben');
    await server.fetch('/api/documents', {}, 'Cleo');
    const from = (address: string) => ({ 'X-Forwarded-For': address });
    const statuses: number[] = [];
    let retryAfter = 0;
    for (let attempt = 0; attempt < 20; attempt++) {
      const answer = await logIn('Ben', `guess number ${attempt}`, from('203.0.113.7'));
      statuses.push(answer.status);
      if (answer.status === 429) retryAfter = Number(answer.headers.get('retry-after'));
    }
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(15).fill(429)]);
    // Two seconds after the fifth failure (less the time the attempts since took).
    expect([1, 2]).toContain(retryAfter);
    // The owner from another address, and a colleague behind the attacker's address, log in at once.
    expect((await logIn('Ben', TEST_PASSWORD, from('198.51.100.20'))).status).toBe(303);
    expect((await logIn('Cleo', TEST_PASSWORD, from('203.0.113.7'))).status).toBe(303);
    // The attacker's address keeps being slowed, each failure doubling the wait.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await logIn('Ben', 'guess after the wait', from('203.0.113.7'))).status).toBe(401);
    const slower = await logIn('Ben', TEST_PASSWORD, from('203.0.113.7'));
    expect(slower.status).toBe(429);
    expect([3, 4]).toContain(Number(slower.headers.get('retry-after')));
    expect(await slower.text()).toMatch(/Too many failed attempts for this account from your address\. Try again in [34] seconds\./);
    expect((await logIn('Ben', TEST_PASSWORD, from('198.51.100.20'))).status).toBe(303);
  });

  it('creates and revokes API tokens in the UI, and a disabled user\'s token stops working', async () => {
    server = await startTestServer();
    const { cookie, csrfToken } = await server.sessionFor('Cleo');
    const created = await fetch(`${server.url}/account/tokens`, { method: 'POST', headers: { cookie }, body: new URLSearchParams({ label: 'script', _csrf: csrfToken }) });
    const token = /<code class="secret">([^<]+)<\/code>/.exec(await created.text())![1]!;
    const withToken = await fetch(`${server.url}/api/documents`, { headers: { Authorization: `Bearer ${token}` } });
    expect(withToken.status).toBe(200);
    // A script with a token has no form to protect: no CSRF cookie is made for it.
    expect(withToken.headers.getSetCookie()).toEqual([]);
    const [record] = await server.storage.apiTokens.listByUser((await server.storage.users.findByName('Cleo'))!.id);
    await fetch(`${server.url}/account/tokens/${record!.id}/revoke`, { method: 'POST', redirect: 'manual', headers: { cookie }, body: new URLSearchParams({ _csrf: csrfToken }) });
    expect((await fetch(`${server.url}/api/documents`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);

    expect((await server.fetch('/api/documents', {}, 'Dora')).status).toBe(200);
    const admin = await server.sessionFor('admin');
    const viewer = await server.sessionFor('viewer');
    expect((await fetch(`${server.url}/admin/users`, { headers: { cookie: viewer.cookie } })).status).toBe(403);
    await fetch(`${server.url}/admin/users/Dora/disabled`, { method: 'POST', redirect: 'manual', headers: { cookie: admin.cookie }, body: new URLSearchParams({ disabled: '1', _csrf: admin.csrfToken }) });
    expect((await server.fetch('/api/documents', {}, 'Dora')).status).toBe(401);
    const added = await fetch(`${server.url}/admin/users`, { method: 'POST', headers: { cookie: admin.cookie }, body: new URLSearchParams({ name: 'Eve', role: 'viewer', _csrf: admin.csrfToken }) });
    expect(await added.text()).toMatch(/Account “Eve” created\. Its password, shown this once: <code class="secret">[\w-]{20}<\/code>/);
  });

  it('lets only a browser session manage tokens and accounts, never an API token', async () => {
    server = await startTestServer();
    for (const [method, path] of [['POST', '/account/tokens'], ['GET', '/account'], ['POST', '/account/sessions/end'], ['GET', '/admin/users'], ['POST', '/admin/users']] as const) {
      const body = method === 'POST' ? JSON.stringify({ label: 'more', name: 'Mallory', role: 'admin' }) : null;
      const answer = await server.fetch(path, { method, headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body }, 'admin');
      expect(answer.status, `${method} ${path}`).toBe(403);
      expect((await answer.json()).error.message).toBe('API tokens cannot manage tokens or accounts: sign in to Retouche in a browser to do this.');
    }
    const admin = (await server.storage.users.findByName('admin'))!;
    expect(await server.storage.apiTokens.listByUser(admin.id)).toHaveLength(1);
    expect(await server.storage.users.findByName('Mallory')).toBeUndefined();
  });

  it('keeps the last active admin an admin, lists a user\'s sessions and signs them out everywhere', async () => {
    server = await startTestServer();
    const admin = await server.sessionFor('admin');
    const demote = await fetch(`${server.url}/admin/users/admin/role`, { method: 'POST', redirect: 'manual', headers: { cookie: admin.cookie }, body: new URLSearchParams({ role: 'editor', _csrf: admin.csrfToken }) });
    expect(demote.status).toBe(409);
    expect(await demote.text()).toContain('Cannot make admin an editor: admin is the last active administrator.');
    const disable = await fetch(`${server.url}/admin/users/admin/disabled`, { method: 'POST', redirect: 'manual', headers: { cookie: admin.cookie }, body: new URLSearchParams({ disabled: '1', _csrf: admin.csrfToken }) });
    expect(disable.status).toBe(409);
    expect((await server.storage.users.findByName('admin'))).toMatchObject({ role: 'admin', disabled: false });

    const laptop = await server.sessionFor('Dora');
    const office = await server.sessionFor('Dora');
    expect((await server.fetch('/api/documents', {}, 'Dora')).status).toBe(200);
    await server.sessionFor('Eli');
    const page = await (await fetch(`${server.url}/account`, { headers: { cookie: office.cookie } })).text();
    const rows = page.slice(page.indexOf('<table class="documents sessions">'), page.indexOf('</table>', page.indexOf('sessions">'))).match(/<tr>\s*<td>/g);
    expect(rows).toHaveLength(2);
    expect(page.match(/this browser/g)).toHaveLength(1);
    const out = await fetch(`${server.url}/account/sessions/end`, { method: 'POST', redirect: 'manual', headers: { cookie: office.cookie }, body: new URLSearchParams({ _csrf: office.csrfToken }) });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/login');
    for (const session of [laptop, office]) {
      expect((await fetch(`${server.url}/documents`, { headers: { cookie: session.cookie }, redirect: 'manual' })).status).toBe(303);
    }
    expect((await server.fetch('/api/documents', {}, 'Dora')).status).toBe(200);
  });

  it('lets a viewer read and export but not change anything', async () => {
    server = await startTestServer();
    const created = await (await server.fetch('/api/documents', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'A short article about the minister and her plans.' }) })).json();
    expect((await server.fetch(`/api/documents/${created.document.id}/export?format=txt`, {}, 'viewer')).status).toBe(200);
    const refused = await server.fetch('/api/documents', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'Another article.' }) }, 'viewer');
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/needs the editor role; you are signed in as viewer \(viewer\)/);
  });

  it('sends the security headers', async () => {
    server = await startTestServer();
    const response = await fetch(`${server.url}/login`);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    // Plain HTTP: nothing that sends the browser to an HTTPS nobody serves, whatever a client claims.
    for (const headers of [{}, { 'X-Forwarded-Proto': 'https' }] as Record<string, string>[]) {
      const plain = await fetch(`${server.url}/login`, { headers });
      expect(plain.headers.get('strict-transport-security')).toBeNull();
      expect(plain.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    }
  });

  it('sends HSTS and upgrade-insecure-requests over HTTPS behind a trusted proxy', async () => {
    server = await startTestServer({ trustProxy: true });
    const secure = await fetch(`${server.url}/login`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(secure.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    expect(secure.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    expect((await fetch(`${server.url}/login`)).headers.get('strict-transport-security')).toBeNull();
  });
});

describe('request log', () => {
  it('writes one structured line per request, with no password, token or cookie in it', async () => {
    const lines: string[] = [];
    const stream = new Writable({ write(chunk, _encoding, done) { lines.push(...String(chunk).trim().split('\n')); done(); } });
    const database = createTempDatabase();
    const storage = createSqliteStorage(database.file);
    const analyzer = createTestAnalyzer(storage);
    const app = createApp({ storage, analyzer, caches: createAppCaches(), feed: createDocumentFeed(storage, analyzer), logger: pino({ level: 'info' }, stream) });
    const http = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => http.once('listening', resolve));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    try {
      const secretPassword = 'hunter2-never-logged';
      await fetch(`${url}/login`, { method: 'POST', headers: { cookie: 'retouche_csrf=abcdefabcdefabcdefabcdefabcdefabcdef' }, body: new URLSearchParams({ name: 'x', password: secretPassword, _csrf: 'abcdefabcdefabcdefabcdefabcdefabcdef' }) });
      await fetch(`${url}/api/documents`, { headers: { Authorization: 'Bearer rt_secret-token-value' } });
      // A line is written once the answer has gone out, which the client may see first.
      await expect.poll(() => lines.length).toBe(2);
      const entries = lines.map((line) => JSON.parse(line));
      expect(entries.map((entry) => [entry.req.method, entry.req.url, entry.res.statusCode])).toEqual([['POST', '/login', 401], ['GET', '/api/documents', 401]]);
      const text = lines.join('\n');
      for (const secret of [secretPassword, 'rt_secret-token-value', 'abcdefabcdef']) expect(text).not.toContain(secret);
    } finally {
      http.closeAllConnections();
      http.close();
      await storage.close();
      database.remove();
    }
  });
});
