/**
 * 10,000 documents in the database: the documents page (first and a deep page), a title search,
 * and the JSON list, each timed over HTTP (p99 of 200 requests) against the static favicon served
 * by the same app as baseline.
 */
import { pathToFileURL } from 'node:url';
import { startTestServer } from '../tests/support/test-server.js';
import type { BenchRow } from './types.js';

const DOCUMENTS = 10_000;
const SAMPLES = 200;
const TARGET_P99_MS = 50;
const TOPICS = ['Budget vote', 'Weather report', 'Election night', 'Football final', 'Wine harvest', 'Rail strike'];

/** Fill a database with 10,000 small documents and time the paged, searchable list. */
export async function benchManyDocuments(): Promise<BenchRow[]> {
  const server = await startTestServer();
  try {
    for (let index = 1; index <= DOCUMENTS; index++) {
      const text = `Story ${index} opens here. It has a second sentence. And a third one.`;
      await server.storage.documents.create({
        title: `${TOPICS[index % TOPICS.length]} ${index}`, targetLanguage: 'en', detectedLanguage: 'en', originalText: text, author: 'bench',
        segments: [0, 1, 2].map((position) => ({ position, paragraph: 0, start: 0, end: 1, text: `Sentence ${position} of story ${index}.`, role: 'body', status: 'to-review' as const })),
      });
    }
    const { cookie } = await server.sessionFor('bench');
    const open = (path: string) => fetch(`${server.url}${path}`, { headers: { cookie } });
    const baseline = await percentiles(() => open('/static/favicon.svg'));
    const measure = async (name: string, request: () => Promise<Response>): Promise<BenchRow> => {
      const { median, p99 } = await percentiles(request);
      return {
        name: `many documents (${DOCUMENTS.toLocaleString('en')}): ${name}`, value: round(p99), unit: `ms p99 (median ${round(median)})`,
        baseline: `static file p99 ${round(baseline.p99)} ms`, ratio: round(p99 / baseline.p99), target: `p99 < ${TARGET_P99_MS} ms`, pass: p99 < TARGET_P99_MS,
      };
    };
    return [
      await measure('documents page 1', () => open('/documents')),
      await measure('documents page 150', () => open('/documents?page=150')),
      await measure('title search, 1,667 hits', () => open('/documents?search=rail%20strike')),
      await measure('title search, 1 hit', () => open('/documents?search=harvest%209994')),
      await measure('JSON list, page 3 of a search', () => open('/api/documents?search=budget&page=3')),
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
  console.table(await benchManyDocuments());
}
