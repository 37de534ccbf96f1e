import { companyDescriptor } from '../../src/checks/company-descriptor.js';
import { describeCheck } from './check-table.js';

describeCheck(companyDescriptor, {
  flag: [
    ['Shares of the oil group Total rose.', ['the oil group Total']],
    ['The Cupertino group has not commented.', ['The Cupertino group']]
  ],
  pass: ['The militant group Hamas claimed the attack.', 'Oil company Total said profits rose.', 'The Islamic State group lost ground.']
});
