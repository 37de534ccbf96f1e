import { frenchHonorific } from '../../src/checks/french-honorific.js';
import { describeCheck } from './check-table.js';

describeCheck(frenchHonorific, {
  flag: [['M. Macron met Mme Merkel.', ['M.', 'Mme']]],
  pass: ['Mr Macron met Ms Merkel.', 'John M. Smith arrived.']
});
