import { describe, expect, it } from 'vitest';
import { createLoginThrottle, LOGIN_THROTTLE_POLICY as POLICY } from '../../src/services/login-throttle.js';

/** A failed attempt: begin, and no success. Returns the seconds the throttle asked to wait (0 when it let the attempt go on). */
function fail(throttle: ReturnType<typeof createLoginThrottle>, account: string, address: string, now: number): number {
  return throttle.begin(account, address, now);
}

describe('login throttle', () => {
  it('slows one account from one address with delays that double, and never stops its owner elsewhere', () => {
    const throttle = createLoginThrottle();
    let now = 0;
    for (let attempt = 0; attempt < POLICY.freeFailuresPerAccount; attempt++) expect(fail(throttle, 'ben', 'attacker', now)).toBe(0);
    const waits: number[] = [];
    for (let round = 0; round < 12; round++) {
      const wait = throttle.begin('ben', 'attacker', now);
      expect(wait).toBeGreaterThan(0);
      waits.push(wait);
      now += wait * 1000;
      expect(fail(throttle, 'ben', 'attacker', now)).toBe(0);
    }
    expect(waits).toEqual([2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900]);
    // The owner, from an address with no failures, is let through at once, and after a success stays known there.
    expect(throttle.begin('Ben', 'newsroom', now)).toBe(0);
    throttle.recordSuccess('Ben', 'newsroom', now);
    expect(throttle.begin('ben', 'attacker', now)).toBeGreaterThan(0);
  });

  it('slows spraying many accounts from one address, but not colleagues who logged in from it before', () => {
    const throttle = createLoginThrottle();
    const now = 1_000_000;
    throttle.begin('cleo', 'newsroom', now);
    throttle.recordSuccess('cleo', 'newsroom', now);
    for (let account = 0; account < POLICY.freeFailuresPerAddress; account++) expect(fail(throttle, `user-${account}`, 'newsroom', now)).toBe(0);
    expect(throttle.begin('another-user', 'newsroom', now)).toBe(2);
    expect(throttle.begin('cleo', 'newsroom', now)).toBe(0);
    // The same address's twenty failures on one account block nobody else.
    const second = createLoginThrottle();
    for (let attempt = 0; attempt < 20; attempt++) second.begin('ben', 'newsroom', now + attempt * 1_000_000);
    expect(second.begin('dora', 'newsroom', now + 20_000_000)).toBe(0);
  });

  it('takes a successful attempt back, and forgets failures a day after the last one', () => {
    const throttle = createLoginThrottle();
    for (let attempt = 0; attempt < POLICY.freeFailuresPerAccount - 1; attempt++) fail(throttle, 'ana', 'home', 0);
    throttle.begin('ana', 'home', 0);
    throttle.recordSuccess('ana', 'home', 0);
    for (let attempt = 0; attempt < POLICY.freeFailuresPerAccount; attempt++) expect(fail(throttle, 'ana', 'home', 1)).toBe(0);
    expect(throttle.begin('ana', 'home', 1)).toBe(2);
    expect(throttle.begin('ana', 'home', 1 + POLICY.forgetAfterMs)).toBe(0);
  });
});
