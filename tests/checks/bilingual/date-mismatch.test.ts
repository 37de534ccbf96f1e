import { dateMismatch } from '../../../src/checks/bilingual/date-mismatch.js';
import { describeBilingualCheck } from './bilingual-table.js';

describeBilingualCheck(dateMismatch, {
  flag: [
    ['The strike will start on Thursday, September 20.', 'La grève commencera mardi 20 septembre.', ['Thursday']],
    ['The vote is set for June 3.', 'Le vote est prévu le 3 juillet.', ['June']],
    ['The vote is set for the 3rd.', 'Le vote est prévu le 3 juillet.', ['The vote is set for the 3rd.']]
  ],
  pass: [
    ['The strike will start on Tuesday, September 20.', 'La grève commencera mardi 20 septembre.'],
    ['The strike will start on Tue., Sept. 20.', 'La grève commencera mardi 20 septembre.'],
    ['The probe landed on Mars in May.', 'La sonde s\'est posée sur Mars en mai.'],
    ['Talks resumed on Monday.', 'Lundi, les discussions ont repris.'],
    ['Prices may rise again.', 'Les prix pourraient encore augmenter.']
  ]
});
