/**
 * A sentence with 10,000 revisions: the first page of its history page (50 entries, blame over
 * the whole history) over HTTP, its very first view apart, against the document page of the same one-sentence document as
 * baseline; rebuilding any version is benchStorage's row.
 */
import { pathToFileURL } from 'node:url';
import { correctSegment } from '../src/services/correct-segment.js';
import { importDocument } from '../src/services/import-document.js';
import { startTestServer } from '../tests/support/test-server.js';
import type { BenchRow } from './types.js';

const HISTORY_LENGTH = 10_000;
const SAMPLES = 30;
const TARGET_PAGE_MS = 100;

/** Time the history page of a 10,000-revision sentence: first page, and a page deep in the past. */
export async function benchLongHistory(): Promise<BenchRow[]> {
  const server = await startTestServer();
  try {
    const { document } = await importDocument(server.storage, server.analyzer, { text: 'The tenant of the White House has invested in the file.', author: 'bench' });
    const [segment] = await server.storage.segments.listByDocument(document.id);
    for (let number = 1; number <= HISTORY_LENGTH; number++) {
      await correctSegment(server.storage, server.analyzer, {
        segmentId: segment!.id, baseRevision: number - 1, author: `editor ${number % 5}`,
        text: `The occupant of the White House, version ${number}, has taken ${number % 7} interests in the matter.`,
      });
    }
    const { cookie } = await server.sessionFor('bench');
    const open = (path: string) => fetch(`${server.url}${path}`, { headers: { cookie } });
    const documentPage = await percentiles(() => open(`/documents/${document.id}`));
    // The first view reads and replays every patch; later views reuse that replay (history is append-only).
    const coldStarted = performance.now();
    await (await open(`/segments/${segment!.id}/history`)).text();
    const cold = performance.now() - coldStarted;
    const first = await percentiles(() => open(`/segments/${segment!.id}/history`));
    const deep = await percentiles(() => open(`/segments/${segment!.id}/history?revision=17`));
    return [
      {
        name: `long history (${HISTORY_LENGTH.toLocaleString('en')} revisions): sentence history page 1 (50 entries)`,
        value: round(first.median), unit: `ms (median; p99 ${round(first.p99)})`,
        baseline: `document page ${round(documentPage.median)} ms`, ratio: round(first.median / documentPage.median),
        target: `< ${TARGET_PAGE_MS} ms`, pass: first.p99 < TARGET_PAGE_MS,
      },
      {
        name: 'long history: first view of the history page (reads and replays all 10,000 patches)', value: round(cold), unit: 'ms',
      },
      {
        name: 'long history: the page holding version 17 (?revision=17)', value: round(deep.median), unit: `ms (median; p99 ${round(deep.p99)})`,
        target: `< ${TARGET_PAGE_MS} ms`, pass: deep.p99 < TARGET_PAGE_MS,
      },
    ];
  } finally {
    await server.close();
  }
}

async function percentiles(request: () => Promise<Response>): Promise<{ median: number; p99: number }> {
  await (await request()).text();
  const times: number[] = [];
  for (let index = 0; index < SAMPLES; index++) {
    const started = performance.now();
    const response = await request();
    await response.text();
    if (!response.ok) throw new Error(`${response.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, p99: times[Math.ceil(times.length * 0.99) - 1]! };
}

function round(value: number): number {
  return Number(value.toPrecision(3));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchLongHistory());
}
