import { lengthRatio } from '../../../src/checks/bilingual/length-ratio.js';
import { describeBilingualCheck } from './bilingual-table.js';

const SOURCE =
  'Le conseil municipal a voté mardi soir un budget en hausse de trois pour cent, malgré l\'opposition des élus ' +
  'écologistes qui réclamaient davantage de crédits pour les transports publics et les pistes cyclables.';

describeBilingualCheck(lengthRatio, {
  flag: [
    ['The council voted a budget.', SOURCE, ['The council voted a budget.']],
    [
      'On Tuesday evening the city council voted, after a long, heated and at times bitter debate that lasted well past ' +
        'midnight and saw several members walk out of the chamber in protest, for a budget up three percent, despite ' +
        'opposition from Green councillors who wanted more money for public transport and cycle lanes, and who promised ' +
        'to take the matter to the regional court.',
      SOURCE,
      [
        'On Tuesday evening the city council voted, after a long, heated and at times bitter debate that lasted well past ' +
          'midnight and saw several members walk out of the chamber in protest, for a budget up three percent, despite ' +
          'opposition from Green councillors who wanted more money for public transport and cycle lanes, and who promised ' +
          'to take the matter to the regional court.'
      ]
    ]
  ],
  pass: [
    [
      'On Tuesday evening the city council voted a budget up three percent, despite opposition from Green councillors ' +
        'who wanted more money for public transport and cycle lanes.',
      SOURCE
    ],
    ['Yes.', 'Oui, bien sûr.'],
    ['No comment.', 'Pas de commentaire.']
  ]
});
