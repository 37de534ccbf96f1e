import type { Config } from '../config.js';
import { createPostgresStorage } from './postgres/index.js';
import { createSqliteStorage } from './sqlite/index.js';
import type { Storage } from './types.js';

/**
 * The one place that picks a backend: PostgreSQL when DATABASE_URL is set (several servers can
 * share it), otherwise the embedded SQLite file. Either is migrated before it is returned.
 */
export async function openStorage(config: Pick<Config, 'databasePath' | 'databaseUrl'>): Promise<Storage> {
  return config.databaseUrl ? createPostgresStorage(config.databaseUrl) : createSqliteStorage(config.databasePath);
}

/** Where the storage lives, for a log line: the SQLite file, or the PostgreSQL URL without its password. */
export function describeStorage(config: Pick<Config, 'databasePath' | 'databaseUrl'>): string {
  if (!config.databaseUrl) return `database ${config.databasePath}`;
  const url = new URL(config.databaseUrl);
  if (url.password) url.password = '***';
  return `PostgreSQL ${url.toString()}`;
}
