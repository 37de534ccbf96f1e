import pg from 'pg';

// BIGINT (ids, COUNT(*)) arrives as a string by default, because it can exceed 2^53. Ids and
// counts here stay far below that, and the storage interface promises numbers. The parser is set
// on this pool only, never on pg's global type registry.
const INT8_OID = 20;
const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

/** A connection pool to `url`; every backend query goes through it. */
export function createPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, types: TYPES, max: 10 });
  // An idle connection the server closed (a restart, a failover) is replaced at the next query;
  // without a listener its error event would end the process.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * Run `work` on one client between BEGIN and COMMIT, rolling back when it throws. Every write of
 * more than one row goes through here: a pool would otherwise send each statement to any client.
 */
export async function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let usable = true;
  try {
    return await runInTransaction(client, () => work(client));
  } catch (error) {
    usable = !(error instanceof RollbackFailed);
    throw usable ? error : (error as RollbackFailed).cause;
  } finally {
    // A client whose ROLLBACK failed is in an unknown state: the pool discards it instead of reusing it.
    client.release(!usable);
  }
}

/** BEGIN, `work`, COMMIT on a client already checked out; ROLLBACK when anything throws. */
export async function runInTransaction<T>(client: pg.PoolClient, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch {
      throw new RollbackFailed(error);
    }
    throw error;
  }
}

class RollbackFailed extends Error {
  constructor(cause: unknown) {
    super('ROLLBACK failed', { cause });
  }
}
