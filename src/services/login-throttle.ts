/**
 * Failed-login counting per account and per address, in memory: a window of attempts that
 * slides. A restart forgets it, which only helps an attacker who can restart the server.
 */
export interface LoginThrottle {
  /** Seconds to wait before another attempt is allowed for this account or address, 0 when allowed. */
  retryAfter(account: string, address: string, now?: number): number;
  recordFailure(account: string, address: string, now?: number): void;
  recordSuccess(account: string): void;
}

/** The window failures are counted in. */
const WINDOW_MS = 15 * 60 * 1000;
/** Failures allowed per account in the window: a person mistyping does not reach it. */
const MAX_FAILURES_PER_ACCOUNT = 5;
/** Failures allowed per address: a newsroom behind one NAT address has many people. */
const MAX_FAILURES_PER_ADDRESS = 20;

export function createLoginThrottle(): LoginThrottle {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => {
    const times = (failures.get(key) ?? []).filter((time) => now - time < WINDOW_MS);
    if (times.length) failures.set(key, times);
    else failures.delete(key);
    return times;
  };
  const wait = (times: number[], max: number, now: number) =>
    (times.length < max ? 0 : Math.ceil((times[times.length - max]! + WINDOW_MS - now) / 1000));
  return {
    retryAfter(account, address, now = Date.now()) {
      return Math.max(
        wait(recent(`account:${account.toLowerCase()}`, now), MAX_FAILURES_PER_ACCOUNT, now),
        wait(recent(`address:${address}`, now), MAX_FAILURES_PER_ADDRESS, now),
      );
    },
    recordFailure(account, address, now = Date.now()) {
      for (const key of [`account:${account.toLowerCase()}`, `address:${address}`]) failures.set(key, [...recent(key, now), now]);
    },
    recordSuccess(account) {
      failures.delete(`account:${account.toLowerCase()}`);
    },
  };
}
