/**
 * 500 open event streams of one document on the real server in its own process (compiled, as
 * `npm start` runs it): the server's extra resident memory with them open, and how long a save's
 * event takes to reach every one of them, timed from the moment the save is sent (the save's own
 * time included) to the moment each stream has read it, over loopback.
 */
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServerProcess } from '../tests/support/server-process.js';
import { REPO_ROOT } from '../tests/support/test-server.js';
import { logIn } from './http.js';
import { readRssMb } from './process-memory.js';
import type { BenchRow } from './types.js';

const STREAMS = 500;
const SAVES = 20;
const TARGET_EXTRA_MB = 50;
const TARGET_P99_MS = 1_000;
const SETTLE_MS = 2_000;
const ARTICLE = Array.from({ length: 20 }, (_, index) => `The council voted on motion number ${index + 1} late on Thursday.`).join('\n\n');

/** One stream as the benchmark reads it: the texts its revision events carried, each with when it arrived. */
interface Stream {
  request: http.ClientRequest;
  arrivals: Map<string, number>;
  ready: Promise<void>;
}

export async function benchLiveStreams(): Promise<BenchRow[]> {
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: REPO_ROOT });
  const server = await startServerProcess({ compiled: true });
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const streams: Stream[] = [];
  try {
    const { cookie } = await logIn({ databasePath: server.databaseFile, databaseUrl: server.databaseUrl }, () => server.ensureUser('bench'));
    const created = await server.fetch('/api/documents', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Live', text: ARTICLE }) });
    const documentId = ((await created.json()) as { document: { id: number } }).document.id;
    const address = new URL(`/api/documents/${documentId}/events`, server.url);
    let revision = 0;
    const save = async (text: string) => {
      const segment = (await (await server.fetch(`/api/documents/${documentId}`)).json() as { segments: { id: number }[] }).segments[0]!;
      const sent = performance.now();
      const answer = await server.fetch(`/api/segments/${segment.id}`, {
        method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, baseRevision: revision }),
      });
      if (answer.status !== 200) throw new Error(`save failed: ${answer.status} ${await answer.text()}`);
      revision += 1;
      return sent;
    };

    // The server warmed up with one stream and one save, then left to settle, before the baseline.
    const first = openStream(address, cookie, agent);
    await first.ready;
    await save('The council voted on the first motion late on Thursday.');
    first.request.destroy();
    await pause(SETTLE_MS);
    const before = readRssMb(server.process.pid);
    for (let index = 0; index < STREAMS; index++) streams.push(openStream(address, cookie, agent));
    await Promise.all(streams.map((stream) => stream.ready));
    await pause(SETTLE_MS);
    const withStreams = readRssMb(server.process.pid);

    const delays: number[] = [];
    for (let round = 0; round < SAVES; round++) {
      const text = `The council voted on motion one, take ${round}.`;
      const sent = await save(text);
      await waitFor(() => streams.every((stream) => stream.arrivals.has(text)), 5_000);
      for (const stream of streams) delays.push((stream.arrivals.get(text) ?? Infinity) - sent);
    }
    delays.sort((a, b) => a - b);
    const p99 = delays[Math.floor(delays.length * 0.99)]!;
    const extra = withStreams - before;
    const name = `live document: ${STREAMS} open event streams`;
    return [
      {
        name: `${name}, server's extra RSS`, value: Math.round(extra), unit: 'MB', baseline: `RSS with one stream ${Math.round(before)} MB`,
        ratio: round(withStreams / before), target: `< ${TARGET_EXTRA_MB} MB`, pass: extra < TARGET_EXTRA_MB,
      },
      {
        name: `${name}, a save's event reaching each (from the PUT sent; p99 of ${SAVES} saves × ${STREAMS})`, value: round(p99), unit: 'ms',
        baseline: `median ${round(delays[Math.floor(delays.length / 2)]!)} ms`, target: `< ${TARGET_P99_MS} ms`, pass: p99 < TARGET_P99_MS,
      },
    ];
  } finally {
    for (const stream of streams) stream.request.destroy();
    agent.destroy();
    await server.stop();
  }
}

/** Open a stream with the session cookie; ready once the server sent its first presence list (it follows the document then). */
function openStream(address: URL, cookie: string, agent: http.Agent): Stream {
  const arrivals = new Map<string, number>();
  let resolveReady: () => void = () => undefined;
  let rejectReady: (error: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  const request = http.get(address, { agent, headers: { cookie, accept: 'text/event-stream' } }, (response) => {
    if (response.statusCode !== 200) return rejectReady(new Error(`stream answered ${response.statusCode}`));
    response.setEncoding('utf8');
    let buffer = '';
    response.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.includes('event: presence')) resolveReady();
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (!block.includes('event: revision') || !data) continue;
        const text = (JSON.parse(data) as { segment?: { text: string } }).segment?.text;
        if (text !== undefined) arrivals.set(text, performance.now());
      }
    });
  });
  request.on('error', (error) => rejectReady(error));
  return { request, arrivals, ready };
}

async function waitFor(done: () => boolean, timeoutMs: number): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!done() && performance.now() < until) await pause(5);
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function round(value: number): number {
  return Number(value.toPrecision(3));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchLiveStreams());
}
