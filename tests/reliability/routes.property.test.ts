import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/services/accounts.js';
import type { Storage } from '../../src/storage/types.js';
import { registrationsOf } from '../../src/web/route-table.js';
import { ROUTES } from '../../src/web/routes.js';
import { roleOf } from '../support/accounts.js';
import { importSeedThroughApi, startTestServer, type SeedDocument, type TestServer } from '../support/test-server.js';

// Arbitrary requests to every route of the route table, as every kind of caller: no answer is a
// 500, none takes over 2 s, and a 4xx stores nothing.
const RUNS = 1_200;
const SLOWEST_MS = 2_000;

const REGISTRATIONS = ROUTES.flatMap(registrationsOf);
const CALLERS = ['anonymous', 'viewer', 'tester', 'admin', 'token'] as const;
type Caller = (typeof CALLERS)[number];
/** Every field a route reads, so arbitrary bodies and queries reach the code behind the parsing. */
const FIELDS = [
  'text', 'title', 'targetLanguage', 'sourceText', 'sourceLanguage', 'baseRevision', 'comment', 'revision', 'status', 'body', 'checkId',
  'start', 'end', 'suggestion', 'find', 'replace', 'caseSensitive', 'wholeWord', 'scope', 'targets', 'documentId', 'positions',
  'targetAuthor', 'from', 'to', 'name', 'password', 'confirm', 'next', 'label', 'role', 'disabled', 'page', 'search', 'format', 'include',
  'sentence', 'propagate', 'q', 'flagged', 'category', 'severity', 'author', 'before', '_csrf', 'seenRevision', 'choice', 'origin', 'open',
  'archived', 'confirmTitle', 'returnTo', 'after', 'action',
];

let server: TestServer;
let seed: SeedDocument;
let cases = 0;
const statuses = new Map<number, number>();

