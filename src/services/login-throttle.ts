/**
 * Failed-login counting per account and per address, in memory: a window of attempts that
 * slides. A restart forgets it, which only helps an attacker who can restart the server.
 */
export interface LoginThrottle {
  /**
   * Count an attempt before its password is checked, so parallel guesses cannot all slip under
   * the limit while the slow hash runs; returns the seconds to wait, 0 when the attempt may go on.
   */
  begin(account: string, address: string, now?: number): number;
  /** The password was right: the attempt no longer counts against the account. */
  recordSuccess(account: string, address: string, now?: number): void;
}

/** The window failures are counted in. */
const WINDOW_MS = 15 * 60 * 1000;
/** Failures allowed per account in the window: a person mistyping does not reach it. */
const MAX_FAILURES_PER_ACCOUNT = 5;
/** Failures allowed per address: a newsroom behind one NAT address has many people. */
const MAX_FAILURES_PER_ADDRESS = 20;
/** Keys remembered at most; beyond it the oldest are forgotten, so a flood cannot fill memory. */
const MAX_KEYS = 50_000;

export function createLoginThrottle(): LoginThrottle {
  const attempts = new Map<string, number[]>();
  const recent = (key: string, now: number) => (attempts.get(key) ?? []).filter((time) => now - time < WINDOW_MS);
  const wait = (times: number[], max: number, now: number) =>
    (times.length < max ? 0 : Math.ceil((times[times.length - max]! + WINDOW_MS - now) / 1000));
  const keys = (account: string, address: string) => [`account:${account.toLowerCase()}`, `address:${address}`] as const;
  return {
    begin(account, address, now = Date.now()) {
      const [accountKey, addressKey] = keys(account, address);
      const byAccount = recent(accountKey, now);
      const byAddress = recent(addressKey, now);
      const seconds = Math.max(wait(byAccount, MAX_FAILURES_PER_ACCOUNT, now), wait(byAddress, MAX_FAILURES_PER_ADDRESS, now));
      if (seconds > 0) return seconds;
      attempts.set(accountKey, [...byAccount, now]);
      attempts.set(addressKey, [...byAddress, now]);
      while (attempts.size > MAX_KEYS) attempts.delete(attempts.keys().next().value!);
      return 0;
    },
    recordSuccess(account, address, now = Date.now()) {
      const [accountKey, addressKey] = keys(account, address);
      attempts.delete(accountKey);
      // The successful attempt was counted against the address too: take it back.
      const byAddress = recent(addressKey, now);
      byAddress.pop();
      attempts.set(addressKey, byAddress);
    },
  };
}
