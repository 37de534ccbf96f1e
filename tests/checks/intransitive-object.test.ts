import { intransitiveObject } from '../../src/checks/intransitive-object.js';
import { describeCheck } from './check-table.js';

describeCheck(intransitiveObject, {
  flag: [
    ['The decision should react the markets.', ['react the markets']],
    ['Several countries participated the summit in Rome.', ['participated the summit']]
  ],
  pass: ['The markets reacted to the decision.', 'Several countries participated in the summit.', 'The rebels the army fought were few.']
});
