import { frenchQuotes } from '../../src/checks/french-quotes.js';
import { describeCheck } from './check-table.js';

describeCheck(frenchQuotes, {
  flag: [['He called it « a disaster ».', ['« ', ' »']]],
  pass: ['He called it “a disaster”.', 'He called it "a disaster".']
});
