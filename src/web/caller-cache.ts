import type { Caller } from './auth.js';

/**
 * How long a caller found by its session cookie or API token is trusted without asking the
 * database again. A token revoked, a session ended or a user disabled or given another role takes
 * effect at once on the server where it was done (its handler clears this cache), and within this
 * time on any other server of the same database or through the users command.
 */
export const CALLER_TRUST_MS = 5_000;
// Distinct callers remembered at most; past that the cache starts afresh (an attacker trying
// random tokens adds nothing: unknown callers are never kept).
const MAX_CALLERS = 10_000;

/** Callers recently found, keyed on the secret they presented (kept in this process's memory only). */
export interface CallerCache {
  /** The caller for `secret`, from memory when found less than CALLER_TRUST_MS ago, else from `find` (kept only when found). */
  find(secret: string, find: () => Promise<Caller | undefined>): Promise<Caller | undefined>;
  /** Forget every caller: after anything that ends a session or token or changes a user. */
  clear(): void;
}

export function createCallerCache(now: () => number = Date.now): CallerCache {
  const callers = new Map<string, { caller: Caller; until: number }>();
  return {
    async find(secret, find) {
      const kept = callers.get(secret);
      if (kept && kept.until > now()) return kept.caller;
      callers.delete(secret);
      const caller = await find();
      if (caller) {
        if (callers.size >= MAX_CALLERS) callers.clear();
        callers.set(secret, { caller, until: now() + CALLER_TRUST_MS });
      }
      return caller;
    },
    clear() {
      callers.clear();
    },
  };
}
