import { usSpelling } from '../../src/checks/us-spelling.js';
import { describeCheck } from './check-table.js';

describeCheck(usSpelling, {
  flag: [['The defence programme needs more organisation.', ['defence', 'programme', 'organisation']]],
  pass: ['The defense program needs more organization.', 'The Ministry of Defence will advise on the exercise.', 'They promise to compromise.']
});

describeCheck(usSpelling, {
  targetLanguage: 'en-GB',
  flag: [],
  pass: ['The defence programme needs more organisation.']
});
