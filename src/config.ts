import path from 'node:path';

/** Everything the server reads from its environment, read once. */
export interface Config {
  readonly port: number;
  readonly databasePath: string;
  /** A postgres:// URL (DATABASE_URL) selects the PostgreSQL backend; undefined means SQLite at databasePath. */
  readonly databaseUrl: string | undefined;
  readonly seedsDirectory: string;
  /** Behind a reverse proxy: trust its X-Forwarded-* headers for HTTPS and client addresses. */
  readonly trustProxy: boolean;
  readonly logLevel: string;
  /** Let URL imports reach private and loopback addresses (RETOUCHE_ALLOW_PRIVATE_URLS=1): an intranet CMS, or tests. */
  readonly allowPrivateUrls: boolean;
}

/** Where the repository lives: dist/ and src/ both sit one level below it. */
const REPO_ROOT = path.resolve(import.meta.dirname, '..');

/** Read the configuration from `env`; throws on a value a person must fix, such as a non-numeric PORT. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number between 0 and 65535, got "${env.PORT}"`);
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error(`DATABASE_URL must be a postgres:// or postgresql:// URL, got "${databaseUrl.split('@').pop()}"`);
  }
  return Object.freeze({
    port,
    databasePath: path.resolve(env.RETOUCHE_DB || path.join(REPO_ROOT, 'data', 'retouche.db')),
    databaseUrl,
    seedsDirectory: path.resolve(env.RETOUCHE_SEEDS || path.join(REPO_ROOT, 'seeds')),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    logLevel: env.LOG_LEVEL || 'info',
    allowPrivateUrls: env.RETOUCHE_ALLOW_PRIVATE_URLS === '1',
  });
}
