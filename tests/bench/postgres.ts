import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { correctSegment } from '../../src/services/correct-segment.js';
import { importDocument } from '../../src/services/import-document.js';
import { getSegmentVersion } from '../../src/services/segment-history.js';
import { createPostgresStorage } from '../../src/storage/postgres/index.js';
import { TEST_DATABASE_URL } from '../support/test-server.js';
import type { BenchRow } from './types.js';

/** Revisions of the benchmarked sentence, as in the SQLite benchmark (storage.ts), so the rows compare. */
const HISTORY_LENGTH = 10_000;
/** Timed reads per measurement. */
const SAMPLES = 2_000;

/**
 * The SQLite storage benchmark over PostgreSQL (DATABASE_URL, an administrator's URL: the bench
 * creates and drops a database of its own): saves per second while building a 10,000-revision
 * history, then rebuilding a random version against reading the sentence's row. Without
 * DATABASE_URL it returns one row saying so.
 */
export async function benchPostgres(adminUrl = TEST_DATABASE_URL): Promise<BenchRow[]> {
  if (!adminUrl) {
    return [{ name: 'storage: PostgreSQL benchmark skipped (set DATABASE_URL to a PostgreSQL server)', value: 0, unit: 'skipped' }];
  }
  const name = `retouche_bench_${process.pid}`;
  await runAsAdmin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const storage = await createPostgresStorage(url.toString());
  try {
    const { document } = await importDocument(storage, { text: 'The tenant of the White House has invested in the file.', author: 'bench' });
    const [segment] = await storage.segments.listByDocument(document.id);
    const segmentId = segment!.id;
    const started = performance.now();
    for (let number = 1; number <= HISTORY_LENGTH; number++) {
      await correctSegment(storage, {
        segmentId, baseRevision: number - 1, author: 'bench',
        text: `The occupant of the White House, version ${number}, has taken ${number % 7} interests in the matter.`,
      });
    }
    const savesPerSecond = HISTORY_LENGTH / ((performance.now() - started) / 1000);

    let seed = 7;
    const randomVersion = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % (HISTORY_LENGTH + 1);
    };
    const rebuild = await medianMs(() => getSegmentVersion(storage, segmentId, randomVersion()));
    const readRow = await medianMs(() => storage.segments.get(segmentId));
    return [
      {
        name: 'storage: rebuild random version of a 10,000-revision sentence (PostgreSQL)',
        value: round(rebuild), unit: 'ms (median)',
        baseline: 'storage: read the sentence row (PostgreSQL)', ratio: round(rebuild / readRow),
        target: 'milliseconds (< 5 ms)', pass: rebuild < 5,
      },
      { name: 'storage: read the sentence row (PostgreSQL)', value: round(readRow), unit: 'ms (median)' },
      { name: 'storage: saves per second (PostgreSQL, one connection at a time)', value: Math.round(savesPerSecond), unit: 'saves/s' },
    ];
  } finally {
    await storage.close();
    await runAsAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
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

async function medianMs(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function round(value: number): number {
  return Number(value.toPrecision(3));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchPostgres());
}
