import { untranslatedWord } from '../../../src/checks/bilingual/untranslated-word.js';
import { describeBilingualCheck } from './bilingual-table.js';

describeBilingualCheck(untranslatedWord, {
  flag: [
    ['The vote on the indépendance of the region was postponed.', 'Le vote sur l\'indépendance de la région a été reporté.', ['indépendance']],
    ['Farmers blocked the roads, réclamant higher prices.', 'Les agriculteurs ont bloqué les routes, réclamant des prix plus élevés.', ['réclamant']]
  ],
  pass: [
    ['The nation faces an important question.', 'La nation fait face à une question importante.'],
    ['The ruling was a de facto ban.', 'La décision était une interdiction de facto.'],
    ['The minister defended the status quo.', 'Le ministre a défendu le statu quo.'],
    ['The Russian "niet" surprised nobody.', 'Le « niet » russe n\'a surpris personne.'],
    ['He left Saint-Étienne for Lyon.', 'Il a quitté Saint-Étienne pour Lyon.'],
    ['The regime fell in 1989.', 'Le régime est tombé en 1989.'],
    ['The hospital improved its biovigilance.', 'L\'hôpital a amélioré sa biovigilance.'],
    ['A post-Brexit deal was signed.', 'Un accord post-Brexit a été signé.']
  ]
});
