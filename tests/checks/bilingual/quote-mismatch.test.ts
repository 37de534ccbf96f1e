import { quoteMismatch } from '../../../src/checks/bilingual/quote-mismatch.js';
import { describeBilingualCheck } from './bilingual-table.js';

describeBilingualCheck(quoteMismatch, {
  flag: [
    ['The mayor called the plan a disgrace.', 'Le maire a qualifié le projet de « honte ».', ['The mayor called the plan a disgrace.']],
    ['She said she was "very tired" of the debate.', 'Elle s\'est dite très lasse du débat.', ['"very tired"']],
    ['The so-called green wave swept the cities.', 'La \'vague verte\' a déferlé sur les villes.', ['The so-called green wave swept the cities.']]
  ],
  pass: [
    ['The mayor called the plan a "disgrace".', 'Le maire a qualifié le projet de « honte ».'],
    ['The mayor called the plan a “disgrace”.', 'Le maire a qualifié le projet de "honte".'],
    ['The mayor called the plan a \'disgrace\'.', 'Le maire a qualifié le projet de « honte ».'],
    ["The union's leaders didn't sign.", "Les dirigeants du syndicat n'ont pas signé."],
    ['Europe\'s farmers protested.', 'Les agriculteurs d\'Europe ont manifesté.']
  ]
});
