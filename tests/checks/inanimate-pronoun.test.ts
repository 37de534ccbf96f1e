import { inanimatePronoun } from '../../src/checks/inanimate-pronoun.js';
import { describeCheck } from './check-table.js';

describeCheck(inanimatePronoun, {
  flag: [['The union sued the government, accusing him of bad faith.', ['him']]],
  pass: ['The company sued its former CEO, accusing him of fraud.', 'The government accused him of lying.']
});
