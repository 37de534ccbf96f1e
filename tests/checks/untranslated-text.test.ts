import { untranslatedText } from '../../src/checks/untranslated-text.js';
import { describeCheck } from './check-table.js';

describeCheck(untranslatedText, {
  flag: [
    ["Le gouvernement a annoncé mardi une nouvelle réforme des retraites qui sera présentée dans les prochains jours.", ["Le gouvernement a annoncé mardi une nouvelle réforme des retraites qui sera présentée dans les prochains jours."]],
    ['The minister said that the décision was final.', ['décision']],
    ['Prices rose dans les magasins last week.', ['dans les']]
  ],
  pass: [
    'Le Monde reported that the café on the Champs-Élysées had closed.',
    'He met Charles de Gaulle in 1958.',
    'The new régime promised a détente with its neighbours.',
    'Pour the sauce over the fish.'
  ]
});
