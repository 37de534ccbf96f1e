import { describe, expect, it } from 'vitest';
import { classifyCorrection, type CorrectionClass } from '../../src/history/classify-correction.js';

const cases: [string, string, CorrectionClass[]][] = [
  // Nothing changed.
  ['The cat sleeps.', 'The cat sleeps.', []],
  // Only non-letter, non-digit characters.
  ['"We are convinced," Microsoft said.', '“We are convinced,” Microsoft said.', ['punctuation-and-typography']],
  ['Trump , who', 'Trump, who', ['punctuation-and-typography']],
  ['every day', 'everyday', ['punctuation-and-typography']],
  ['He left - quickly.', 'He left — quickly.', ['punctuation-and-typography']],
  // Only case.
  ['Donald trump', 'Donald Trump', ['names-and-casing']],
  ['the application filed a complaint.', 'The application filed a complaint.', ['names-and-casing']],
  // A capitalised name replaced or respelled, not at the sentence start.
  ['The group Walmart confirmed.', 'The group Wal-Mart confirmed.', ['names-and-casing']],
  // Numbers, including a number written another way.
  ['before September 20.', 'before 20 September.', ['word-order']],
  ['It costs 3.5 dollars.', 'It costs 3,5 dollars.', ['numbers']],
  ['20,000 people', '20 000 people', ['numbers']],
  ['He signed 2 decrees.', 'He signed two decrees.', ['numbers']],
  ['He signed decrees.', 'He signed 2 decrees.', ['numbers']],
  // Beside a number, other words replaced are a word choice as well.
  ['3 people died on Sunday.', 'Three people were killed on Sunday.', ['word-choice', 'numbers']],
  // Same words, another order; the capital that moves with the sentence start is part of it.
  ['Yesterday the president came.', 'The president came yesterday.', ['word-order']],
  ['He signed the decree yesterday.', 'Yesterday he signed the order.', ['word-choice', 'word-order']],
  // Only inserted or only removed words.
  ['He said it.', 'He said it again.', ['addition']],
  ['He has clearly said it.', 'He has said it.', ['deletion']],
  // Anything else.
  ['the tenant of the White House', 'the occupant of the White House', ['word-choice']],
  ['the tenant of the White House.', 'the occupant of the White House!', ['word-choice', 'punctuation-and-typography']],
  // A run touching a number is a number correction, whatever else it holds.
  ['Donald trump signed 2 decrees.', 'Donald Trump quickly signed two decrees.', ['addition', 'names-and-casing', 'numbers']],
  ['This is an announcement that will not fail to react the tenant of the White House as he has invested in the file.',
    'This announcement is sure to draw a reaction from the occupant of the White House, who has taken a personal interest in the matter.',
    // "is" moved after "announcement", "an" went; the comma came with "who", in a run that changes words.
    ['word-choice', 'word-order', 'deletion']],
  ['Photo credit', '', ['deletion']],
  ['', 'New text', ['addition']],
];

describe('classifyCorrection', () => {
  it.each(cases)('%j -> %j', (before, after, expected) => {
    expect(classifyCorrection(before, after)).toEqual(expected);
  });

  it('calls a rewrite too long to diff a word choice, not a case change of the words both sides share', () => {
    const words = (prefix: string) => Array.from({ length: 400 }, (_, index) => `${prefix}${String.fromCharCode(97 + (index % 26))} the`).join(' ');
    expect(classifyCorrection(words('old'), words('new'))).toEqual(['word-choice']);
  });

  it('gives a class to every change and none to no change', () => {
    for (const [before, after] of cases) {
      expect(classifyCorrection(before, after).length > 0).toBe(before !== after);
    }
  });
});
