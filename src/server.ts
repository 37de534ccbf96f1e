import { createApp } from './app.js';
import { readConfig } from './config.js';
import { importSeeds } from './services/import-seeds.js';
import { createSqliteStorage } from './storage/sqlite/index.js';

/** The one entry with side effects: read config, open storage, seed an empty database, listen. */
async function main(): Promise<void> {
  const config = readConfig();
  const storage = createSqliteStorage(config.databasePath);
  const seeded = await importSeeds(storage, config.seedsDirectory);
  if (seeded > 0) console.log(`Imported ${seeded} seed article(s) from ${config.seedsDirectory}`);
  const server = createApp({ storage }).listen(config.port, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    console.log(`Retouche is serving http://localhost:${port} (database ${config.databasePath})`);
  });
  const stop = () => {
    server.close(() => void storage.close().then(() => process.exit(0)));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
