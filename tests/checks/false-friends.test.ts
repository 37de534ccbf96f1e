import { falseFriends } from '../../src/checks/false-friends.js';
import { describeCheck } from './check-table.js';

describeCheck(falseFriends, {
  flag: [
    ['The new law will not fail to anger farmers.', ['will not fail to']],
    ['Biden, the tenant of the White House, spoke on Monday.', ['tenant of the']],
    ['The minister has invested himself in the negotiations.', ['invested himself in the negotiations']],
    ['The union filed a complaint against the company.', ['filed a complaint']],
    ['Police said the attack made 12 dead in the capital.', ['made 12 dead']],
    ['He has lived in Lyon since two years.', ['since two years']],
    ['The reform of the retreats was adopted by the deputies.', ['reform of the retreats', 'the deputies']],
    ['The shares of the group fell sharply in the zone euro.', ['the zone euro']],
    ['According to several French media, the talks failed.', ['several French media']],
    ['The law project was examined by the Senate.', ['law project']],
    ['Sales rose 4% thanks to the numeric economy.', ['numeric']],
    ['The Chinese TikTok application was banned in India.', ['application']]
  ],
  pass: [
    'The tenant of the building complained about the noise.',
    'She invested in the fund last year.',
    'He filed a complaint with the police.',
    'The company announced a share buyback programme.',
    'Several media outlets reported the story.',
    'The actual cost was higher than expected.',
    'He has lived in Lyon since 2019.',
    'Her job application was rejected.',
    'Islamist militants attacked the convoy.',
    'Carbon emissions rose last year.'
  ]
});
