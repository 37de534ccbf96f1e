import { verbObjectInterruption } from '../../src/checks/verb-object-interruption.js';
import { describeCheck } from './check-table.js';

describeCheck(verbObjectInterruption, {
  flag: [
    ['Renault presented on Tuesday its new electric car.', ['presented on Tuesday its new']],
    ['The group confirmed in late March its decision to close the plant.', ['confirmed in late March its decision']]
  ],
  pass: [
    'Renault presented its new electric car on Tuesday.',
    'The minister said on Monday the company would close.',
    'He was appointed in August.'
  ]
});
