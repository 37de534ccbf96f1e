import { frenchDate } from '../../src/checks/french-date.js';
import { describeCheck } from './check-table.js';

describeCheck(frenchDate, {
  flag: [
    ['The vote is set for 20 septembre.', ['20 septembre']],
    ['The vote is set for 20 september.', ['20 september']]
  ],
  pass: ['The vote is set for September 20.', 'The vote is set for 20 September.', 'Mars is a planet.']
});
