import { untranslatedText } from '../../src/checks/untranslated-text.js';
import { describeCheck } from './check-table.js';

describeCheck(untranslatedText, {
  flag: [
    ["Le gouvernement a annoncé mardi une nouvelle réforme des retraites qui sera présentée dans les prochains jours.", ["Le gouvernement a annoncé mardi une nouvelle réforme des retraites qui sera présentée dans les prochains jours."]],
    ['The minister said that the décision was final.', ['décision']],
    ['Prices rose dans les magasins last week.', ['dans les']],
    // French endings English words lack: an SMT system leaves words it cannot translate as they are.
    ['The nombreux visitors queued at the museum.', ['nombreux']],
    ['The mayor defended his politique of small steps.', ['politique']],
    ['Officials said the plan was officiellement dead.', ['officiellement']]
  ],
  pass: [
    'Le Monde reported that the café on the Champs-Élysées had closed.',
    'He met Charles de Gaulle in 1958.',
    'The new régime promised a détente with its neighbours.',
    'Pour the sauce over the fish.',
    'Her technique is unique, and the critique was harsh.',
    'The artiste changed money at the bureaux de change in faux fur.',
    'Socialists and communists criticised the economic policies.'
  ]
});
