import { describe, expect, it } from 'vitest';
import type { Caller } from '../../src/web/auth.js';
import { CALLER_TRUST_MS, createCallerCache } from '../../src/web/caller-cache.js';

const ANA: Caller = {
  user: { id: 1, name: 'Ana', role: 'editor', disabled: false, createdAt: '2026-12-05T00:00:00.000Z' } as Caller['user'],
  via: 'token', csrfToken: null,
};

describe('the caller cache', () => {
  it('asks the database once per secret within the trust time, again after it, and never keeps an unknown caller', async () => {
    let now = 1_000_000;
    const cache = createCallerCache(() => now);
    let lookups = 0;
    let known = true;
    const find = async () => {
      lookups += 1;
      return known ? ANA : undefined;
    };
    expect(await cache.find('token a', find)).toBe(ANA);
    now += CALLER_TRUST_MS - 1;
    expect(await cache.find('token a', find)).toBe(ANA);
    expect(lookups).toBe(1);
    // Revoked elsewhere (another server, the users command): trusted until the time is up, then refused.
    known = false;
    now += 1;
    expect(await cache.find('token a', find)).toBeUndefined();
    expect(await cache.find('token a', find)).toBeUndefined();
    expect(lookups).toBe(3);
  });

  it('forgets everyone when cleared (a revocation on this server takes effect at once)', async () => {
    const cache = createCallerCache(() => 0);
    let lookups = 0;
    const find = async () => {
      lookups += 1;
      return ANA;
    };
    await cache.find('session s', find);
    cache.clear();
    await cache.find('session s', find);
    expect(lookups).toBe(2);
  });
});
