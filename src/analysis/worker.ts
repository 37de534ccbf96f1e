/**
 * The analysis worker thread's entry: an analysis engine (engine.ts) answering the messages of
 * runner.ts, one at a time, so that analysing a long article never holds up the requests the main
 * thread is answering.
 */
import { parentPort } from 'node:worker_threads';
import { createAnalysisEngine, type AnalysisEngine } from './engine.js';
import type { Call } from './runner.js';

const engine = createAnalysisEngine();
const port = parentPort!;

port.on('message', ({ id, method, args }: Call) => {
  try {
    const run = engine[method] as (...values: unknown[]) => unknown;
    const result = run(...args);
    if (id !== undefined) port.postMessage({ id, result });
  } catch (error) {
    if (id !== undefined) port.postMessage({ id, error: error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) } });
  }
});

export type { AnalysisEngine };
