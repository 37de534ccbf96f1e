import { currencyFormat } from '../../src/checks/currency-format.js';
import { describeCheck } from './check-table.js';

describeCheck(currencyFormat, {
  flag: [['The deal is worth 12 M€ and a ticket 10 €.', ['12 M€', '10 €']]],
  pass: ['The deal is worth €12 million.', 'A ticket costs €10.']
});
