import data from './data/us-spellings.json' with { type: 'json' };
import { createFlag, matchCase } from './flag.js';
import { tokenize } from './tokens.js';
import type { Check, Flag } from './types.js';

// British spelling -> US spelling.
const WORDS = new Map(Object.entries(data.words));
// Words in -ise that keep -ise in US English ("advise", "exercise").
const ISE_EXCEPTIONS = new Set(data.iseExceptions);
// -isation, -ise, -ised, -ising, -ises, -iser(s): the -ize family.
const ISE_FAMILY = /^([a-z]{3,})is(ation|ations|e|ed|es|ing|er|ers)$/;
// Targets where US spelling is expected; en-GB and others keep British spelling.
const US_TARGETS = new Set(['en', 'en-us']);

/** British spellings ("defence", "programme", "organisation") when the target is US English. */
export const usSpelling = {
  id: 'us-spelling',
  name: 'British spelling in US English',
  description:
    'The target "en" follows US news usage ("September 20", "tech giant"), so British spellings are flagged: ' +
    '"defence", "programme", "labour", "centre", and the -ise/-isation family ("organisation", "globalisation"), ' +
    'except the words that keep -ise in US English ("advise", "exercise", "compromise"). Capitalised words ' +
    'are skipped: "Ministry of Defence" and "Labour Party" are names. A target of en-GB turns the check off.',
  category: 'locale-convention',
  severity: 'minor',
  run(sentence, context): Flag[] {
    if (!US_TARGETS.has(context.targetLanguage.toLowerCase())) return [];
    const flags: Flag[] = [];
    for (const token of tokenize(sentence)) {
      if (token.kind !== 'word' || token.text !== token.norm) continue;
      const american = WORDS.get(token.norm) ?? toIze(token.norm);
      if (!american) continue;
      flags.push(
        createFlag(usSpelling, token.start, token.end, `"${token.text}" is British spelling: write "${american}" for a US English text.`, [
          matchCase(american, token.text)
        ])
      );
    }
    return flags;
  }
} satisfies Check;

function toIze(word: string): string | undefined {
  const match = ISE_FAMILY.exec(word);
  if (!match) return undefined;
  const stem = match[1] ?? '';
  const ending = match[2] ?? '';
  // "supervise", "televise": exact words, or longer ones ending in an exception ("overexercise").
  const verb = `${stem}ise`;
  if (ISE_EXCEPTIONS.has(verb) || [...ISE_EXCEPTIONS].some((exception) => exception.length > 6 && verb.endsWith(exception))) return undefined;
  // Only stems that English really builds -ize verbs on: the -isation form or a known -ise verb ending.
  if (!/(?:al|ar|an|en|on|in|ic|iz|at|ut|ur|er|or|om|im|og|ag|em|it|ot|yt|ys|ph|ct|nt|st|rt)$/.test(stem)) return undefined;
  return `${stem}iz${ending}`;
}
