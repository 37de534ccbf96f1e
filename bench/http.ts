/**
 * HTTP throughput and latency with autocannon (50 connections, 10 s a route after a 2 s warm-up
 * that is not counted; `--quick` for 3 s after 1 s), against baselines served in the same run by
 * a bare Express app in its own process: a hello-world route, a route sending the seed's document
 * page as stored (what the page's size alone costs), and a route inserting one
 * SQLite row with Retouche's durability settings. Retouche runs as `npm start` runs it (compiled,
 * its own process, a temporary database seeded on first start), so the load generator never
 * shares its event loop. The request log is set to `warn`: at info, pino writes one line per
 * request to the pipe we read. Saves, each replacing one word as an editor's
 * correction does, go to a 106-sentence article, each connection to a sentence
 * no other save is in flight for: 50 editors on the seed's 28 sentences would mostly measure
 * conflicts (409), not saves.
 */
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { createApiToken, openSession } from '../src/services/accounts.js';
import { openStorage } from '../src/storage/open-storage.js';
import { startServerProcess } from '../tests/support/server-process.js';
import { createTempDatabase, REPO_ROOT, TEST_DATABASE_URL, type SeedDocument } from '../tests/support/test-server.js';
import { buildArticle } from './large-document.js';
import type { BenchRow } from './types.js';

const CONNECTIONS = 50;
const DURATION_SECONDS = process.argv.includes('--quick') ? 3 : 10;
// A fresh process compiles its hot paths during the first requests; 50 requests queued behind that
// would otherwise be the p99 of every route.
const WARMUP_SECONDS = process.argv.includes('--quick') ? 1 : 2;
// Words of the article the saves go to: about 120 sentences.
const SAVE_ARTICLE_WORDS = 2_500;
// The targets (issue 18): the seed page at 30% of hello-world's speed, the floor (GET /api/checks)
// at 60%, saves at 70% of a bare insert, p99 under 100 ms.
const PAGE_RATIO_TARGET = 0.3;
const FLOOR_RATIO_TARGET = 0.6;
const SAVE_RATIO_TARGET = 0.7;
const P99_TARGET_MS = 100;

export interface Load {
  requestsPerSecond: number;
  p99: number;
  statusCounts: Record<string, number>;
  errors: number;
}

/**
 * Run the HTTP benchmarks; every process started here is stopped before returning. Retouche is
 * measured on SQLite, and also on PostgreSQL when DATABASE_URL names a server to create a
 * database on, against the same baselines.
 */
export async function benchHttp(): Promise<BenchRow[]> {
  const previousLogLevel = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = 'warn';
  const baseline = await startBaselineProcess();
  try {
    const hello = await load({ url: `${baseline.url}/hello` });
    const insert = await load({
      url: `${baseline.url}/insert`, method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'The occupant of the White House has taken an interest in the matter.', baseRevision: 1 }),
    });
    const sqliteFile = createTempDatabase();
    const rows = [
      row('http: bare Express hello-world (baseline)', hello),
      row('http: bare Express + one SQLite insert, WAL, synchronous=FULL (baseline)', insert),
      ...(await benchRetouche('SQLite', { databaseFile: sqliteFile.file }, baseline.url, hello, insert).finally(() => sqliteFile.remove())),
    ];
    if (TEST_DATABASE_URL) rows.push(...(await benchRetouche('PostgreSQL', {}, baseline.url, hello, insert)));
    return rows;
  } finally {
    await baseline.stop();
    if (previousLogLevel === undefined) delete process.env.LOG_LEVEL;
    else process.env.LOG_LEVEL = previousLogLevel;
  }
}

