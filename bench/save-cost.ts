/**
 * Where a save's time goes, in process and without HTTP: each step of PUT /api/segments/:id timed
 * on its own on a real SQLite file, against a bare insert with the same durability settings (the
 * HTTP benchmark's baseline route without its HTTP). The steps add up to the least a save can
 * cost; with the HTTP round trip of a hello-world on top, they show how far the save route can get
 * towards 70% of the bare insert route.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { createApiToken, findTokenUser } from '../src/services/accounts.js';
import { correctSegment } from '../src/services/correct-segment.js';
import { readAnalyzedSegment } from '../src/services/analyzed-segments.js';
import { importDocument } from '../src/services/import-document.js';
import { diffForDisplay } from '../src/history/display-diff.js';
import { createSqliteStorage } from '../src/storage/sqlite/index.js';
import type { Storage } from '../src/storage/types.js';
import { createTempDatabase, createTestAnalyzer } from '../tests/support/test-server.js';
import { correctOneWord } from './http.js';
import { buildArticle } from './large-document.js';
import type { BenchRow } from './types.js';

const SAVES = 3_000;
const ARTICLE_WORDS = 2_500;

/** Median time of each step of a save, and of a bare durable insert. */
export async function benchSaveCost(): Promise<BenchRow[]> {
  const bareInsert = measureBareInsert();
  const database = createTempDatabase();
  const storage = createSqliteStorage(database.file);
  try {
    return rows(bareInsert, await measureSaveSteps(storage));
  } finally {
    await storage.close();
    database.remove();
  }
}

interface SaveSteps {
  sentences: number;
  authenticate: number;
  analyse: number;
  store: number;
  read: number;
  diff: number;
}

async function measureSaveSteps(storage: Storage): Promise<SaveSteps> {
  const analyzer = createTestAnalyzer(storage);
  const { document } = await importDocument(storage, analyzer, { text: buildArticle(ARTICLE_WORDS), author: 'bench' });
  const user = (await storage.users.create({ name: 'bench', passwordHash: 'x', role: 'editor' }))!;
  const { token } = await createApiToken(storage, user, 'bench');
  const segments = await storage.segments.listByDocument(document.id);
  const originals = segments.map((segment) => segment.original);
  const times: Record<'authenticate' | 'analyse' | 'store' | 'read' | 'diff', number[]> = { authenticate: [], analyse: [], store: [], read: [], diff: [] };
  for (let edit = 0; edit < SAVES; edit++) {
    const segment = segments[edit % segments.length]!;
    let started = performance.now();
    await findTokenUser(storage, token);
    times.authenticate.push(performance.now() - started);
    const text = correctOneWord(originals[edit % segments.length]!, edit);
    // The analysis of the new text alone, as the save runs it first (in the server's worker).
    started = performance.now();
    await analyzer.analyseEdit(segment, text);
    times.analyse.push(performance.now() - started);
    started = performance.now();
    const { segment: saved } = await correctSegment(storage, analyzer, { segmentId: segment.id, text, baseRevision: segment.revision, author: 'bench' });
    times.store.push(performance.now() - started - times.analyse.at(-1)!);
    segments[edit % segments.length] = saved;
    started = performance.now();
    const analysed = await readAnalyzedSegment(storage, analyzer, saved.id);
    times.read.push(performance.now() - started);
    started = performance.now();
    diffForDisplay(analysed.original, analysed.text);
    times.diff.push(performance.now() - started);
  }
  return {
    sentences: segments.length,
    authenticate: median(times.authenticate), analyse: median(times.analyse), store: median(times.store), read: median(times.read), diff: median(times.diff),
  };
}

/** One row into a one-table SQLite file, WAL and synchronous=FULL, as the HTTP baseline route does. */
function measureBareInsert(): number {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'retouche-bench-insert-'));
  const db = new Database(path.join(directory, 'baseline.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL, created_at TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO rows (body, created_at) VALUES (?, ?)');
    const times: number[] = [];
    for (let i = 0; i < SAVES; i++) {
      const started = performance.now();
      insert.run(JSON.stringify({ text: 'The occupant of the White House has taken an interest in the matter.', baseRevision: i }), new Date().toISOString());
      times.push(performance.now() - started);
    }
    return median(times);
  } finally {
    db.close();
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

function rows(bareInsert: number, steps: SaveSteps): BenchRow[] {
  const step = (name: string, value: number): BenchRow => ({
    name: `save cost (SQLite, ${steps.sentences}-sentence article): ${name}`, value: round(value * 1000), unit: 'µs (median)',
    baseline: `bare durable insert ${round(bareInsert * 1000)} µs`, ratio: round(value / bareInsert),
  });
  const total = steps.authenticate + steps.analyse + steps.store + steps.read + steps.diff;
  return [
    { name: 'save cost: bare insert, one table, WAL, synchronous=FULL (baseline)', value: round(bareInsert * 1000), unit: 'µs (median)' },
    step('find the API token\'s user', steps.authenticate),
    step('analyse the new text (in the server\'s worker)', steps.analyse),
    step('store the revision with its flags and counters (diff, durable transaction)', steps.store),
    step('read the sentence back for the answer (flags, dismissals, source)', steps.read),
    step('diff against the machine translation for the answer', steps.diff),
    step('all five', total),
  ];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function round(value: number): number {
  return Number(value.toPrecision(3));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchSaveCost());
}
