import { indefiniteArticle } from '../../src/checks/indefinite-article.js';
import { describeCheck } from './check-table.js';

describeCheck(indefiniteArticle, {
  flag: [['It was a announcement by an union.', ['a', 'an']]],
  pass: ['It was an announcement by a union.', 'She waited an hour.', 'He is a European official.', 'He is an MP.']
});
