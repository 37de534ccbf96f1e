import { repeatedWord } from '../../src/checks/repeated-word.js';
import { describeCheck } from './check-table.js';

describeCheck(repeatedWord, {
  flag: [['He said the the vote was close.', [' the']]],
  pass: ['He said that that vote was close.', 'She had had enough.', 'The vote, the vote alone, counts.']
});
