import { doubledPunctuation } from '../../src/checks/doubled-punctuation.js';
import { describeCheck } from './check-table.js';

describeCheck(doubledPunctuation, {
  flag: [['He left,, then came back.', [',,']], ['It ended,.', [',.']]],
  pass: ['He left... then came back.', 'It is based in the U.S., like its rival.', 'Really?!']
});
