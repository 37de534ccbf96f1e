// Temporary: fill each lexicon example's `fixed` from the check, and report examples that do not behave.
import { readFileSync, writeFileSync } from 'node:fs';
import { falseFriends } from '../src/checks/false-friends.js';
import { createCheckContext, runCheck } from '../src/checks/run.js';
import type { CheckExample, Flag } from '../src/checks/types.js';
import type { LexiconEntry } from '../src/checks/lexicon.js';
const path = 'src/languages/fr-en/lexicon.json';
const entries = JSON.parse(readFileSync(path, 'utf8')) as LexiconEntry[];
const run = (example: CheckExample): Flag[] => {
  const context = createCheckContext([{ text: example.target, paragraph: 0 }], 'en', example.source === undefined ? {} : { source: { language: 'fr', texts: [example.source] } });
  return runCheck(falseFriends, context, 0);
};
const only = process.argv[2];
for (const entry of entries) {
  for (const example of entry.examples.flag) {
    const flags = run(example);
    const own = flags.filter((flag) => flag.entryId === entry.id);
    const flag = own[0];
    if (!flag) { console.log(`NOFLAG ${entry.id}: ${example.target}   [others: ${flags.map((f) => f.entryId).join(',')}]`); continue; }
    const fixed = flag.suggestions[0] === undefined ? example.target : example.target.slice(0, flag.start) + flag.suggestions[0] + example.target.slice(flag.end);
    example.fixed = fixed;
    if (!only || entry.id.startsWith(only)) console.log(`${flag.hint ? 'HINT ' : ''}${entry.id}: [${example.target.slice(flag.start, flag.end)}] ${fixed}${flag.suggestions.length === 0 ? '   (NO SUGGESTION)' : ''}\n      ${flag.message}`);
  }
  for (const example of entry.examples.pass) {
    const own = run(example).filter((flag) => flag.entryId === entry.id);
    if (own.length > 0) console.log(`PASSFAIL ${entry.id}: ${example.target}`);
  }
}
writeFileSync(path, JSON.stringify(entries, null, 1) + '\n');
