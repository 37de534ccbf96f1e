import { asideWithoutCommas } from '../../src/checks/aside-without-commas.js';
import { describeCheck } from './check-table.js';

describeCheck(asideWithoutCommas, {
  flag: [
    ['The company for its part filed a lawsuit.', ['for its part']],
    ['The opposition for their part rejected the plan.', ['for their part']]
  ],
  pass: ['The company, for its part, filed a lawsuit.', 'For its part, the company filed a lawsuit.', 'The troops stayed on their side of the border.']
});
