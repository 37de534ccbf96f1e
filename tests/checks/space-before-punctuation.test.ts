import { spaceBeforePunctuation } from '../../src/checks/space-before-punctuation.js';
import { describeCheck } from './check-table.js';

describeCheck(spaceBeforePunctuation, {
  flag: [
    ['Why ? Nobody knows .', [' ?', ' .']],
    ['He said : no .', [' :', ' .']]
  ],
  pass: ['Why? Nobody knows.', 'Rates fell to .5 percent.', 'He paused ... then left.']
});
