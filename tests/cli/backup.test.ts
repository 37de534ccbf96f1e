import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildText } from '../../src/history/rebuild.js';
import { parseTextPatch } from '../../src/history/text-patch.js';
import { auditHistory, importArticle, saveWithRetry, type AcknowledgedSave } from '../reliability/editor-client.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { REPO_ROOT, TEST_DATABASE_URL } from '../support/test-server.js';

// Saves acknowledged before the backup starts; writers keep saving until the backup has finished.
const SAVES_BEFORE_BACKUP = 60;
const WRITERS = 3;
const ARTICLE = Array.from({ length: WRITERS }, (_, index) => `Sentence ${index + 1} reports what the mayor said on Friday.`).join('\n\n');

let server: ServerProcess;
let folder: string;

beforeAll(async () => {
  server = await startServerProcess();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'retouche-backup-'));
}, 30_000);
afterAll(async () => {
  await server.stop();
  fs.rmSync(folder, { recursive: true, force: true });
}, 30_000);

// These open the server's SQLite file directly; on PostgreSQL the data is not in a file.
describe.skipIf(TEST_DATABASE_URL)('npm run backup', () => {
  it('copies the database while the server writes to it: intact, with every save acknowledged before it started', async () => {
    // About 1.5 MB of articles (some 5 MB of pages), so that the copy takes a while, not a blink.
    const bulk = await server.fetch('/api/documents', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Bulk', text: Array.from({ length: 150 }, (_, index) => `Paragraph ${index} ${'word '.repeat(2000)}`).join('\n\n') }) });
    expect(bulk.status).toBe(201);
    const { segments } = await importArticle(server.fetch, 'Backup', ARTICLE);
    const acknowledged: AcknowledgedSave[] = [];
    let backupDone = false;
    let backupStarted: () => void;
    const reachedStart = new Promise<void>((resolve) => { backupStarted = resolve; });
    const write = async (writer: number): Promise<void> => {
      const segmentId = segments[writer]!.id;
      let base = 0;
      for (let save = 0; !backupDone; save++) {
        const outcome = await saveWithRetry(server.fetch, segmentId, `Writer ${writer} saved version ${save} during the backup.`, base, 1);
        if (outcome.kind !== 'acknowledged') throw new Error(`writer ${writer} lost its own sentence`);
        acknowledged.push(outcome.save);
        base = outcome.save.revision;
        if (acknowledged.length === SAVES_BEFORE_BACKUP) backupStarted();
      }
    };
    const writers = Promise.all(Array.from({ length: WRITERS }, (_, writer) => write(writer)));
    await reachedStart;
    const beforeBackup = [...acknowledged];
    const copy = path.join(folder, 'copy.db');
    const result = await runBackup([copy], server.databaseFile);
    backupDone = true;
    await writers;
    const during = acknowledged.length - beforeBackup.length;
    console.log(`backup: ${beforeBackup.length} saves acknowledged before the backup started, ${during} more while it ran; ${result.stdout.trim()}`);

    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(new RegExp(`^Backed up ${escapeRegExp(server.databaseFile)} to ${escapeRegExp(copy)}: \\d+ pages, .*integrity check ok`));
    expect(during).toBeGreaterThan(0);
    expect(fs.readdirSync(folder)).toEqual(['copy.db']);

    const db = new Database(copy, { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
      const history = db.prepare('SELECT number, patch, checkpoint FROM revisions WHERE segment_id = ? ORDER BY number');
      const missing = beforeBackup.filter((save) => {
        const rows = (history.all(save.segmentId) as { number: number; patch: string; checkpoint: string | null }[])
          .map((row) => ({ ...row, patch: parseTextPatch(row.patch) }));
        return rows.length <= save.revision || rebuildText(rows, save.revision) !== save.text;
      });
      expect(missing).toEqual([]);
      // The copy is one moment of the database: no sentence ahead of or behind its own history.
      expect(db.prepare(`SELECT s.id FROM segments s WHERE s.revision <>
        (SELECT MAX(r.number) FROM revisions r WHERE r.segment_id = s.id)`).all()).toEqual([]);
    } finally {
      db.close();
    }
    // The live database lost nothing either.
    const audit = await auditHistory(server.fetch, segments.map((segment) => segment.id), acknowledged);
    expect(audit.problems).toEqual([]);
  }, 30_000);

  it('refuses to replace an existing file without --force, and replaces it with --force', async () => {
    const target = path.join(folder, 'existing.db');
    fs.writeFileSync(target, 'an older backup');
    const refused = await runBackup([target], server.databaseFile);
    expect(refused).toEqual({ code: 1, stdout: '', stderr: `${target} already exists; pass --force to replace it.\n` });
    expect(fs.readFileSync(target, 'utf8')).toBe('an older backup');

    const forced = await runBackup([target, '--force'], server.databaseFile);
    expect(forced.code, forced.stderr).toBe(0);
    const db = new Database(target, { readonly: true, fileMustExist: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 30_000);

  it('fails with a clear message and a non-zero exit code when it cannot work', async () => {
    const file = path.join(folder, 'plain-file');
    fs.writeFileSync(file, 'not a folder');
    const [missing, unwritable, noArguments] = await Promise.all([
      runBackup([path.join(folder, 'never.db')], path.join(folder, 'no-such-database.db')),
      runBackup([path.join(file, 'copy.db')], server.databaseFile),
      runBackup([], server.databaseFile),
    ]);
    expect(missing).toEqual({ code: 1, stdout: '',
      stderr: `There is no database at ${path.join(folder, 'no-such-database.db')} (set RETOUCHE_DB to the server's database file).\n` });
    expect(unwritable).toEqual({ code: 1, stdout: '', stderr: `${file} is not an existing folder.\n` });
    expect(noArguments).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^Usage: npm run backup -- FILE \[--force\]/) });
    expect(fs.existsSync(path.join(folder, 'never.db'))).toBe(false);
  }, 30_000);
});

/** Run the CLI as `npm run backup` does (through tsx), on the database `databaseFile`. */
function runBackup(args: string[], databaseFile: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'src', 'cli', 'backup.ts'), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, RETOUCHE_DB: databaseFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => { stdout += chunk; });
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
