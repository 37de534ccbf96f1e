import { untranslatedSentence } from '../../../src/checks/bilingual/untranslated-sentence.js';
import { describeBilingualCheck } from './bilingual-table.js';

describeBilingualCheck(untranslatedSentence, {
  flag: [
    ['Le maire a démissionné hier soir.', 'Le maire a démissionné hier soir.', ['Le maire a démissionné hier soir.']],
    [' le maire a demissionne hier soir ', 'Le maire a démissionné, hier soir.', ['le maire a demissionne hier soir']]
  ],
  pass: [
    ['The mayor resigned last night.', 'Le maire a démissionné hier soir.'],
    ['Kosovo, 2008.', 'Kosovo, 2008.'],
    ['Le Monde', 'Le Monde'],
    ['Radio France Internationale', 'Radio France Internationale']
  ]
});