/** The seed's page, its JSON and saves to random sentences, on a Retouche process over one backend. */
async function benchRetouche(
  backend: string, options: { databaseFile?: string }, baselineUrl: string, hello: Load, insert: Load,
): Promise<BenchRow[]> {
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: REPO_ROOT });
  const retouche = await startServerProcess({ ...options, compiled: true });
  try {
    const { cookie, token } = await logIn({ databasePath: retouche.databaseFile, databaseUrl: retouche.databaseUrl }, () => retouche.ensureUser('bench'));
    const list = (await (await retouche.fetch('/api/documents')).json()) as { documents: { id: number }[] };
    const documentId = list.documents.at(-1)!.id;
    const seed = (await (await retouche.fetch(`/api/documents/${documentId}`)).json()) as SeedDocument;
    const pageHtml = await (await fetch(`${retouche.url}/documents/${documentId}`, { headers: { cookie } })).text();
    const pageBytes = Buffer.byteLength(pageHtml);
    await fetch(`${baselineUrl}/body/page`, { method: 'PUT', headers: { 'content-type': 'text/html' }, body: pageHtml });
    const checksJson = await (await fetch(`${retouche.url}/api/checks`, { headers: { authorization: `Bearer ${token}` } })).text();
    await fetch(`${baselineUrl}/body/checks`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: checksJson });

    const bytes = await load({ url: `${baselineUrl}/body/page` });
    const checksBytes = await load({ url: `${baselineUrl}/body/checks` });
    // The least an authenticated request to Retouche costs: the list of checks (a few KB of JSON
    // built from memory) through every middleware a page passes (request log, security headers,
    // parsers, the API token's lookup), with no document read and no template.
    const floor = await load({ url: `${retouche.url}/api/checks`, headers: { authorization: `Bearer ${token}` } });
    const page = await load({ url: `${retouche.url}/documents/${documentId}`, headers: { cookie } });
    const json = await load({ url: `${retouche.url}/api/documents/${documentId}`, headers: { authorization: `Bearer ${token}` } });

    const created = await retouche.fetch('/api/documents', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Saves benchmark', text: buildArticle(SAVE_ARTICLE_WORDS), targetLanguage: 'en' }),
    });
    const { document: imported } = (await created.json()) as { document: { id: number } };
    const article = (await (await retouche.fetch(`/api/documents/${imported.id}`)).json()) as SeedDocument;
    const revisions = new Map(article.segments.map((segment) => [segment.id, segment.revision]));
    const originals = new Map(article.segments.map((segment) => [segment.id, segment.text]));
    const ids = [...revisions.keys()];
    const inFlight = new Set<number>();
    const texts = new Map(originals);
    let edit = 0;
    const saves = await load({
      url: retouche.url,
      requests: [{
        method: 'PUT',
        setupRequest: (request) => {
          let segmentId = ids[Math.floor(Math.random() * ids.length)]!;
          while (inFlight.has(segmentId)) segmentId = ids[Math.floor(Math.random() * ids.length)]!;
          inFlight.add(segmentId);
          // A text equal to the current one would be answered without a revision: not a save.
          let text: string;
          do {
            edit += 1;
            text = correctOneWord(originals.get(segmentId)!, edit);
          } while (text === texts.get(segmentId));
          return {
            ...request,
            path: `/api/segments/${segmentId}`,
            headers: { ...request.headers, 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ text, baseRevision: revisions.get(segmentId) }),
          };
        },
        onResponse: (status, body) => {
          // Both answers carry the sentence's revision now: a 200 ours, a 409 the winner's.
          const parsed = JSON.parse(body) as { segment?: SavedSentence; error?: { current?: SavedSentence } };
          const current = parsed.segment ?? parsed.error?.current;
          if (current && status !== 404) {
            revisions.set(current.id, current.revision);
            texts.set(current.id, current.text);
            inFlight.delete(current.id);
          }
        },
      }],
    });
    const saved = saves.statusCounts['200'] ?? 0;
    const conflicts = saves.statusCounts['409'] ?? 0;
    const savesPerSecond = saved / DURATION_SECONDS;
    const others = Object.entries(saves.statusCounts).filter(([status]) => status !== '200' && status !== '409');
    return [
      row(`http: bare Express sending the seed page's ${pageBytes} bytes as stored (baseline)`, bytes, {
        baseline: `hello-world ${Math.round(hello.requestsPerSecond)} req/s`, ratio: bytes.requestsPerSecond / hello.requestsPerSecond,
      }),
      row(`http: bare Express sending the list of checks' ${Buffer.byteLength(checksJson)} bytes of JSON as stored (baseline)`, checksBytes, {
        baseline: `hello-world ${Math.round(hello.requestsPerSecond)} req/s`, ratio: checksBytes.requestsPerSecond / hello.requestsPerSecond,
      }),
      row(`http (${backend}): GET /api/checks with a token, every middleware and no document (Retouche's floor)`, floor, {
        baseline: `hello-world ${Math.round(hello.requestsPerSecond)} req/s; same bytes ${Math.round(checksBytes.requestsPerSecond)} req/s`,
        ratio: floor.requestsPerSecond / hello.requestsPerSecond,
        target: `>= ${FLOOR_RATIO_TARGET * 100}% of hello-world`, pass: floor.requestsPerSecond >= FLOOR_RATIO_TARGET * hello.requestsPerSecond,
      }),
      row(`http (${backend}): seed document page (session cookie, ${seed.segments.length} sentences, ${pageBytes} bytes)`, page, {
        baseline: `hello-world ${Math.round(hello.requestsPerSecond)} req/s; same bytes ${Math.round(bytes.requestsPerSecond)} req/s`,
        ratio: page.requestsPerSecond / hello.requestsPerSecond,
        target: `>= ${PAGE_RATIO_TARGET * 100}% of hello-world, p99 < ${P99_TARGET_MS} ms`,
        pass: page.requestsPerSecond >= PAGE_RATIO_TARGET * hello.requestsPerSecond && page.p99 < P99_TARGET_MS,
      }),
      row(`http (${backend}): seed document JSON (Bearer token)`, json, {
        baseline: `hello-world ${Math.round(hello.requestsPerSecond)} req/s`, ratio: json.requestsPerSecond / hello.requestsPerSecond,
        target: `p99 < ${P99_TARGET_MS} ms`, pass: json.p99 < P99_TARGET_MS && json.errors === 0,
      }),
      {
        name: `http (${backend}): save a random sentence of ${ids.length} (PUT, current baseRevision): ${conflicts} conflicts (409) apart`
          + (others.length ? `, other answers ${others.map(([status, count]) => `${status}×${count}`).join(' ')}` : ''),
        value: Math.round(savesPerSecond), unit: `saves/s (p99 ${saves.p99} ms)`,
        baseline: `bare insert ${Math.round(insert.requestsPerSecond)} req/s`, ratio: round(savesPerSecond / insert.requestsPerSecond),
        target: `>= ${SAVE_RATIO_TARGET * 100}% of the bare insert, p99 < ${P99_TARGET_MS} ms`,
        pass: savesPerSecond >= SAVE_RATIO_TARGET * insert.requestsPerSecond && saves.p99 < P99_TARGET_MS && others.length === 0,
      },
    ];
  } finally {
    await retouche.stop();
  }
}

