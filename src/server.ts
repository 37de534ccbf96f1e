import { pino } from 'pino';
import { computeChecksFingerprint } from './analysis/fingerprint.js';
import { createWorkerRunner } from './analysis/runner.js';
import { createApp } from './app.js';
import { readConfig } from './config.js';
import { createUrlPolicy } from './services/fetch-page.js';
import { createAnalyzer } from './services/document-analysis.js';
import { createDocumentFeed } from './services/document-feed.js';
import { importSeeds } from './services/import-seeds.js';
import { describeStorage, openStorage } from './storage/open-storage.js';
import { createAppCaches } from './web/caches.js';

/** The one entry with side effects: read config, open storage, seed an empty database, listen. */
async function main(): Promise<void> {
  const config = readConfig();
  // The request log is written by pino's buffered asynchronous stream (up to 4 KB, flushed on exit):
  // a synchronous write per request cost every request a system call on its own thread.
  const logDestination = pino.destination({ sync: false, minLength: 4096 });
  const logger = pino({ level: config.logLevel }, logDestination);
  const storage = await openStorage(config);
  // The checks run in a worker thread, so that analysing a long article never stops the server answering.
  const analyzer = createAnalyzer({ storage, runner: createWorkerRunner(), fingerprint: computeChecksFingerprint() });
  const seeded = await importSeeds(storage, analyzer, config.seedsDirectory);
  if (seeded > 0) console.log(`Imported ${seeded} seed article(s) from ${config.seedsDirectory}`);
  if ((await storage.users.count()) === 0) {
    console.log('No account yet: open Retouche from this machine to create the first administrator, or run "npm run users -- add NAME --role admin".');
  }
  const caches = createAppCaches();
  const feed = createDocumentFeed(storage, analyzer);
  const server = createApp({
    storage, analyzer, caches, feed, logger, trustProxy: config.trustProxy, urlPolicy: createUrlPolicy({ allowPrivateAddresses: config.allowPrivateUrls }),
  }).listen(config.port, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    console.log(`Retouche is serving http://localhost:${port} (${describeStorage(config)})`);
  });
  const stop = () => {
    // Open event streams would keep the server from closing: they end first (clients reconnect elsewhere).
    feed.close();
    server.close(() => void analyzer.settle().then(() => analyzer.close()).then(() => storage.close()).then(() => {
      logDestination.flushSync();
      process.exit(0);
    }));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
