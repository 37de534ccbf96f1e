import { numberFormat } from '../../src/checks/number-format.js';
import { describeCheck } from './check-table.js';

describeCheck(numberFormat, {
  flag: [
    ['Growth reached 2,5 percent.', ['2,5']],
    ['The city has 1 200 000 inhabitants.', ['1 200 000']],
    ['Unemployment fell to 7 %.', [' %']]
  ],
  pass: ['Growth reached 2.5 percent.', 'The city has 1,200,000 inhabitants.', 'In 2019, 12 people died.', 'Unemployment fell to 7%.']
});