interface SavedSentence { id: number; revision: number; text: string }

// Replacement words for the benchmark's corrections, as an editor would type them.
const CORRECTION_WORDS = ['occupant', 'matter', 'several', 'outlets', 'announced', 'however', 'lawsuit', 'filed'];

/**
 * An editor's correction: one word of the machine translation replaced by another, a different
 * word each time. Each save then differs from the last by a word or two and from the machine
 * translation by one, as corrections do: a save diffs against both, and a diff's cost grows with
 * the change, so rewriting whole sentences would measure a workload editors do not make.
 */
export function correctOneWord(text: string, edit: number): string {
  const words = text.split(' ');
  const position = edit % words.length;
  const [, word = '', punctuation = ''] = /^(.*?)(\W*)$/u.exec(words[position]!) ?? [];
  const replacement = CORRECTION_WORDS[edit % CORRECTION_WORDS.length]!;
  words[position] = (word === replacement ? 'the' : replacement) + punctuation;
  return words.join(' ');
}

/** A session cookie and an API token for an editor, made through the account services as the users CLI does. */
export async function logIn(
  database: { databasePath: string; databaseUrl?: string | undefined }, ensureUser: () => Promise<void>,
): Promise<{ cookie: string; token: string }> {
  await ensureUser();
  const storage = await openStorage({ databasePath: database.databasePath, databaseUrl: database.databaseUrl });
  try {
    const user = (await storage.users.findByName('bench'))!;
    const session = await openSession(storage, user);
    const { token } = await createApiToken(storage, user, 'bench');
    return { cookie: `retouche_session=${session.token}`, token };
  } finally {
    await storage.close();
  }
}

/** One route under 50 connections for the run's duration (`--quick`: 3 s), after a warm-up. */
export async function load(options: autocannon.Options): Promise<Load> {
  // `warmup` is in autocannon's documentation but not in its type definitions.
  const warmup = { warmup: { connections: CONNECTIONS, duration: WARMUP_SECONDS } } as Partial<autocannon.Options>;
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION_SECONDS, ...warmup, ...options });
  const statusCounts: Record<string, number> = {};
  for (const [status, stats] of Object.entries(result.statusCodeStats ?? {})) statusCounts[status] = stats.count ?? 0;
  return { requestsPerSecond: result.requests.average, p99: result.latency.p99, statusCounts, errors: result.errors + result.timeouts + result.non2xx };
}

function row(name: string, measured: Load, extra: Partial<BenchRow> = {}): BenchRow {
  return {
    name,
    value: Math.round(measured.requestsPerSecond),
    unit: `req/s (p99 ${measured.p99} ms)`,
    ...extra,
    ...(extra.ratio !== undefined && { ratio: round(extra.ratio) }),
  };
}

async function startBaselineProcess(): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'bench', 'baseline-server.ts')], {
    cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening (\d+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`baseline server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function round(value: number): number {
  return Number(value.toPrecision(3));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchHttp());
}
