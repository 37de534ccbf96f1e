import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { TEST_DATABASE_URL } from '../support/test-server.js';
import { auditHistory, importArticle, saveWithRetry, type AcknowledgedSave, type ServerFetch } from './editor-client.js';

// The server is killed once this many saves have been acknowledged, with the writers still busy.
const KILL_AFTER = 300;
// Four writers each own a sentence (sequential saves); two more share one (conflicts and retries).
const WRITERS = 6;
const SHARED_WRITERS = 2;
const MAX_ATTEMPTS = 50;
const ARTICLE = Array.from({ length: 8 }, (_, index) => `Paragraph ${index + 1} says what the minister announced on Monday.`).join('\n\n');

const servers: ServerProcess[] = [];
// Stop the restarted server first: stopping the first one removes the database's folder.
afterAll(async () => {
  for (const server of servers.reverse()) await server.stop();
}, 30_000);

// These open the server's SQLite file directly; on PostgreSQL the data is not in a file.
describe.skipIf(TEST_DATABASE_URL)('a crash in the middle of saves', () => {
  it('keeps every save acknowledged before SIGKILL, half-writes nothing, and leaves an intact file', async () => {
    const first = await startServerProcess();
    servers.push(first);
    const { segments } = await importArticle(first.fetch, 'Crash', ARTICLE);
    const targets = segments.slice(0, WRITERS - SHARED_WRITERS + 1).map((segment) => segment.id);

    let inFlight = 0;
    let inFlightAtKill = -1;
    let killed: Promise<void> | undefined;
    const counting: ServerFetch = async (path, init) => {
      inFlight++;
      try {
        return await first.fetch(path, init);
      } finally {
        inFlight--;
      }
    };
    const acknowledged: AcknowledgedSave[] = [];
    // Saves that had no answer when the server died: each may or may not have landed, never half.
    const unanswered = new Set<string>();
    let attempted = 0;

    const write = async (writer: number): Promise<void> => {
      const segmentId = targets[Math.min(writer, targets.length - 1)]!;
      let base = 0;
      for (let save = 0; killed === undefined; save++) {
        const text = `Writer ${writer} wrote save ${save} just before the crash.`;
        attempted++;
        try {
          const outcome = await saveWithRetry(counting, segmentId, text, base, MAX_ATTEMPTS);
          // The two writers of the shared sentence may starve each other; a save given up on wrote nothing.
          if (outcome.kind !== 'acknowledged') continue;
          acknowledged.push(outcome.save);
          base = outcome.save.revision;
          if (acknowledged.length === KILL_AFTER) {
            inFlightAtKill = inFlight;
            killed = first.kill();
          }
        } catch (error) {
          if (killed === undefined) throw error;
          unanswered.add(text);
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, writer) => write(writer)));
    await killed;
    expect(first.process.signalCode).toBe('SIGKILL');

    const second = await startServerProcess({ databaseFile: first.databaseFile });
    servers.push(second);
    const audit = await auditHistory(second.fetch, targets, acknowledged, { unacknowledgedMayLand: unanswered });
    const landed = audit.revisions - audit.found;
    console.log(`crash: ${attempted} saves attempted, ${acknowledged.length} acknowledged before SIGKILL `
      + `(${inFlightAtKill} requests in flight at the kill), ${audit.found} found after restart; `
      + `${unanswered.size} unanswered, of which ${landed} had landed`);
    expect(inFlightAtKill).toBeGreaterThan(0);
    expect(audit.problems).toEqual([]);
    expect(audit.found).toBe(acknowledged.length);
    expect(landed).toBeLessThanOrEqual(unanswered.size);

    await second.stop();
    const db = new Database(first.databaseFile, { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      // In the whole file, not only the sentences written here: every sentence's revision is its
      // newest revision and its revisions are numbered 0..revision without gaps.
      expect(db.prepare(`SELECT s.id FROM segments s WHERE s.revision <>
        (SELECT MAX(r.number) FROM revisions r WHERE r.segment_id = s.id)
        OR s.revision + 1 <> (SELECT COUNT(*) FROM revisions r WHERE r.segment_id = s.id)`).all()).toEqual([]);
    } finally {
      db.close();
    }
  }, 60_000);
});
