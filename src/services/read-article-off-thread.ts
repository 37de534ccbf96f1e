/**
 * Files are read into articles in a worker thread: extracting the article of a 2 MB web page takes
 * seconds (Mozilla's Readability walks the page's subtrees again for each candidate, so its time grows
 * with the page's nesting as well as its size), and the server must keep answering meanwhile. One
 * worker, started on first use, reads one file at a time; a read that outlasts its time limit is
 * stopped with the worker, which the next read starts again. The worker holds no state between
 * reads, so one per process serves every app and test alike.
 */
import type { Worker } from 'node:worker_threads';
import { FormatError, type FormatProblem } from '../formats/format-error.js';
import { startModuleWorker } from '../module-worker.js';
import type { GivenFile, ReadFile } from './read-article-file.js';

/** How long one file may take to read before it is refused. */
export const READ_TIME_LIMIT_MS = 30_000;
// A page's DOM, Readability's copy of it and a Word file's unpacked XML stay well under this.
const WORKER_HEAP_MB = 512;
// A worker with the page and Word readers loaded holds ~40 MB; files come rarely (the seeds at
// first start, an upload now and then), so it ends once it has had nothing to read for this long.
export const READER_IDLE_MS = 10_000;

interface Job {
  file: GivenFile;
  what: string;
  timeLimitMs: number;
  resolve(result: ReadFile): void;
  reject(error: Error): void;
}

const queue: Job[] = [];
let worker: Worker | undefined;
let running = false;
let nextId = 1;
let idleTimer: NodeJS.Timeout | undefined;

/**
 * Read `file` as `readArticleFile` does, in the worker; refused with a FormatError ('too-large')
 * when it takes longer than `timeLimitMs`.
 */
export function readArticleFileOffThread(file: GivenFile, what: string, timeLimitMs = READ_TIME_LIMIT_MS): Promise<ReadFile> {
  return new Promise((resolve, reject) => {
    queue.push({ file, what, timeLimitMs, resolve, reject });
    runNext();
  });
}

function runNext(): void {
  if (running) return;
  const job = queue.shift();
  if (!job) {
    stopWhenIdle();
    return;
  }
  clearTimeout(idleTimer);
  running = true;
  const current = worker ??= startReader();
  const id = nextId++;
  current.ref();
  const finish = (settle: () => void) => {
    clearTimeout(timer);
    current.off('message', onMessage);
    current.off('exit', onExit);
    current.unref();
    running = false;
    settle();
    runNext();
  };
  const onMessage = (answer: { id: number; result?: ReadFile; error?: { problem?: FormatProblem; message: string } }) => {
    if (answer.id !== id) return;
    finish(() => answer.error
      ? job.reject(answer.error.problem ? new FormatError(answer.error.problem, answer.error.message) : new Error(answer.error.message))
      : job.resolve(answer.result!));
  };
  const onExit = (code: number) => {
    if (worker === current) worker = undefined;
    finish(() => job.reject(new Error(`The file reader stopped (exit code ${code}).`)));
  };
  const timer = setTimeout(() => {
    if (worker === current) worker = undefined;
    current.off('exit', onExit);
    void current.terminate();
    finish(() => job.reject(new FormatError('too-large', `The ${job.what} took more than ${Math.max(1, Math.round(job.timeLimitMs / 1000))} seconds to read, `
      + 'so Retouche stopped: the page is very large or very deeply nested. Paste the article\'s text instead.')));
  }, job.timeLimitMs);
  current.on('message', onMessage);
  current.on('exit', onExit);
  // The bytes are copied, not transferred: the caller may still hold them (an XLIFF file is kept).
  current.postMessage({ id, file: job.file, what: job.what });
}

/** Whether a reader worker is alive (it ends READER_IDLE_MS after its last read). */
export function isReaderRunning(): boolean {
  return worker !== undefined;
}

function stopWhenIdle(): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    const idle = worker;
    worker = undefined;
    void idle?.terminate();
  }, READER_IDLE_MS);
  idleTimer.unref();
}

function startReader(): Worker {
  const started = startModuleWorker(new URL('./read-article-worker.js', import.meta.url), { maxOldGenerationSizeMb: WORKER_HEAP_MB });
  started.unref();
  // A crash between reads is noticed by the next read's 'exit'; this keeps it from being thrown.
  started.on('error', () => undefined);
  return started;
}
