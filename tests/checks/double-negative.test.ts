import { describe, expect, it } from 'vitest';
import { doubleNegative } from '../../src/checks/double-negative.js';
import { describeCheck } from './check-table.js';

describeCheck(doubleNegative, {
  flag: [
    ['No leader of the party will not accept the deal.', [' not']],
    ['Nobody cannot see that the plan has failed.', ['cannot']],
    ['Never before such anger had not been seen in the capital.', [' not']],
    ['None of the ministers would not comment on Tuesday.', [' not']],
    ["Nothing won't change for the farmers.", ["won't"]],
    ['Neither the president nor his adviser did not attend.', [' not']],
    ['The talks failed because neither side would not give ground.', [' not']],
    ['Prices rose, and nobody could not see why.', [' not']]
  ],
  pass: [
    'No leader of the party will accept the deal.',
    'Nothing suggests the plan will not work.',
    'No one who has not voted can complain.',
    'He never said he would not run again.',
    'No longer will the council not listen.',
    'No fewer than 20 people were not paid.',
    'The no vote was not a surprise.',
    'A no-deal exit would not help.',
    'Countries with no oil do not benefit.',
    'Leaders who never risk their popularity are not worthy of their posts.',
    'No, the minister will not resign.',
    'Nobody knows whether the talks will not collapse.',
    'No country is not only a victim but also a player.',
    'The company does not sell cars and never will.'
  ]
});

describe('double-negative suggestions', () => {
  it('drops "not" with its space, and unfuses a fused negation', () => {
    const sentence = 'No generation should not be obliged to pay.';
    const [flag] = doubleNegative.run(sentence);
    expect(flag && sentence.slice(0, flag.start) + flag.suggestions[0] + sentence.slice(flag.end)).toBe('No generation should be obliged to pay.');
    const fused = "Nobody can't see it.";
    const [second] = doubleNegative.run(fused);
    expect(second && fused.slice(0, second.start) + second.suggestions[0] + fused.slice(second.end)).toBe('Nobody can see it.');
  });
});
