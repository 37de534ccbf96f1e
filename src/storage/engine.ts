import {
  DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, SqliteAdapter, SqliteIntrospector,
  SqliteQueryCompiler, type Compilable,
} from 'kysely';
import type { Schema } from './schema.js';

/**
 * What the repositories run their SQL on: written once over this, they work on either engine.
 * Kysely only builds and compiles the queries (its driver is a dummy); each engine executes the
 * compiled SQL itself, through statements it prepares once and keeps (better-sqlite3 `prepare`,
 * PostgreSQL named statements): compiling a query again on every call costs ~10 µs, a tenth of a save.
 */
export interface Executor {
  /** The rows a query returns: a SELECT, or a write with RETURNING. */
  all<Row, Params>(query: Query<Row, Params>, ...params: ParamsArgument<Params>): Promise<Row[]>;
  /** The first row a query returns, if any. */
  first<Row, Params>(query: Query<Row, Params>, ...params: ParamsArgument<Params>): Promise<Row | undefined>;
  run<Params>(query: Query<unknown, Params>, ...params: ParamsArgument<Params>): Promise<void>;
  /** Run a write; how many rows it changed. */
  count<Params>(query: Query<unknown, Params>, ...params: ParamsArgument<Params>): Promise<number>;
}

/** The statements of one transaction, and what it tells listeners once it commits. */
export interface TransactionExecutor extends Executor {
  /**
   * Tell every listener of this database (on every server sharing it) `message`, once this
   * transaction commits; nothing is said if it rolls back.
   */
  announce(message: string): Promise<void>;
}

export interface Engine extends Executor {
  /** Builds queries in this engine's SQL dialect; it never executes anything itself. */
  readonly db: Kysely<Schema>;
  /** Which SQL the engine speaks, for the few clauses one has and the other lacks (FOR UPDATE). */
  readonly dialect: 'sqlite' | 'postgres';
  /** Run `work` in one transaction on one connection: it commits when `work` resolves, rolls back when it throws. */
  transaction<T>(work: (tx: TransactionExecutor) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * Hear what committed transactions announce, through this engine or any other on the same
   * database; `RESYNC` when messages may have been missed (a lost connection). Returns the way to stop.
   */
  listen(listener: (message: string) => void): () => void;
  close(): Promise<void>;
}

/** What a listener hears when announcements may have been lost: everything may have changed. */
export const RESYNC = '*';

export interface TransactionOptions {
  /** May share its commit with those begun in the same turn of the event loop (SQLite's group commit). */
  grouped?: boolean;
  /** A table no other transaction may write until this one ends (PostgreSQL; SQLite's write transactions exclude each other). */
  lock?: keyof Schema;
}

/**
 * SQL text and its parameters, some of them named slots filled from the object given at each run.
 * `keep` asks the engine to prepare the statement once and keep it; a query whose text changes
 * from call to call (a list of ids, rows inserted in bulk) leaves it out.
 */
export interface Query<Row, Params = undefined> {
  readonly sql: string;
  readonly parameters: readonly unknown[];
  readonly keep?: true;
  /** Carries the row and parameter types only; never set. */
  readonly types?: { row: Row; params: Params };
}

type ParamsArgument<Params> = Params extends undefined ? [] : [params: Params];

/** A named slot in a prepared query's parameters. */
class Param {
  constructor(readonly name: string) {}
}

/** Build a query once with Kysely, with a named slot wherever `build` reads a field of its argument. */
export function prepareQuery<Row, Params extends object | undefined = undefined>(
  build: (params: Params) => Compilable<Row>,
): Query<Row, Params> {
  const { sql, parameters } = build(new Proxy({}, { get: (_target, name) => new Param(String(name)) }) as Params).compile();
  return { sql, parameters, keep: true };
}

/** A query compiled for one call, whose text depends on the call. */
export function compileQuery<Row>(query: Compilable<Row>): Query<Row> {
  const { sql, parameters } = query.compile();
  return { sql, parameters };
}

/** The parameters of one run: named slots filled from `params`, constants as compiled, each passed through `convert`. */
export function bindParameters(query: Query<unknown, unknown>, params: unknown, convert = (value: unknown) => value): unknown[] {
  return query.parameters.map((value) => convert(value instanceof Param ? (params as Record<string, unknown>)[value.name] ?? null : value));
}

/** A Kysely that compiles for `dialect` and has no connection. */
export function createQueryBuilder(dialect: 'sqlite' | 'postgres'): Kysely<Schema> {
  const [Adapter, Introspector, Compiler] = dialect === 'sqlite'
    ? [SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler] : [PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler];
  return new Kysely<Schema>({
    dialect: {
      createAdapter: () => new Adapter(), createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new Introspector(db), createQueryCompiler: () => new Compiler(),
    },
  });
}

/** Rows per multi-row INSERT: well below both engines' limits on parameters (32,766 in SQLite, 65,535 in PostgreSQL). */
const ROWS_PER_INSERT = 1_000;

/** `items` in slices of at most ROWS_PER_INSERT, to insert a slice per statement. */
export function chunksOf<Item>(items: readonly Item[]): Item[][] {
  const chunks: Item[][] = [];
  for (let start = 0; start < items.length; start += ROWS_PER_INSERT) chunks.push(items.slice(start, start + ROWS_PER_INSERT));
  return chunks;
}

/**
 * Compare as SQLite's BINARY collation does (UTF-8 bytes). Lists that promise that order sort
 * with this, since ORDER BY follows the database's locale on PostgreSQL.
 */
export function compareBytewise(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** Rows per page of a long read (readInPages). */
export const ROWS_PER_READ = 2_000;

/**
 * All the rows of a long ordered list, read a page at a time (`readPage(after)` returns at most
 * ROWS_PER_READ rows whose key is above `after`), with a turn of the event loop between pages: a
 * 100,000-sentence document read in one query held every other request for 400 ms. Outside a
 * transaction, a row changed while the pages are read is seen as it was when its page was read.
 */
export async function readInPages<Row>(readPage: (after: number) => Promise<Row[]>, keyOf: (row: Row) => number): Promise<Row[]> {
  const rows: Row[] = [];
  // Keys are positions and ids, never negative.
  for (let after = -1; ;) {
    const page = await readPage(after);
    rows.push(...page);
    if (page.length < ROWS_PER_READ) return rows;
    after = keyOf(page[page.length - 1]!);
    await yieldToEventLoop();
  }
}

/**
 * Let the event loop run between the statements of a long write (thousands of rows): SQLite's
 * calls block it, and requests that need no database (or only after this write) go on meanwhile.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
