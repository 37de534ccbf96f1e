import { negationMismatch } from '../../../src/checks/bilingual/negation-mismatch.js';
import { describeBilingualCheck } from './bilingual-table.js';

describeBilingualCheck(negationMismatch, {
  flag: [
    ['The minister will attend the summit.', 'Le ministre ne participera pas au sommet.', ['The minister will attend the summit.']],
    ['The talks have succeeded.', 'Les négociations n\'ont jamais abouti.', ['The talks have succeeded.']],
    ['The mayor did not sign the decree.', 'Le maire a signé le décret.', ['not']],
    ['Refugees arrived with papers.', 'Les réfugiés sont arrivés sans papiers d\'identité.', ['Refugees arrived with papers.']]
  ],
  pass: [
    ['The minister will not attend the summit.', 'Le ministre ne participera pas au sommet.'],
    ['The minister won\'t attend the summit.', 'Le ministre ne participera pas au sommet.'],
    ['Nobody knows the cost.', 'Personne ne connaît le coût.'],
    ['The talks were probably a failure.', 'Les négociations ont sans doute échoué.'],
    ['She can only wait.', 'Elle ne peut qu\'attendre.'],
    ['The plan is not only costly but useless.', 'Le plan est non seulement coûteux, mais inutile.'],
    ['He left before the storm broke.', 'Il est parti avant que l\'orage n\'éclate.'],
    ['The hotel is homeless shelter now.', 'L\'hôtel accueille désormais des personnes sans abri.'],
    ['Unemployment keeps rising.', 'Le chômage ne cesse d\'augmenter.'],
    ['Prices are higher than ever.', 'Les prix sont plus élevés que jamais.'],
    ['The group failed to agree on a text.', 'Le groupe n\'a pas réussi à s\'entendre sur un texte.']
  ]
});
