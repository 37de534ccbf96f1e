import { pathToFileURL } from 'node:url';
import { correctSegment } from '../src/services/correct-segment.js';
import { importDocument } from '../src/services/import-document.js';
import { getSegmentVersion } from '../src/services/segment-history.js';
import { createSqliteStorage } from '../src/storage/sqlite/index.js';
import { createTempDatabase, createTestAnalyzer } from '../tests/support/test-server.js';
import type { Storage } from '../src/storage/types.js';
import type { BenchRow } from './types.js';

/** Revisions of the benchmarked sentence: the size the spec promises stays fast. */
const HISTORY_LENGTH = 10_000;
/** Timed reads per measurement. */
const SAMPLES = 2_000;

/**
 * Rebuild a random version of a 10,000-revision sentence through the real SQLite store (read
 * the needed rows, parse the patches, replay them), against reading the sentence's current row.
 * Building the history also measures saves per second with synchronous=FULL.
 */
export async function benchStorage(): Promise<BenchRow[]> {
  const database = createTempDatabase();
  const storage = createSqliteStorage(database.file);
  try {
    return await measureStorage(storage, { backend: 'SQLite', saves: 'synchronous=FULL' });
  } finally {
    await storage.close();
    database.remove();
  }
}

/** The storage benchmark on any backend: build a 10,000-revision history, then rebuild random versions. */
export async function measureStorage(storage: Storage, label: { backend: string; saves: string }): Promise<BenchRow[]> {
  const analyzer = createTestAnalyzer(storage);
  const { document } = await importDocument(storage, analyzer, { text: 'The tenant of the White House has invested in the file.', author: 'bench' });
  const [segment] = await storage.segments.listByDocument(document.id);
  const segmentId = segment!.id;
  const started = performance.now();
  for (let number = 1; number <= HISTORY_LENGTH; number++) {
    await correctSegment(storage, analyzer, {
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
      name: `storage: rebuild random version of a 10,000-revision sentence (${label.backend})`,
      value: round(rebuild), unit: 'ms (median)',
      baseline: `storage: read the sentence row (${label.backend})`, ratio: round(rebuild / readRow),
      target: 'milliseconds (< 5 ms)', pass: rebuild < 5,
    },
    { name: `storage: read the sentence row (${label.backend})`, value: round(readRow), unit: 'ms (median)' },
    { name: `storage: saves per second (${label.backend}, ${label.saves})`, value: Math.round(savesPerSecond), unit: 'saves/s' },
  ];
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
  console.table(await benchStorage());
}
