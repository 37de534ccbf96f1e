import { describe, expect, it } from 'vitest';
import { findConfirmedFlags, isFlagConfirmed } from '../../src/review/confirmed-flag.js';

const span = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });

describe('isFlagConfirmed', () => {
  const sentence = 'The complaint of the government against the proposals was rejected on Monday.';
  it.each([
    ['the flagged word replaced, the rest kept', 'The grievance of the government against the proposals was rejected on Monday.', 'complaint', true],
    ['the flagged word kept, another changed', 'The complaint of the government against the plans was rejected on Monday.', 'complaint', false],
    ['the whole sentence rewritten', "Ministers' grievance over the plans was thrown out.", 'complaint', false],
    ['the flagged word changed and 6 of the 11 other words kept', 'A grievance from a cabinet about the proposals was rejected on Monday.', 'complaint', true],
    ['the flagged word changed and 5 of the 11 other words kept', 'A grievance from a cabinet about these proposals was rejected on Monday.', 'complaint', false],
    ['the flagged word and more than half of the others changed', 'A grievance from a cabinet about these ideas got thrown out on Monday.', 'complaint', false],
    ['nothing changed', sentence, 'complaint', false],
  ])('%s', (_, after, words, expected) => {
    expect(isFlagConfirmed(sentence, after, span(sentence, words))).toBe(expected);
  });

  it('counts a comma inserted at the edge of the flagged words, spaces aside', () => {
    const before = 'The application for its part filed a new request.';
    expect(isFlagConfirmed(before, 'The application, for its part, filed a new request.', span(before, 'for its part'))).toBe(true);
  });

  it('confirms a flag over the whole sentence when the sentence changes: it has no other words to keep', () => {
    const before = 'Le gouvernement a démissionné.';
    expect(isFlagConfirmed(before, 'The government resigned.', { start: 0, end: before.length })).toBe(true);
  });

  it('picks, of several flags, those whose words changed', () => {
    const before = 'The tenant of the White House spoke of a complaint.';
    const flags = [span(before, 'tenant'), span(before, 'White House'), span(before, 'complaint')];
    expect(findConfirmedFlags(before, 'The occupant of the White House spoke of a grievance.', flags)).toEqual([flags[0], flags[2]]);
  });

  it('answers 500 flags on a sentence of 13,000 words at once, each as it answers one flag alone', () => {
    const words = Array.from({ length: 13_000 }, (_, index) => `w${index % 97}x`);
    const before = words.join(' ');
    const after = before.replace('w5x w6x', 'changed');
    let offset = 0;
    const flags = words.map((word) => ({ start: (offset += word.length + 1) - word.length - 1, end: offset - 1 })).filter((_, index) => index % 26 === 5).slice(0, 500);
    const started = performance.now();
    const confirmed = findConfirmedFlags(before, after, flags);
    expect(performance.now() - started).toBeLessThan(500);
    // Each flag alone gives the same answer (a sample: each alone diffs the whole sentence again).
    const sample = flags.filter((_, index) => index % 25 === 0 || confirmed.includes(flags[index]!));
    expect(sample.filter((flag) => confirmed.includes(flag))).toEqual(sample.filter((flag) => isFlagConfirmed(before, after, flag)));
    expect(confirmed.length).toBeGreaterThan(0);
  });
});
