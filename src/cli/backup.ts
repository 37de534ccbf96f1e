/**
 * `npm run backup -- FILE [--force]`: a consistent copy of the live database, taken with SQLite's
 * online backup API while the server keeps serving. The database is the one the server uses
 * (RETOUCHE_DB, default data/retouche.db).
 *
 * SQLite only: with DATABASE_URL set the data lives in PostgreSQL, which has its own tools
 * (pg_dump), so the command refuses rather than copy a file the server no longer uses.
 *
 * Restore: stop the server, copy the backup over the database path, delete the old database's
 * -wal and -shm files if any, start the server.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { readConfig } from '../config.js';

const USAGE = 'Usage: npm run backup -- FILE [--force]\n'
  + '  Copies the Retouche database (RETOUCHE_DB, default data/retouche.db) to FILE while the server runs.\n'
  + '  --force  replace FILE if it exists';
// Pages per backup step: all of them. A step reads one snapshot of the database; the backup API
// restarts from scratch whenever another process (the server) writes between two steps, so with
// small steps a busy server could keep a backup from ever finishing. WAL lets the server go on
// writing while the single step reads.
const ALL_PAGES = 0x7fffffff;
// How long to wait for a lock the server holds (a checkpoint, say), as the server itself does.
const BUSY_TIMEOUT_MS = 5000;

interface BackupRequest {
  target: string;
  force: boolean;
}

interface BackupReport {
  source: string;
  target: string;
  pages: number;
  bytes: number;
  milliseconds: number;
}

/**
 * Copy the database at `source` to `request.target`. The copy is written beside the target under a
 * temporary name, checked with `PRAGMA integrity_check`, then renamed into place, so FILE is never
 * a half-written database even when the copy fails.
 *
 * @throws {Error} with a message for a person when the source is missing, the target exists
 *   (without force) or cannot be written, or the copy is not intact.
 */
async function backupDatabase(source: string, request: BackupRequest): Promise<BackupReport> {
  const target = path.resolve(request.target);
  if (!fs.existsSync(source)) throw new Error(`There is no database at ${source} (set RETOUCHE_DB to the server's database file).`);
  if (target === source) throw new Error(`${target} is the database itself; choose another file for the backup.`);
  if (fs.existsSync(target)) {
    if (!request.force) throw new Error(`${target} already exists; pass --force to replace it.`);
    if (!fs.statSync(target).isFile()) throw new Error(`${target} is not a file; choose a file path for the backup.`);
  }
  // A leftover journal beside the target would be replayed over the backup when it is opened.
  for (const suffix of ['-wal', '-shm', '-journal']) {
    if (fs.existsSync(target + suffix)) {
      throw new Error(`${target + suffix} exists: ${target} looks like a database in use; choose another file for the backup.`);
    }
  }
  const directory = path.dirname(target);
  if (!fs.statSync(directory, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`${directory} is not an existing folder.`);
  const temporary = path.join(directory, `.${path.basename(target)}.${process.pid}.partial`);

  const started = performance.now();
  let db: Database.Database | undefined;
  try {
    // Read-write like any other client: a read-only connection cannot open a WAL database whose
    // -shm file is missing, and nothing here writes to it.
    db = new Database(source, { fileMustExist: true });
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const { totalPages } = await db.backup(temporary, { progress: () => ALL_PAGES });
    finishCopy(temporary);
    fs.renameSync(temporary, target);
    return { source, target, pages: totalPages, bytes: fs.statSync(target).size, milliseconds: performance.now() - started };
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(temporary + suffix, { force: true });
    throw new Error(`Could not back up ${source} to ${target}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    db?.close();
  }
}

/** Parse the command line: one FILE, optionally --force; null when it asks for help or is wrong. */
function parseBackupArguments(args: readonly string[]): BackupRequest | null {
  const force = args.includes('--force');
  const rest = args.filter((arg) => arg !== '--force');
  if (rest.length !== 1 || rest[0]!.startsWith('-') || rest[0]!.trim() === '') return null;
  return { target: rest[0]!, force };
}

async function main(): Promise<number> {
  const request = parseBackupArguments(process.argv.slice(2));
  if (request === null) {
    console.error(USAGE);
    return 2;
  }
  if (process.env.DATABASE_URL) {
    console.error('npm run backup copies the SQLite database only, and DATABASE_URL is set: this Retouche stores its data in PostgreSQL.\n'
      + 'Back it up with PostgreSQL\'s own tool instead, for example: pg_dump --format=custom --file=retouche.dump "$DATABASE_URL"');
    return 1;
  }
  // Only the database path matters here: a PORT the server would refuse must not stop a backup.
  const { databasePath } = readConfig({ RETOUCHE_DB: process.env.RETOUCHE_DB });
  try {
    const report = await backupDatabase(databasePath, request);
    console.log(`Backed up ${report.source} to ${report.target}: ${report.pages} pages, ${formatBytes(report.bytes)}, `
      + `integrity check ok, in ${Math.round(report.milliseconds)} ms.`);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

// The copy inherits WAL mode from the live database. A backup should be one self-contained file,
// so it goes back to a rollback journal (the server turns WAL on again when it opens a restored copy).
function finishCopy(file: string): void {
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`the copy failed its integrity check: ${String(result)}`);
  } finally {
    copy.close();
  }
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

process.exitCode = await main();
