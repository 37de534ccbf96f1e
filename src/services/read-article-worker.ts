/**
 * The worker thread that reads files into articles (read-article-off-thread.ts sends them): a web
 * page's article extraction can take seconds on a large or deeply nested page, and must not hold up
 * the requests the main thread answers.
 */
import { parentPort } from 'node:worker_threads';
import { FormatError } from '../formats/format-error.js';
import { readArticleFile, type GivenFile } from './read-article-file.js';

const port = parentPort!;

port.on('message', async ({ id, file, what }: { id: number; file: GivenFile; what: string }) => {
  try {
    port.postMessage({ id, result: await readArticleFile(file, what) });
  } catch (error) {
    const problem = error instanceof FormatError ? error.problem : undefined;
    port.postMessage({ id, error: { problem, message: error instanceof Error ? error.message : String(error) } });
  }
});
