import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditHistory, importArticle, putSegment, readSegments, runWithLimit, saveWithRetry, type SegmentJson, type ServerFetch,
} from '../reliability/editor-client.js';
import { openEventStream } from '../support/event-stream.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { TEST_DATABASE_URL } from '../support/test-server.js';

// Saves fired at the two servers together, how many run at once, and how many times an editor
// retries after a conflict before giving up.
const SAVES = 400;
const PARALLEL = 50;
const MAX_ATTEMPTS = 50;
const RACE_ROUNDS = 20;
const ARTICLE = Array.from({ length: 20 }, (_, index) => `The council voted on motion number ${index + 1} late on Thursday.`).join('\n\n');

// Two real server processes (src/server.ts, as `npm start` runs it) on different ports sharing one
// PostgreSQL database, as behind a load balancer. SQLite is one file on one machine: there is no
// second server to share it with, so this only runs when the suite runs on PostgreSQL.
describe.skipIf(!TEST_DATABASE_URL)('two servers sharing one PostgreSQL database (skipped: set DATABASE_URL to a PostgreSQL server to run it)', () => {
  const servers: ServerProcess[] = [];
  let segments: SegmentJson[];
  let documentId: number;

  beforeAll(async () => {
    const first = await startServerProcess();
    servers.push(first);
    servers.push(await startServerProcess({ databaseUrl: first.databaseUrl! }));
    ({ documentId, segments } = await importArticle(first.fetch, 'Shared', ARTICLE));
  }, 60_000);
  // The second server does not own the database; stopping the first drops it.
  afterAll(async () => {
    for (const server of [...servers].reverse()) await server.stop();
  }, 30_000);

  it('shows an edit made through one server through the other, and takes a save based on it', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    expect(a.url).not.toBe(b.url);
    const segment = segments[0]!;
    expect((await putSegment(a.fetch, segment.id, 'The council voted on the first motion late on Thursday.', 0)).status).toBe(200);
    const seen = (await readSegments(b.fetch, documentId))[0]!;
    expect(seen).toMatchObject({ text: 'The council voted on the first motion late on Thursday.', revision: 1 });
    expect((await putSegment(b.fetch, segment.id, 'The council approved the first motion on Thursday.', 1)).status).toBe(200);
    expect((await readSegments(a.fetch, documentId))[0]).toMatchObject({ text: 'The council approved the first motion on Thursday.', revision: 2 });
    // The base the first server's editor saw is stale now: 409, across servers.
    expect((await putSegment(a.fetch, segment.id, 'A stale edit.', 1)).status).toBe(409);
  });

  it('lets exactly one of two editors on different servers saving from the same base win', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const segment = segments[1]!;
    for (let round = 0; round < RACE_ROUNDS; round++) {
      const responses = await Promise.all([putSegment(a.fetch, segment.id, `Ana ${round}.`, round), putSegment(b.fetch, segment.id, `Ben ${round}.`, round)]);
      expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
    }
  }, 30_000);

  it(`keeps every acknowledged save of ${SAVES} parallel ones split across both servers`, async () => {
    const fetches: ServerFetch[] = servers.map((server) => server.fetch);
    const hot = segments[2]!;
    const others = segments.slice(3);
    const jobs = Array.from({ length: SAVES }, (_, index) => ({
      fetch: fetches[index % 2]!,
      segmentId: index % 4 < 2 ? hot.id : others[index % others.length]!.id,
      text: `Editor ${index % 11} on server ${index % 2} wrote save number ${index}.`,
    }));
    const outcomes = await runWithLimit(jobs, PARALLEL, (job) => saveWithRetry(job.fetch, job.segmentId, job.text, 0, MAX_ATTEMPTS));
    const acknowledged = outcomes.flatMap((outcome) => (outcome.kind === 'acknowledged' ? [outcome.save] : []));
    const touched = [...new Set(jobs.map((job) => job.segmentId))];
    // Audited through the other server than the one that took most saves: the history is shared.
    const audit = await auditHistory(fetches[1]!, touched, acknowledged);
    const requests = outcomes.reduce((sum, outcome) => sum + outcome.attempts, 0);
    const conflicts = outcomes.reduce((sum, outcome) => sum + outcome.conflicts, 0);
    console.log(`multi-server: ${SAVES} saves over 2 servers (${requests} PUT requests, ${conflicts} answered 409), `
      + `${acknowledged.length} acknowledged, ${audit.found} found in history; ${audit.revisions} revisions stored`);
    expect(audit.problems).toEqual([]);
    expect(audit.found).toBe(acknowledged.length);
    expect(audit.revisions).toBe(acknowledged.length);
    expect(conflicts).toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThan(SAVES * 0.75);
  }, 120_000);

  it('streams a save made through one server to a page connected to the other within a second, and presence too', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const stream = await openEventStream((init) => b.fetch(`/api/documents/${documentId}/events`, init, 'viewer'));
    try {
      expect(stream.status).toBe(200);
      await stream.next((event) => event.event === 'presence');
      const segment = (await readSegments(a.fetch, documentId))[3]!;
      // Several saves, each timed from its answer on server A to its event on server B.
      const delays: number[] = [];
      for (let round = 0; round < 10; round++) {
        const text = `The council voted on motion four, take ${round}.`;
        const current = (await readSegments(a.fetch, documentId))[3]!;
        const answered = await putSegment(a.fetch, segment.id, text, current.revision);
        const at = performance.now();
        expect(answered.status).toBe(200);
        const event = await stream.next((candidate) => (candidate.data as { segment?: { text: string } }).segment?.text === text);
        delays.push(Math.max(0, event.at - at));
      }
      console.log(`multi-server: a save's event crossed servers in ${Math.round(Math.max(...delays))} ms at most (10 saves)`);
      expect(Math.max(...delays)).toBeLessThan(1_000);
      const opened = await a.fetch(`/api/segments/${segment.id}/presence`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ open: true }),
      }, 'Ana');
      expect(opened.status).toBe(200);
      await stream.next((event) => event.event === 'presence'
        && (event.data as { editors: { author: string }[] }).editors.some((editor) => editor.author === 'Ana'));
    } finally {
      stream.close();
    }
  }, 30_000);
});
