import { sourceFalseFriend } from '../../../src/checks/bilingual/source-false-friend.js';
import { describeBilingualCheck } from './bilingual-table.js';

describeBilingualCheck(sourceFalseFriend, {
  flag: [
    ['The actual mayor is running again.', 'L\'actuel maire se représente.', ['actual']],
    ['The court condemned him to three years in prison.', 'Le tribunal l\'a condamné à trois ans de prison.', ['condemned']],
    ['The process of the former minister opens today.', 'Le procès de l\'ancien ministre s\'ouvre aujourd\'hui.', ['process']],
    ['The shop owner carried a complaint against the vandals.', 'Le commerçant a porté plainte contre les vandales.', ['carried']],
    ['Hundreds of fans assisted at the concert.', 'Des centaines de fans ont assisté au concert.', ['assisted']]
  ],
  pass: [
    ['The current mayor is running again.', 'L\'actuel maire se représente.'],
    ['The minister condemned the attack.', 'Le ministre a condamné l\'attentat.'],
    ['The shop owner filed a complaint against the vandals.', 'Le commerçant a porté plainte contre les vandales.'],
    ['The union filed a complaint with the labour court.', 'Le syndicat a déposé une plainte devant les prud\'hommes.'],
    ['The formation of the government took months.', 'La formation du gouvernement a pris des mois.'],
    ['The process was slow.', 'La procédure a été lente.'],
    ['Nurses assisted the surgeon.', 'Les infirmières ont assisté le chirurgien.']
  ]
});
