import { numberMismatch } from '../../../src/checks/bilingual/number-mismatch.js';
import { describeBilingualCheck } from './bilingual-table.js';

describeBilingualCheck(numberMismatch, {
  flag: [
    ['The fund raised 35 million euros last year.', 'Le fonds a levé 3,5 millions d\'euros l\'an dernier.', ['35 million']],
    ['The ferry carried 1,400 passengers.', 'Le ferry transportait 1 200 passagers.', ['1,400']],
    ['The plan will cost 4 billion dollars.', 'Le plan coûtera 4 billions de dollars.', ['4 billion']],
    ['The mayor opened the new bridge on Friday.', 'Le maire a inauguré vendredi le pont, long de 240 mètres.', ['The mayor opened the new bridge on Friday.']],
    ['Three firefighters were hurt.', 'Cinq pompiers ont été blessés.', ['Three firefighters were hurt.']]
  ],
  pass: [
    ['The fund raised 3.5 million euros last year.', 'Le fonds a levé 3,5 millions d\'euros l\'an dernier.'],
    ['The fund raised €3.5m last year.', 'Le fonds a levé 3,5 M€ l\'an dernier.'],
    ['The ferry carried 1,200 passengers.', 'Le ferry transportait 1 200 passagers.'],
    ['Inflation reached 5% in March.', 'L\'inflation a atteint 5 % en mars.'],
    ['Two climbers reached the summit.', 'Deux alpinistes ont atteint le sommet.'],
    ['2 climbers reached the summit.', 'Deux alpinistes ont atteint le sommet.'],
    ['Both towns voted against the project.', 'Les deux communes ont voté contre le projet.'],
    ['The polls close at 8 pm.', 'Les bureaux de vote ferment à 20h.'],
    ['Twenty-five years later, the case was reopened.', 'Vingt-cinq ans plus tard, l\'affaire a été rouverte.'],
    ['A man was arrested after the 2019 riots.', 'Un homme a été arrêté après les émeutes de 2019.'],
    ['The 1990s were kind to the region.', 'Les années 1990 ont été favorables à la région.'],
    ['Debt rose to €98 billion, then to €385 billion.', 'La dette est passée à 98, puis à 385 milliards d\'euros.'],
    ['The castle was restored as new.', 'Le château a été remis à neuf.'],
    ['It was the nineteenth summit of the group.', 'C\'était le dix-neuvième sommet du groupe.']
  ]
});
