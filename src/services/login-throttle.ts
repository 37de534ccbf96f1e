/**
 * Slowing down password guessing without handing anyone a way to lock others out. Failures are
 * counted in memory (a restart forgets them, which only helps an attacker who can restart the
 * server) under two keys:
 * - an account and an address together: after a few failures, each further attempt from that
 *   address for that account waits a delay that doubles with every failure. Guessing one account
 *   from one place slows down; the owner logging in from anywhere else is not touched.
 * - an address alone, for accounts that have never logged in from it: trying many accounts from
 *   one address (password spraying) slows down past a larger allowance, while colleagues behind
 *   the same address (a newsroom's one public address) who have logged in from it before are not
 *   touched, whatever an attacker among them does.
 * The account as a whole is never blocked, and the right password from an address with no
 * failures always works.
 */
export interface LoginThrottle {
  /**
   * Count an attempt before its password is checked, so parallel guesses cannot all slip under
   * the limit while the slow hash runs; returns the seconds to wait, 0 when the attempt may go on.
   */
  begin(account: string, address: string, now?: number): number;
  /** The password was right: the attempt no longer counts, and the account is known at this address. */
  recordSuccess(account: string, address: string, now?: number): void;
}

/** The policy, exported for the README and the tests. */
export const LOGIN_THROTTLE_POLICY = {
  /** Failures for one account from one address before delays start: a person mistyping does not reach it. */
  freeFailuresPerAccount: 5,
  /** Failures of never-seen accounts from one address before delays start for them. */
  freeFailuresPerAddress: 50,
  /** The first delay; each further failure doubles it. */
  firstDelayMs: 2_000,
  /** The longest delay for one account from one address, and for an address. */
  maxAccountDelayMs: 15 * 60 * 1000,
  maxAddressDelayMs: 60 * 1000,
  /** Failures are forgotten this long after the last one. */
  forgetAfterMs: 24 * 60 * 60 * 1000,
  /** An account counts as known at an address this long after it last logged in from there. */
  knownForMs: 30 * 24 * 60 * 60 * 1000,
} as const;

/** Keys remembered at most per map; beyond it the oldest are forgotten, so a flood cannot fill memory. */
const MAX_KEYS = 50_000;

interface Failures {
  count: number;
  last: number;
}

export function createLoginThrottle(policy = LOGIN_THROTTLE_POLICY): LoginThrottle {
  const byPair = new Map<string, Failures>();
  const byAddress = new Map<string, Failures>();
  const knownPairs = new Map<string, number>();
  const pairKey = (account: string, address: string) => `${account.trim().toLowerCase()}\u0000${address}`;
  const current = (map: Map<string, Failures>, key: string, now: number) => {
    const failures = map.get(key);
    return failures && now - failures.last < policy.forgetAfterMs ? failures : { count: 0, last: 0 };
  };
  const isKnown = (key: string, now: number) => now - (knownPairs.get(key) ?? -Infinity) < policy.knownForMs;
  return {
    begin(account, address, now = Date.now()) {
      const pair = pairKey(account, address);
      const known = isKnown(pair, now);
      const pairFailures = current(byPair, pair, now);
      const addressFailures = current(byAddress, address, now);
      const until = Math.max(
        waitUntil(pairFailures, policy.freeFailuresPerAccount, policy.firstDelayMs, policy.maxAccountDelayMs),
        known ? 0 : waitUntil(addressFailures, policy.freeFailuresPerAddress, policy.firstDelayMs, policy.maxAddressDelayMs),
      );
      if (until > now) return Math.ceil((until - now) / 1000);
      remember(byPair, pair, { count: pairFailures.count + 1, last: now });
      // A known account's typos do not count against the colleagues behind its address.
      if (!known) remember(byAddress, address, { count: addressFailures.count + 1, last: now });
      return 0;
    },
    recordSuccess(account, address, now = Date.now()) {
      const pair = pairKey(account, address);
      byPair.delete(pair);
      if (!isKnown(pair, now)) {
        // The attempt was counted against the address in `begin`: take it back.
        const addressFailures = current(byAddress, address, now);
        if (addressFailures.count > 0) remember(byAddress, address, { ...addressFailures, count: addressFailures.count - 1 });
      }
      knownPairs.delete(pair);
      knownPairs.set(pair, now);
      forgetOldest(knownPairs);
    },
  };
}

/** When the next attempt may come: after `free` failures, the last one plus a delay doubling with each further failure. */
function waitUntil(failures: Failures, free: number, firstDelay: number, maxDelay: number): number {
  if (failures.count < free) return 0;
  return failures.last + Math.min(firstDelay * 2 ** Math.min(failures.count - free, 30), maxDelay);
}

function remember(map: Map<string, Failures>, key: string, failures: Failures): void {
  // Most recent last: a Map keeps insertion order, so the oldest are dropped first.
  map.delete(key);
  map.set(key, failures);
  forgetOldest(map);
}

function forgetOldest(map: Map<string, unknown>): void {
  while (map.size > MAX_KEYS) map.delete(map.keys().next().value!);
}
