import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * A worker thread running one of Retouche's modules, given as the URL of its `.ts` source beside
 * the caller (`new URL('./x-worker.js', import.meta.url)` resolves to the built `.js` under dist/).
 * From the TypeScript sources (tests, tsx), the worker first takes tsx's loader, which a worker does
 * not inherit from the thread that starts it.
 */
export function startModuleWorker(moduleUrl: URL, resourceLimits?: ResourceLimits): Worker {
  const options = resourceLimits ? { resourceLimits } : {};
  if (!import.meta.url.endsWith('.ts')) return new Worker(moduleUrl, options);
  const source = new URL(moduleUrl.href.replace(/\.js$/, '.ts'));
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source.href)}); });`,
    { eval: true, ...options });
}
