import { nameConsistency } from '../../src/checks/name-consistency.js';
import { describeCheck } from './check-table.js';

describeCheck(nameConsistency, {
  document: [
    { text: 'On Monday, President Emmanuel Macron met Olaf Scholz in Berlin.', paragraph: 1 },
    { text: 'Then Emmanuel Macron flew home.', paragraph: 2 }
  ],
  flag: [
    ['Talks with Emmanuel macron ended late.', ['macron']],
    ['emmanuel Macron said no.', ['emmanuel']]
  ],
  pass: ['Talks with Emmanuel Macron ended late.', 'Olaf Scholz agreed.', 'The trump card was played.']
});
