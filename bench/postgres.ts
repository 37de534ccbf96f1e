import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { createPostgresStorage } from '../src/storage/postgres/index.js';
import { TEST_DATABASE_URL } from '../tests/support/test-server.js';
import { measureStorage } from './storage.js';
import type { BenchRow } from './types.js';

/**
 * The SQLite storage benchmark over PostgreSQL (DATABASE_URL, an administrator's URL: the bench
 * creates and drops a database of its own): saves per second while building a 10,000-revision
 * history, then rebuilding a random version against reading the sentence's row. Without
 * DATABASE_URL it returns one row saying so.
 */
export async function benchPostgres(adminUrl = TEST_DATABASE_URL): Promise<BenchRow[]> {
  if (!adminUrl) {
    return [{ name: 'storage: PostgreSQL benchmark skipped (set DATABASE_URL to a PostgreSQL server)', value: 0, unit: 'skipped' }];
  }
  const name = `retouche_bench_${process.pid}`;
  await runAsAdmin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const storage = await createPostgresStorage(url.toString());
  try {
    return await measureStorage(storage, { backend: 'PostgreSQL', saves: 'one connection at a time' });
  } finally {
    await storage.close();
    await runAsAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

async function runAsAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchPostgres());
}
