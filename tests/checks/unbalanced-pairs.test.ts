import { unbalancedPairs } from '../../src/checks/unbalanced-pairs.js';
import { describeCheck } from './check-table.js';

describeCheck(unbalancedPairs, {
  flag: [['The group (founded in 1990 said no.', ['(']], ['He said “no.', ['“']]],
  pass: ['The group (founded in 1990) said no.', 'He said “no.”', 'He said "no."']
});

describeCheck(unbalancedPairs, {
  document: [{ text: 'We will win.”', paragraph: 0 }],
  flag: [],
  pass: ['“We are ready.']
});
