import path from 'node:path';
import type Database from 'better-sqlite3';
import { createStorage } from '../create-storage.js';
import {
  bindParameters, createQueryBuilder, type Engine, type Executor, type Query, type TransactionExecutor, type TransactionOptions,
} from '../engine.js';
import type { Storage } from '../types.js';
import { createGroupCommit, type GroupCommit } from './group-commit.js';
import { openDatabase, openReader } from './open-database.js';

/** The SQLite backend, with the group commit its saves share (its stats are for tests). */
export interface SqliteStorage extends Storage {
  readonly groupCommit: Pick<GroupCommit<unknown, unknown>, 'stats'>;
}

/** The SQLite backend: one database file in WAL mode, migrated on open. */
export function createSqliteStorage(file: string): SqliteStorage {
  const writer = openDatabase(file);
  const engine = createSqliteEngine(writer, file === ':memory:' ? undefined : openReader(file));
  return { ...createStorage(engine), groupCommit: engine.groupCommit };
}

/**
 * Connections to one file from this process share one lock. SQLite's own lock would make a second
 * connection wait for the first one's transaction by blocking the event loop, which that
 * transaction needs to go on: both would stall until the busy timeout. They also share their
 * listeners: a SQLite file has one server, this process, so what one connection's transactions
 * announce is heard by every connection to the file here.
 */
interface SharedFile {
  idle?: Promise<void> | undefined;
  readonly listeners: Set<(message: string) => void>;
}
const files = new Map<string, SharedFile>();
function sharedFileOf(file: string): SharedFile {
  if (file === ':memory:') return { listeners: new Set() };
  const key = path.resolve(file);
  let shared = files.get(key);
  if (!shared) files.set(key, (shared = { listeners: new Set() }));
  return shared;
}

/**
 * Statements kept by SQL text for queries compiled per call (the text of a page's filter, a list
 * of ids): preparing one cost a document page about a tenth of its time. Long texts (multi-row
 * INSERTs of an import) are used once and not kept.
 */
const RECENT_STATEMENTS = 256;
const MAX_RECENT_SQL_LENGTH = 4_096;

/**
 * Queries on one better-sqlite3 connection. Its calls are synchronous, but the repositories'
 * transactions await between statements, and any other statement run on the connection meanwhile
 * would land inside the open transaction: so a transaction holds the connection alone, and writes
 * from outside wait for it to end. Reads from outside go to `reader`, a read-only connection that
 * sees the last commit at once, as a PostgreSQL pool's other connections do: an import of 100,000
 * sentences holds its transaction for seconds, and every page and login would otherwise wait.
 */
function createSqliteEngine(db: Database.Database, reader?: Database.Database): Engine & { readonly groupCommit: GroupCommit<unknown, unknown> } {
  const preparerOf = (connection: Database.Database) => {
    const kept = new Map<Query<unknown, unknown>, Database.Statement>();
    const recent = new Map<string, Database.Statement>();
    return (query: Query<unknown, unknown>) => {
      if (query.keep) {
        let statement = kept.get(query);
        if (!statement) kept.set(query, (statement = connection.prepare(query.sql)));
        return statement;
      }
      let statement = recent.get(query.sql);
      if (statement) {
        // Least recently used first: a hit moves to the end.
        recent.delete(query.sql);
      } else {
        statement = connection.prepare(query.sql);
        if (query.sql.length > MAX_RECENT_SQL_LENGTH) return statement;
        if (recent.size >= RECENT_STATEMENTS) recent.delete(recent.keys().next().value!);
      }
      recent.set(query.sql, statement);
      return statement;
    };
  };
  const prepare = preparerOf(db);
  // better-sqlite3 binds numbers, strings, bigints, buffers and null; SQLite keeps booleans as 0 and 1.
  const bound = (query: Query<unknown, unknown>, params: unknown) =>
    bindParameters(query, params, (value) => (typeof value === 'boolean' ? Number(value) : value));
  const lock = sharedFileOf(db.name);
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
  const prepareRead = reader && preparerOf(reader);
  // A write that returns rows (INSERT … RETURNING) is a write: only SELECTs run on the reader. A
  // read-only connection prepares a write (it refuses it only when run), so the reader's statement tells.
  const readingStatement = (query: Query<unknown, unknown>) => {
    const statement = prepareRead?.(query);
    return statement?.readonly ? statement : undefined;
  };
  const waitingAll = whenUnlocked((query: Query<unknown, unknown>, params: unknown) => inside.all(query, params));
  const waitingFirst = whenUnlocked((query: Query<unknown, unknown>, params: unknown) => inside.first(query, params));
  const outside = {
    all: async (query: Query<unknown, unknown>, params: unknown) =>
      readingStatement(query)?.all(bound(query, params)) ?? waitingAll(query, params),
    first: async (query: Query<unknown, unknown>, params: unknown) => {
      const statement = readingStatement(query);
      return statement ? statement.get(bound(query, params)) : waitingFirst(query, params);
    },
    run: whenUnlocked(inside.run), count: whenUnlocked(inside.count),
  } as Executor;

  // Every transaction is a savepoint in a group commit: saves wait for the end of the turn to
  // share it, anything else commits at once (with whatever saves are waiting).
  const groupCommit = createGroupCommit(db, (work: () => Promise<unknown>) => work(), exclusive);
  return {
    ...outside,
    db: createQueryBuilder('sqlite'),
    dialect: 'sqlite',
    async transaction<T>(work: (tx: TransactionExecutor) => Promise<T>, { grouped = false }: TransactionOptions = {}): Promise<T> {
      const announced: string[] = [];
      const tx: TransactionExecutor = { ...inside, announce: async (message) => void announced.push(message) };
      const result = await groupCommit.submit(() => work(tx), { now: !grouped }) as T;
      // Committed (the group commit settles only then): now the listeners may hear of it.
      for (const message of announced) for (const listener of lock.listeners) listener(message);
      return result;
    },
    listen(listener) {
      const own = (message: string) => listener(message);
      lock.listeners.add(own);
      return () => void lock.listeners.delete(own);
    },
    groupCommit,
    async close() {
      // Saves still waiting for their group's commit are written, not dropped; a transaction under way ends first.
      await groupCommit.flush();
      await exclusive(async () => {
        reader?.close();
        db.close();
      });
    },
  };
}
