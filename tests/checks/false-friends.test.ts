import { describe, expect, it } from 'vitest';
import { falseFriends } from '../../src/checks/false-friends.js';
import { createCheckContext } from '../../src/checks/run.js';
import { describeCheck } from './check-table.js';

describeCheck(falseFriends, {
  flag: [
    ['The new law will not fail to anger farmers.', ['will not fail to']],
    ['Biden, the tenant of the White House, spoke on Monday.', ['tenant']],
    ['The minister has invested himself in the negotiations.', ['invested himself in']],
    ['The union filed a complaint against the company.', ['filed a complaint']],
    ['Police said the attack made 12 dead in the capital.', ['made 12 dead']],
    ['He has lived in Lyon since two years.', ['since']],
    ['The reform of the retreats was adopted by the deputies.', ['reform of the retreats', 'the deputies']],
    ['The shares of the group fell sharply in the zone euro.', ['the zone euro']],
    ['According to several French media, the talks failed.', ['several French media']],
    ['The law project was examined by the Senate.', ['law project']],
    ['Sales rose 4% thanks to the numeric economy.', ['numeric']],
    ['The Chinese TikTok application was banned in India.', ['application']],
    // Not from the seed or the corpus: the span is the word to change, the office is context.
    ['The next tenants of the Kremlin will inherit the war.', ['tenants']],
    ['The US IT giant cut 5,000 jobs.', ['IT giant']],
    ['Ten years ago the court condemned him to five years in prison.', ['condemned']]
  ],
  pass: [
    'The tenant of the building complained about the noise.',
    'Tenants of the council estate marched to the town hall.',
    'She invested in the fund last year.',
    'He filed a complaint with the police.',
    'The company announced a share buyback programme.',
    'Several media outlets reported the story.',
    'The actual cost was higher than expected.',
    'He has lived in Lyon since 2019.',
    'He has been in Lyon since two years ago.',
    'Her job application was rejected.',
    'Islamist militants attacked the convoy.',
    'Carbon emissions rose last year.'
  ]
});

// Each suggestion must read correctly once spliced into the sentence in place of the flagged text.
describe('false-friends suggestions', () => {
  const splice = (sentence: string): string[] => {
    const flags = falseFriends.run(sentence, createCheckContext([{ text: sentence, paragraph: 0 }], 'en'));
    const flag = flags[0];
    if (!flag) return [];
    return flag.suggestions.map((text) => sentence.slice(0, flag.start) + text + sentence.slice(flag.end));
  };

  it.each([
    ['Biden, the tenant of the White House, spoke.', 'Biden, the occupant of the White House, spoke.'],
    ['The next tenants of the Kremlin will inherit the war.', 'The next occupants of the Kremlin will inherit the war.'],
    ['Tenant of the Élysée since 2017, he travels often.', 'Occupant of the Élysée since 2017, he travels often.'],
    ['The US IT giant cut 5,000 jobs.', 'The US tech giant cut 5,000 jobs.'],
    ['IT giants are under pressure.', 'Tech giants are under pressure.'],
    ['The court condemns him to two years in prison.', 'The court sentences him to two years in prison.'],
    ['She has lived in Lyon since three years.', 'She has lived in Lyon for three years.'],
    ['The mayor participated to the meeting.', 'The mayor participated in the meeting.'],
    ['The group claimed the attack on Sunday.', 'The group claimed responsibility for the attack on Sunday.'],
    ['Parliament voted the budget on Tuesday.', 'Parliament passed the budget on Tuesday.'],
    ['There are two years, the plant closed.', 'Two years ago, the plant closed.'],
    ['The plan costs 3 millions of euros.', 'The plan costs 3 million euros.']
  ])('%j', (sentence, expected) => {
    expect(splice(sentence)[0]).toBe(expected);
  });
});