beforeAll(async () => {
  server = await startTestServer();
  seed = await importSeedThroughApi(server);
  for (const name of ['viewer', 'admin']) await server.fetch('/api/documents', {}, name);
}, 30_000);
afterAll(async () => {
  await server.close();
  console.log(`route property test: ${cases} requests, answers by status: ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
});

/** Arbitrary text, now and then with what the input rules refuse: controls, non-characters, lone surrogates, invisible runs. */
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('', ' ', '\u0000', 'a\u001bb', '\ufffe', '\ud800', '\u200b\u200b', 'One\r\nTwo', 'x'.repeat(600), '1', '0', '-1', 'all', 'excluded', 'txt', 'json', 'admin', 'approved', 'mt', 'current'),
  fc.constantFrom('The minister announced the plan.', 'tenant', 'false-friends', 'spelling', 'to-review', 'editor', 'viewer', '2026-11-25T14:30', '3, 4', 'fr', 'en'),
);
const value = fc.oneof(
  { arbitrary: text, weight: 6 },
  { arbitrary: fc.integer({ min: -2, max: 2_000_000 }), weight: 2 },
  { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 },
  { arbitrary: fc.array(fc.record({ segmentId: fc.integer({ min: 0, max: 2_000 }), revision: fc.integer({ min: -1, max: 3 }) }), { maxLength: 3 }), weight: 1 },
);
const fields = fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 6 });

/**
 * One arbitrary request: a registration of the route table with its parameters filled, a caller,
 * a query, a body, headers. Weighted towards callers who may call the route and bodies it can
 * read, so most requests get past the parsers and the access checks to the handlers.
 */
const request = fc.record({
  registration: fc.constantFrom(...REGISTRATIONS),
  caller: fc.oneof(
    { arbitrary: fc.constant<Caller>('anonymous'), weight: 1 }, { arbitrary: fc.constant<Caller>('viewer'), weight: 2 },
    { arbitrary: fc.constantFrom<Caller>('tester', 'admin', 'token'), weight: 9 },
  ),
  id: fc.oneof({ arbitrary: fc.constantFrom('document', 'segment'), weight: 6 }, fc.constantFrom('1', '999999', '0', '99999999999999999999'), fc.string({ maxLength: 8 })),
  name: fc.oneof(fc.constantFrom('admin', 'viewer', 'tester', 'nobody'), fc.string({ maxLength: 8 })),
  query: fields,
  body: fields,
  encoding: fc.oneof({ arbitrary: fc.constant('fitting'), weight: 6 }, fc.constantFrom('json', 'form', 'multipart', 'raw-json', 'none')),
  raw: fc.string({ unit: 'binary', maxLength: 60 }),
  csrf: fc.oneof({ arbitrary: fc.constantFrom('header', 'field'), weight: 8 }, fc.constantFrom('wrong', 'none')),
  accept: fc.constantFrom('text/html', 'application/json', '*/*', 'image/png', ''),
});

describe('every route, arbitrary requests, every caller', () => {
  it('never answers 500 or takes over 2 s, and stores nothing on a 4xx', async () => {
    await fc.assert(fc.asyncProperty(request, async (input) => {
      cases++;
      // As they were: the request before may have logged a caller out, or an admin disabled or demoted one.
      await restoreAccounts(server.storage);
      const callers = await openCallers();
      const before = await snapshot(server.storage);
      const started = performance.now();
      const response = await send(input, callers);
      const status = response.status;
      // An event stream that opened answers for as long as the document lives: its opening is the answer.
      const streaming = response.headers.get('content-type')?.startsWith('text/event-stream') ?? false;
      const body = streaming ? '' : await response.text();
      if (streaming) await response.body?.cancel();
      const took = performance.now() - started;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const label = `${input.registration.method.toUpperCase()} ${input.registration.path} as ${input.caller}: ${status} ${body.slice(0, 300)}`;
      expect(status, label).toBeLessThan(500);
      expect(took, label).toBeLessThan(SLOWEST_MS);
      if (status >= 400) expect(await snapshot(server.storage), label).toEqual(before);
    }), { numRuns: RUNS });
  }, 240_000);
});

type Input = typeof request extends fc.Arbitrary<infer T> ? T : never;

/** A session for each account, and an API token for the editor (the request before may have revoked the last one). */
async function openCallers() {
  const tester = (await server.storage.users.findByName('tester'))!;
  return {
    sessions: { viewer: await server.sessionFor('viewer'), tester: await server.sessionFor('tester'), admin: await server.sessionFor('admin') },
    token: (await createApiToken(server.storage, tester, 'property test')).token,
  };
}

async function send(input: Input, { sessions, token }: Awaited<ReturnType<typeof openCallers>>): Promise<Response> {
  const path = input.registration.path
    .replace(':id', input.id === 'document' ? String(seed.document.id) : input.id === 'segment' ? String(seed.segments[3]!.id) : encodeArbitrary(input.id))
    .replace(':name', encodeArbitrary(input.name))
    .replace(':dismissalId', encodeArbitrary(input.id));
  const query = Object.entries(input.query).map(([key, item]) => `${key}=${encodeArbitrary(typeof item === 'string' ? item : JSON.stringify(item))}`).join('&');
  const headers = new Headers();
  if (input.accept) headers.set('Accept', input.accept);
  const session = input.caller === 'anonymous' || input.caller === 'token' ? undefined : sessions[input.caller];
  if (session) headers.set('Cookie', session.cookie);
  if (input.caller === 'token') headers.set('Authorization', `Bearer ${token}`);
  const csrf = input.csrf === 'wrong' ? 'not-the-token' : session?.csrfToken;
  if (csrf && input.csrf === 'header') headers.set('X-CSRF-Token', csrf);
  const fields: Record<string, unknown> = { ...input.body, ...(csrf && (input.csrf === 'field' || input.csrf === 'wrong') ? { _csrf: csrf } : {}) };
  const init: RequestInit = { method: input.registration.method.toUpperCase(), headers, redirect: 'manual' };
  if (input.registration.method !== 'get') {
    const encoding = input.encoding !== 'fitting' ? input.encoding : input.registration.answer === 'json' ? 'json' : 'form';
    if (encoding === 'json') {
      headers.set('Content-Type', 'application/json');
      init.body = JSON.stringify(fields);
    } else if (encoding === 'form') {
      init.body = new URLSearchParams(Object.entries(fields).map(([key, item]) => [key, typeof item === 'string' ? item.toWellFormed() : JSON.stringify(item)]));
    } else if (encoding === 'multipart') {
      const form = new FormData();
      for (const [key, item] of Object.entries(fields)) form.set(key, typeof item === 'string' ? item : JSON.stringify(item));
      if (typeof fields.text === 'string') form.set('file', new Blob([fields.text]), 'article.txt');
      init.body = form;
    } else if (encoding === 'raw-json') {
      headers.set('Content-Type', 'application/json');
      init.body = input.raw;
    }
  }
  return fetch(`${server.url}${path}${query ? `?${query}` : ''}`, init);
}

/** Percent-encode every UTF-16 unit's UTF-8 bytes, lone surrogates included (as bytes that are not UTF-8). */
function encodeArbitrary(value: string): string {
  return [...value].map((character) => {
    if (character.isWellFormed()) return encodeURIComponent(character);
    const code = character.charCodeAt(0);
    return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
  }).join('');
}

/** The accounts the callers use, enabled and with their roles. */
async function restoreAccounts(storage: Storage): Promise<void> {
  for (const name of ['viewer', 'tester', 'admin']) {
    const user = (await storage.users.findByName(name))!;
    if (user.disabled) await storage.users.setDisabled(user.id, false);
    if (user.role !== roleOf(name)) await storage.users.setRole(user.id, roleOf(name));
  }
}

/** What a refused request must not change: how many documents, revisions, events (status changes, comments...), dismissals, users and tokens there are. */
async function snapshot(storage: Storage) {
  const documentIds = await storage.documents.listIds();
  let revisions = 0;
  let events = 0;
  let dismissals = 0;
  for (const id of documentIds) {
    revisions += (await storage.revisions.listByDocument(id)).length;
    events += (await storage.events.listAfter(id, 0, 100_000)).length;
    dismissals += (await storage.dismissals.listByDocument(id)).length;
  }
  const users = await storage.users.list();
  let tokens = 0;
  for (const user of users) tokens += (await storage.apiTokens.listByUser(user.id)).length;
  return { documents: documentIds.length, revisions, events, dismissals, users: users.length, tokens };
}
