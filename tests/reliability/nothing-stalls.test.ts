import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

// Issue 16: no request's work may stop the server answering others. Each hostile article is
// imported, its first page opened, a sentence saved and the whole exported, while a second client
// asks for the list of checks (a light request) again and again. That client's answers must stay
// within 200 ms of what the same client measures with the server idle just before (on a machine
// shared with other jobs, the idle times alone reach tens of milliseconds): its 95th percentile
// (with a dozen requests, the 99th is the single slowest, which one pause of a loaded machine
// decides), and no answer may wait two seconds. The figures, p99 and max included, are printed
// for the README.
const LIGHT_OVER_IDLE_MS = 200;
const LONGEST_WAIT_MS = 2_000;

const HOSTILE: ReadonlyArray<{ name: string; text: () => string }> = [
  // ~1 MB of one-letter words with no full stop: import cuts it into the longest sentences allowed.
  { name: 'a 1 MB run of one-letter words', text: () => 'a b c d e f g h i j '.repeat(52_429) },
  // 50 KB of guillemets: quotation marks the quotation checks pair up.
  { name: '50 KB of guillemets', text: () => `Il a dit ${'« '.repeat(12_500)}fin.` },
  // Every word flagged: a word repeated, 20,000 times in one sentence.
  { name: 'one flag per word', text: () => `${'the '.repeat(20_000)}end.` },
  // 100,000 one-word paragraphs: import, analysis and export read and write them a page at a time.
  { name: '100,000 one-word paragraphs', text: () => Array.from({ length: 100_000 }, (_, index) => `Word${index % 97}.`).join('\n\n') },
];

let server: ServerProcess;

beforeAll(async () => {
  server = await startServerProcess();
  // The test's API token is made on first use: once, before two clients ask at the same time.
  await server.fetch('/api/checks');
  // A first import starts the analysis worker and compiles the hot paths: measured here is a running server.
  const warmUp = await server.fetch('/api/documents', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ title: 'Warm-up', text: 'A first article. It is short.' }),
  });
  const { document } = await warmUp.json() as { document: { id: number } };
  await (await server.fetch(`/documents/${document.id}`, { headers: { Accept: 'text/html' } })).text();
  await (await server.fetch(`/api/documents/${document.id}/export?format=txt`)).text();
});
afterAll(async () => {
  await server?.stop();
});

/** Ask for GET /api/checks one after another until `work` is done; each answer's time in ms. */
async function whileLightRequests(work: () => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  let done = false;
  const light = (async () => {
    while (!done) {
      const started = performance.now();
      const response = await server.fetch('/api/checks');
      await response.arrayBuffer();
      expect(response.status).toBe(200);
      times.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  try {
    await work();
  } finally {
    done = true;
    await light;
  }
  return times;
}

function percentile(times: readonly number[], fraction: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

async function timed<T>(step: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await step();
  return { value, ms: Math.round(performance.now() - started) };
}

describe('nothing stalls the server', () => {
  for (const hostile of HOSTILE) {
    it(`answers a light request within ${LIGHT_OVER_IDLE_MS} ms of its idle times while it imports, opens, saves and exports ${hostile.name}`, async () => {
      const idle = await whileLightRequests(() => new Promise((resolve) => setTimeout(resolve, 1_000)));
      const text = hostile.text();
      const steps: Record<string, number> = {};
      let longest = 0;
      let mostFlags = 0;
      const light = await whileLightRequests(async () => {
        const imported = await timed(async () => server.fetch('/api/documents', {
          method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ title: hostile.name, text }),
        }));
        expect(imported.value.status, await imported.value.clone().text()).toBe(201);
        steps.import = imported.ms;
        const { document } = await imported.value.json() as { document: { id: number } };

        const opened = await timed(async () => server.fetch(`/documents/${document.id}`, { headers: { Accept: 'text/html' } }));
        expect(opened.value.status).toBe(200);
        const html = await opened.value.text();
        steps.page = opened.ms;
        expect(html).toContain('<article class="segment');

        const page = await (await server.fetch(`/api/documents/${document.id}`)).json() as {
          segments: Array<{ id: number; text: string; revision: number; flags: unknown[] }>;
        };
        const first = page.segments[0]!;
        longest = Math.max(...page.segments.map((segment) => segment.text.length));
        mostFlags = Math.max(...page.segments.map((segment) => segment.flags.length));
        const saved = await timed(async () => server.fetch(`/api/segments/${first.id}`, {
          method: 'PUT', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ text: `${first.text.length > 100 ? first.text.slice(0, -10) : first.text} edited.`, baseRevision: first.revision }),
        }));
        expect(saved.value.status, await saved.value.clone().text()).toBe(200);
        steps.save = saved.ms;

        const exported = await timed(async () => server.fetch(`/api/documents/${document.id}/export?format=txt`));
        expect(exported.value.status).toBe(200);
        expect((await exported.value.text()).length).toBeGreaterThan(0);
        steps.export = exported.ms;
      });
      console.log(`${hostile.name}: ${JSON.stringify(steps)} ms; longest sentence ${longest} chars, most flags on one sentence ${mostFlags}; `
        + `light requests ${light.length}, p50 ${percentile(light, 0.5).toFixed(0)} ms, p95 ${percentile(light, 0.95).toFixed(0)} ms, `
        + `p99 ${percentile(light, 0.99).toFixed(0)} ms, max ${Math.max(...light).toFixed(0)} ms; idle p95 ${percentile(idle, 0.95).toFixed(0)} ms, `
        + `p99 ${percentile(idle, 0.99).toFixed(0)} ms`);
      expect(light.length).toBeGreaterThan(5);
      expect(percentile(light, 0.95)).toBeLessThan(LIGHT_OVER_IDLE_MS + percentile(idle, 0.95));
      expect(Math.max(...light)).toBeLessThan(LONGEST_WAIT_MS);
    }, 300_000);
  }
});
