import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../src/services/bounded-cache.js';

describe('BoundedCache', () => {
  it('drops the least recently used entries beyond its weight', () => {
    const cache = new BoundedCache<string, string>(6, (_key, value) => value.length);
    cache.set('a', 'aa');
    cache.set('b', 'bb');
    cache.set('c', 'cc');
    expect(cache.get('a')).toBe('aa');
    cache.set('d', 'dd');
    // "b" was the least recently used once "a" was read.
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c'), cache.get('d')]).toEqual(['aa', 'cc', 'dd']);
  });

  it('counts a replaced value once, and keeps the entry just set even when it alone is too heavy', () => {
    const cache = new BoundedCache<string, string>(4, (_key, value) => value.length);
    cache.set('a', 'aa');
    cache.set('a', 'aaa');
    cache.set('b', 'b');
    expect([cache.get('a'), cache.get('b')]).toEqual(['aaa', 'b']);
    cache.set('c', 'cccccc');
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, undefined, 'cccccc']);
    cache.delete('c');
    cache.set('d', 'dddd');
    expect(cache.get('d')).toBe('dddd');
  });
});
