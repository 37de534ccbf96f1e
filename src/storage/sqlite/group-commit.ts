import type Database from 'better-sqlite3';

/**
 * Group commit: writes queued during one turn of the event loop are committed together, in one
 * transaction and so one fsync, the way database servers share a log flush between concurrent
 * commits. With synchronous=FULL the fsync is most of a small write's cost, and better-sqlite3
 * blocks the event loop for it, so fifty editors saving at once would otherwise queue behind
 * fifty fsyncs. Nothing is acknowledged before its commit is durable: each promise settles only
 * after the shared COMMIT returns.
 */
export interface GroupCommit<Item, Result> {
  /**
   * Queue one write; it resolves with the write's result once committed, or rejects with its error.
   * `now` commits it at once, ahead of the writes waiting for the end of the turn (which it takes along).
   */
  submit(item: Item, options?: { now?: boolean }): Promise<Result>;
  /** Commit whatever is queued now, without waiting for the event loop (before the database closes). */
  flush(): Promise<void>;
  /** Commits made and writes they carried, for tests and diagnostics. */
  readonly stats: { readonly commits: number; readonly writes: number };
}

interface Queued<Item, Result> {
  item: Item;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

/**
 * `write` may be async (the repositories' code is): `exclusive` then keeps every other use of the
 * connection out until the group's transaction ends, since its statements would otherwise run
 * inside that transaction between two of the group's awaits.
 */
export function createGroupCommit<Item, Result>(
  db: Database.Database,
  write: (item: Item) => Result | Promise<Result>,
  exclusive: (commit: () => Promise<void>) => Promise<void> = (commit) => commit(),
): GroupCommit<Item, Result> {
  const queue: Queued<Item, Result>[] = [];
  let scheduled: NodeJS.Immediate | undefined;
  const stats = { commits: 0, writes: 0 };
  // IMMEDIATE takes the write lock before the first read, so another process cannot slip a write in between.
  const [begin, commit, rollback, savepoint, release, rollbackTo] = ['BEGIN IMMEDIATE', 'COMMIT', 'ROLLBACK',
    'SAVEPOINT one_write', 'RELEASE one_write', 'ROLLBACK TO one_write'].map((sql) => db.prepare(sql)) as Database.Statement[];

  // Each write runs in its own savepoint: one that throws is rolled back alone, and the rest of
  // its group still lands, as it would have on its own. Some errors (disk full, I/O) make SQLite
  // roll back the whole transaction instead: then the group stops there and fails as a whole,
  // since a later write would otherwise run and commit outside it.
  async function commitGroup(group: readonly Queued<Item, Result>[]): Promise<void> {
    const outcomes: ({ ok: true; result: Result } | { ok: false; error: unknown })[] = [];
    try {
      begin!.run();
      for (const { item } of group) {
        savepoint!.run();
        try {
          outcomes.push({ ok: true, result: await write(item) });
          release!.run();
        } catch (error) {
          if (!db.inTransaction) throw error;
          rollbackTo!.run();
          release!.run();
          outcomes.push({ ok: false, error });
        }
      }
      commit!.run();
    } catch (error) {
      // The group's transaction failed (lock timeout, disk full): nothing of the group was written.
      if (db.inTransaction) rollback!.run();
      for (const queued of group) queued.reject(error);
      return;
    }
    stats.commits += 1;
    stats.writes += group.length;
    outcomes.forEach((outcome, index) => {
      if (outcome.ok) group[index]!.resolve(outcome.result);
      else group[index]!.reject(outcome.error);
    });
  }

  function flush(): Promise<void> {
    if (scheduled) clearImmediate(scheduled);
    scheduled = undefined;
    if (queue.length === 0) return Promise.resolve();
    const group = queue.splice(0);
    return exclusive(() => commitGroup(group));
  }

  return {
    submit(item, { now = false } = {}) {
      return new Promise<Result>((resolve, reject) => {
        if (now) {
          queue.unshift({ item, resolve, reject });
          void flush();
          return;
        }
        queue.push({ item, resolve, reject });
        // setImmediate runs after the I/O callbacks of this turn: every save that arrived with this one joins it.
        scheduled ??= setImmediate(() => void flush());
      });
    },
    flush,
    stats,
  };
}
