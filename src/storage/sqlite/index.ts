import path from 'node:path';
import type Database from 'better-sqlite3';
import { createStorage } from '../create-storage.js';
import { bindParameters, createQueryBuilder, type Engine, type Executor, type Query, type TransactionOptions } from '../engine.js';
import type { Storage } from '../types.js';
import { createGroupCommit, type GroupCommit } from './group-commit.js';
import { openDatabase } from './open-database.js';

/** The SQLite backend, with the group commit its saves share (its stats are for tests). */
export interface SqliteStorage extends Storage {
  readonly groupCommit: Pick<GroupCommit<unknown, unknown>, 'stats'>;
}

/** The SQLite backend: one database file in WAL mode, migrated on open. */
export function createSqliteStorage(file: string): SqliteStorage {
  const engine = createSqliteEngine(openDatabase(file));
  return { ...createStorage(engine), groupCommit: engine.groupCommit };
}

/**
 * Connections to one file from this process share one lock. SQLite's own lock would make a second
 * connection wait for the first one's transaction by blocking the event loop, which that
 * transaction needs to go on: both would stall until the busy timeout.
 */
const locks = new Map<string, { idle?: Promise<void> }>();
function lockOf(file: string): { idle?: Promise<void> } {
  if (file === ':memory:') return {};
  const key = path.resolve(file);
  let lock = locks.get(key);
  if (!lock) locks.set(key, (lock = {}));
  return lock;
}

/**
 * Queries on one better-sqlite3 connection. Its calls are synchronous, but the repositories'
 * transactions await between statements, and any other statement run on the connection meanwhile
 * would land inside the open transaction: so a transaction holds the connection alone, and
 * statements from outside wait for it to end.
 */
function createSqliteEngine(db: Database.Database): Engine & { readonly groupCommit: GroupCommit<unknown, unknown> } {
  const kept = new Map<Query<unknown, unknown>, Database.Statement>();
  const prepare = (query: Query<unknown, unknown>) => {
    if (!query.keep) return db.prepare(query.sql);
    let statement = kept.get(query);
    if (!statement) kept.set(query, (statement = db.prepare(query.sql)));
    return statement;
  };
  // better-sqlite3 binds numbers, strings, bigints, buffers and null; SQLite keeps booleans as 0 and 1.
  const bound = (query: Query<unknown, unknown>, params: unknown) =>
    bindParameters(query, params, (value) => (typeof value === 'boolean' ? Number(value) : value));
  const lock = lockOf(db.name);
  async function exclusive<T>(work: () => Promise<T>): Promise<T> {
    while (lock.idle) await lock.idle;
    let done!: () => void;
    lock.idle = new Promise((resolve) => (done = resolve));
    try {
      return await work();
    } finally {
      lock.idle = undefined;
      done();
    }
  }
  const inside = {
    all: async (query, params) => prepare(query).all(bound(query, params)),
    first: async (query, params) => prepare(query).get(bound(query, params)),
    run: async (query, params) => void prepare(query).run(bound(query, params)),
    count: async (query, params) => prepare(query).run(bound(query, params)).changes,
  } as Executor;
  // Outside a transaction, a statement waits for the one in progress to end.
  const whenUnlocked = <Args extends unknown[], Result>(run: (...args: Args) => Promise<Result>) => {
    const waiting = (...args: Args): Promise<Result> => (lock.idle ? lock.idle.then(() => waiting(...args)) : run(...args));
    return waiting;
  };
  const outside = {
    all: whenUnlocked(inside.all), first: whenUnlocked(inside.first), run: whenUnlocked(inside.run), count: whenUnlocked(inside.count),
  } as Executor;

  // Every transaction is a savepoint in a group commit: saves wait for the end of the turn to
  // share it, anything else commits at once (with whatever saves are waiting).
  const groupCommit = createGroupCommit(db, (work: (tx: Executor) => Promise<unknown>) => work(inside), exclusive);
  return {
    ...outside,
    db: createQueryBuilder('sqlite'),
    dialect: 'sqlite',
    transaction: <T>(work: (tx: Executor) => Promise<T>, { grouped = false }: TransactionOptions = {}) =>
      groupCommit.submit(work, { now: !grouped }) as Promise<T>,
    groupCommit,
    async close() {
      // Saves still waiting for their group's commit are written, not dropped; a transaction under way ends first.
      await groupCommit.flush();
      await exclusive(async () => db.close());
    },
  };
}
