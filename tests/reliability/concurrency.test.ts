import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildText } from '../../src/history/rebuild.js';
import { applyTextPatch } from '../../src/history/text-patch.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import {
  auditHistory, importArticle, putSegment, runWithLimit, saveWithRetry, type AcknowledgedSave, type SegmentJson,
} from './editor-client.js';

// Saves fired in the stress test, how many run at once, and how many times one editor retries
// after a conflict before giving up (as a person would, after reading the other text).
const SAVES = 400;
const PARALLEL = 50;
const MAX_ATTEMPTS = 50;
// Rounds of the two-editor race: one round could be won by luck of scheduling, twenty cannot.
const RACE_ROUNDS = 20;

// Twenty plain body sentences, one per paragraph, so every one is a sentence of its own.
const ARTICLE = Array.from({ length: 20 }, (_, index) => `The committee discussed item number ${index + 1} of the budget on Tuesday.`).join('\n\n');

let server: TestServer;
let segments: SegmentJson[];

beforeAll(async () => {
  server = await startTestServer();
  ({ segments } = await importArticle(server.fetch, 'Concurrency', ARTICLE));
  expect(segments).toHaveLength(20);
}, 30_000);
afterAll(() => server.close());

describe('concurrent saves', () => {
  it('lets exactly one of two editors saving from the same base win; the other gets 409 with the winning text', async () => {
    const segment = segments[0]!;
    const winners: string[] = [];
    for (let round = 0; round < RACE_ROUNDS; round++) {
      const texts = [`Ana's version ${round} of the sentence.`, `Ben's version ${round} of the sentence.`];
      const responses = await Promise.all(texts.map((text) => putSegment(server.fetch, segment.id, text, round)));
      const bodies = await Promise.all(responses.map((response) => response.json()));
      expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
      const winner = responses[0]!.status === 200 ? 0 : 1;
      const winningText = texts[winner]!;
      winners.push(winningText);
      expect(bodies[winner].segment).toMatchObject({ text: winningText, revision: round + 1 });
      expect(bodies[1 - winner].error).toMatchObject({
        code: 'conflict', current: { id: segment.id, text: winningText, revision: round + 1, status: 'edited' },
      });
    }
    const audit = await auditHistory(server.fetch, [segment.id],
      winners.map((text, index): AcknowledgedSave => ({ segmentId: segment.id, text, revision: index + 1 })));
    expect(audit.problems).toEqual([]);
    expect(audit.found).toBe(RACE_ROUNDS);
  }, 30_000);

  it(`keeps every acknowledged save of ${SAVES} parallel ones, gapless, on the same and on different sentences`, async () => {
    // Half the saves fight over one sentence; the rest spread over the other sentences.
    const hot = segments[1]!;
    const others = segments.slice(2);
    const jobs = Array.from({ length: SAVES }, (_, index) => ({
      segmentId: index % 2 === 0 ? hot.id : others[index % others.length]!.id,
      text: `Editor ${index % 13} rewrote this as save number ${index}.`,
    }));
    // Every editor opened the page before anyone saved: all start from revision 0.
    const outcomes = await runWithLimit(jobs, PARALLEL, (job) => saveWithRetry(server.fetch, job.segmentId, job.text, 0, MAX_ATTEMPTS));

    const acknowledged = outcomes.flatMap((outcome) => (outcome.kind === 'acknowledged' ? [outcome.save] : []));
    const touched = [...new Set(jobs.map((job) => job.segmentId))];
    const audit = await auditHistory(server.fetch, touched, acknowledged);
    const requests = outcomes.reduce((sum, outcome) => sum + outcome.attempts, 0);
    const conflicts = outcomes.reduce((sum, outcome) => sum + outcome.conflicts, 0);
    console.log(`concurrency: ${SAVES} saves attempted (${requests} PUT requests, ${conflicts} answered 409), `
      + `${acknowledged.length} acknowledged, ${audit.found} found in history at their revision; `
      + `${SAVES - acknowledged.length} gave up after ${MAX_ATTEMPTS} conflicts; ${audit.revisions} revisions stored`);

    expect(audit.problems).toEqual([]);
    expect(audit.found).toBe(acknowledged.length);
    expect(audit.revisions).toBe(acknowledged.length);
    // About 25 editors fight over the hot sentence at any time, so some give up (about 7% here);
    // the bound only makes sure the audit covers most of the saves.
    expect(acknowledged.length).toBeGreaterThan(SAVES * 0.75);
    // The stored rows agree with the API: checkpoints equal the replayed patches, and the
    // checkpoint-based rebuild of the newest version is the sentence's text.
    for (const segmentId of touched) {
      const stored = await server.storage.revisions.listBySegment(segmentId);
      const segment = (await server.storage.segments.get(segmentId))!;
      let replayed = '';
      for (const revision of stored) {
        replayed = revision.number === 0 ? revision.checkpoint! : applyTextPatch(replayed, revision.patch);
        if (revision.checkpoint !== null) expect(revision.checkpoint, `checkpoint ${revision.number} of ${segmentId}`).toBe(replayed);
      }
      expect(rebuildText(stored, segment.revision)).toBe(segment.text);
    }
  }, 60_000);
});
