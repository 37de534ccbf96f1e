import { describe, expect, it } from 'vitest';
import { isSentenceStart, matchCase } from '../../src/checks/flag.js';

describe('matchCase', () => {
  it.each([
    // "the US IT giant": an acronym is not sentence casing.
    ['tech giant', 'IT giant', false, 'tech giant'],
    ['tech giant', 'IT giant', true, 'Tech giant'],
    ['occupant', 'Tenant', false, 'Occupant'],
    ['occupant', 'tenant', false, 'occupant'],
    ['occupant', 'tenant', true, 'Occupant'],
    ['an', 'A', false, 'An'],
    ['A&E', 'urgencies', false, 'A&E'],
    ['the eurozone', 'EU zone', false, 'the eurozone']
  ])('%j for %j (sentence start %j)', (replacement, original, startsSentence, expected) => {
    expect(matchCase(replacement, original, startsSentence)).toBe(expected);
  });
});

describe('isSentenceStart', () => {
  it('skips quotes and brackets but not words', () => {
    expect(isSentenceStart('"IT giants are', 1)).toBe(true);
    expect(isSentenceStart('The US IT giant', 8)).toBe(false);
  });
});
