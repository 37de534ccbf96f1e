import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../module-worker.js';
import { createAnalysisEngine, type AnalysisEngine } from './engine.js';

/** The analysis engine's methods, answered later: from a worker thread, or at once in this one. */
export type AnalysisRunner = {
  [Method in keyof AnalysisEngine]: (...args: Parameters<AnalysisEngine[Method]>) => Promise<ReturnType<AnalysisEngine[Method]>>;
} & {
  /** Stop the worker, if any; calls still waiting fail. */
  close(): Promise<void>;
};

/** A message to the worker; without an id nobody waits for its answer (applyTexts, drop). */
export interface Call {
  id?: number;
  method: keyof AnalysisEngine;
  args: unknown[];
}

// The worker's heap: a 100,000-word article's context and flags take ~100 MB at the peak; the
// server as a whole is held to its memory budget (README, Performance).
const WORKER_HEAP_MB = 384;
// Its young generation: V8's default let the worker's short-lived garbage (tokens, flags of a long
// article) grow by tens of MB before a scavenge; 8 MB held the server's peak 12 MB lower through the
// large-article bench at no measurable cost in analysis time.
const WORKER_YOUNG_GENERATION_MB = 8;
// Methods whose answer nobody waits for: they are sent in order with the others, so a later call sees them.
const FIRE_AND_FORGET: ReadonlySet<keyof AnalysisEngine> = new Set(['applyTexts', 'drop']);
const METHODS: readonly (keyof AnalysisEngine)[] = ['analyseDocument', 'load', 'analyseText', 'applyTexts', 'refresh', 'sync', 'drop'];

/**
 * The engine in a worker thread, started on first use and again after a crash (a document too
 * large for its heap, say): what it held is then gone, and it answers "not loaded" until told again.
 */
export function createWorkerRunner(): AnalysisRunner {
  let worker: Worker | undefined;
  let nextId = 1;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

  function start(): Worker {
    const started = startModuleWorker(new URL('./worker.js', import.meta.url), { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB });
    // An idle worker does not keep the process alive; one with calls in flight does (see call).
    started.unref();
    started.on('message', ({ id, result, error }: { id: number; result?: unknown; error?: { message: string; stack?: string } }) => {
      const pending = waiting.get(id);
      if (!pending) return;
      waiting.delete(id);
      if (waiting.size === 0) started.unref();
      if (error) pending.reject(Object.assign(new Error(error.message), { stack: error.stack }));
      else pending.resolve(result);
    });
    const fail = (error: Error) => {
      if (worker === started) worker = undefined;
      for (const pending of waiting.values()) pending.reject(error);
      waiting.clear();
    };
    started.on('error', fail);
    started.on('exit', (code) => fail(new Error(`The analysis worker stopped (exit code ${code}).`)));
    return started;
  }

  function call(method: keyof AnalysisEngine, args: unknown[]): Promise<unknown> {
    worker ??= start();
    if (FIRE_AND_FORGET.has(method)) {
      worker.postMessage({ method, args } satisfies Call);
      return Promise.resolve(undefined);
    }
    const id = nextId++;
    const target = worker;
    target.ref();
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      target.postMessage({ id, method, args } satisfies Call);
    });
  }

  const runner = Object.fromEntries(METHODS.map((method) => [method, (...args: unknown[]) => call(method, args)])) as Omit<AnalysisRunner, 'close'>;
  return {
    ...runner,
    async close() {
      const stopping = worker;
      worker = undefined;
      await stopping?.terminate();
    },
  };
}

/** The engine in this thread: the same answers, without a worker (tests, and tools that analyse once). */
export function createInProcessRunner(): AnalysisRunner {
  const engine = createAnalysisEngine();
  const runner = Object.fromEntries(METHODS.map((method) => [method, async (...args: unknown[]) => (engine[method] as (...values: unknown[]) => unknown)(...args)]));
  return { ...(runner as Omit<AnalysisRunner, 'close'>), close: async () => undefined };
}
