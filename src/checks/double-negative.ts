import { createFlag, matchCase } from './flag.js';
import type { Token } from '../text/tokenize.js';
import type { Check, Flag } from './types.js';

// Words that make a whole clause negative when they open it, as French "aucun", "personne",
// "rien", "jamais" do together with "ne".
const NEGATIVE_OPENERS = new Set(['no', 'nobody', 'nothing', 'none', 'never', 'neither', 'nowhere', 'nor']);
// "no" in fixed phrases that are not negative subjects: "no longer", "no doubt", "no more than",
// "no the" (an answer: "No, the minister..." without its comma).
const NOT_AN_OPENER_BEFORE = new Set(['longer', 'doubt', 'matter', 'sooner', 'wonder', 'less', 'more', 'fewer', 'mind', 'the', 'one\'s']);
// Auxiliaries and modals: French "ne" lands next to the first one, as "not".
const AUXILIARIES = new Set([
  'will', 'would', 'can', 'could', 'should', 'must', 'may', 'might', 'shall', 'is', 'are', 'was', 'were',
  'has', 'have', 'had', 'do', 'does', 'did', 'be', 'been'
]);
// Contracted and fused negations, with the auxiliary left once the negation goes.
const NEGATED_AUXILIARIES: Record<string, string> = {
  cannot: 'can', "can't": 'can', "won't": 'will', "shan't": 'shall', "mustn't": 'must', "don't": 'do',
  "doesn't": 'does', "didn't": 'did', "isn't": 'is', "aren't": 'are', "wasn't": 'was', "weren't": 'were',
  "hasn't": 'has', "haven't": 'have', "hadn't": 'had', "wouldn't": 'would', "couldn't": 'could',
  "shouldn't": 'should', "mightn't": 'might', "needn't": 'need'
};
// A word that starts another clause or names its verb ends the negative subject: in "Nothing
// suggests the plan will not work" or "No one who has not voted", the "not" belongs elsewhere.
const CLAUSE_BREAKS = new Set([
  'that', 'who', 'whom', 'whose', 'which', 'what', 'where', 'when', 'whether', 'if', 'because', 'although',
  'though', 'unless', 'until', 'while', 'since', 'and', 'or', 'but', 'than', 'as', 'i', 'you', 'he', 'she',
  'it', 'we', 'they', 'there', 'says', 'said', 'say', 'thinks', 'thought', 'think', 'believes', 'believed',
  'knows', 'knew', 'know', 'suggests', 'suggested', 'shows', 'showed', 'means', 'meant', 'seems', 'seemed',
  'expects', 'expected', 'guarantees', 'guaranteed', 'proves', 'proved', 'indicates', 'indicated', 'tells',
  'told', 'claims', 'claimed', 'argues', 'argued', 'ensures', 'ensured', 'prevents', 'prevented', 'happens',
  'happened', 'explains', 'explained', 'changes', 'changed', 'stops', 'stopped', 'matters', 'mattered'
]);
// Words after which a new clause, and so a new subject, begins.
const CLAUSE_OPENERS = new Set([
  'and', 'but', 'or', 'so', 'yet', 'that', 'because', 'if', 'when', 'while', 'as', 'since', 'although',
  'though', 'whereas', 'unless', 'until', 'where'
]);
// The negative subject and its verb sit close together: "No leader of Serbia will not accept".
const MAX_GAP = 7;

/**
 * Two negations in one clause, the shape French "ne ... aucun/personne/jamais" takes word for word:
 * "No leader will not accept" says in English that every leader will accept.
 */
export const doubleNegative = {
  id: 'double-negative',
  name: 'Double negative',
  description:
    'Finds a clause opened by a negative word (no, nobody, nothing, none, never, neither) whose first ' +
    'auxiliary is negated again ("No leader will not accept", "Nobody cannot see", "Never before such anger had not ' +
    'been seen"): French ' +
    'puts "ne" beside "aucun", "personne" or "jamais", English keeps one negation, and two say the opposite. ' +
    'A "not" in another clause ("Nothing suggests it will not work", "No one who has not voted") is left alone.',
  category: 'accuracy/mistranslation',
  severity: 'major',
  needs: 'translation',
  examples: {
    flag: [
      { target: "No leader of the party will not accept the deal.", flagged: [" not"] },
      { target: "Nobody cannot see that the plan has failed.", flagged: ["cannot"] },
      { target: "Never before such anger had not been seen in the capital.", flagged: [" not"] },
      { target: "None of the ministers would not comment on Tuesday.", flagged: [" not"] },
      { target: "Nothing won't change for the farmers.", flagged: ["won't"] },
      { target: "Neither the president nor his adviser did not attend.", flagged: [" not"] },
      { target: "The talks failed because neither side would not give ground.", flagged: [" not"] },
      { target: "Prices rose, and nobody could not see why.", flagged: [" not"] },
    ],
    pass: [
      { target: "No leader of the party will accept the deal." },
      { target: "Nothing suggests the plan will not work." },
      { target: "No one who has not voted can complain." },
      { target: "He never said he would not run again." },
      { target: "No longer will the council not listen." },
      { target: "No fewer than 20 people were not paid." },
      { target: "The no vote was not a surprise." },
      { target: "A no-deal exit would not help." },
      { target: "Countries with no oil do not benefit." },
      { target: "Leaders who never risk their popularity are not worthy of their posts." },
      { target: "No, the minister will not resign." },
      { target: "Nobody knows whether the talks will not collapse." },
      { target: "No country is not only a victim but also a player." },
      { target: "The company does not sell cars and never will." },
    ],
  },
  run({ text: sentence, tokens }): Flag[] {
    const flags: Flag[] = [];
    for (let index = 0; index < tokens.length; index++) {
      if (!isNegativeOpener(tokens, index)) continue;
      const negation = findSecondNegation(tokens, index);
      if (!negation) continue;
      flags.push(negation.flag);
      index = negation.index;
    }
    return flags;
  }
} satisfies Check;

function isNegativeOpener(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  if (!token || token.kind !== 'word' || !NEGATIVE_OPENERS.has(token.norm)) return false;
  // Only a negative word that opens its clause governs the clause's verb: in "Countries with no oil
  // do not" or "Leaders who never risk it are not", the "not" belongs to another subject.
  const previous = tokens[index - 1];
  if (previous && previous.kind !== 'punct' && !CLAUSE_OPENERS.has(previous.norm)) return false;
  if (token.norm !== 'no') return true;
  const next = tokens[index + 1];
  return !(next && NOT_AN_OPENER_BEFORE.has(next.norm));
}

/** The negation on the first auxiliary after the negative word at `opener`, if nothing ends the clause first. */
function findSecondNegation(tokens: readonly Token[], opener: number): { index: number; flag: Flag } | undefined {
  const openerText = tokens[opener]?.text ?? '';
  for (let index = opener + 1; index < Math.min(tokens.length, opener + MAX_GAP + 2); index++) {
    const token = tokens[index];
    if (!token || token.kind === 'punct' || CLAUSE_BREAKS.has(token.norm)) return undefined;
    const fused = NEGATED_AUXILIARIES[token.norm];
    if (fused !== undefined) {
      const fix = matchCase(fused, token.text);
      return { index, flag: createFlag(doubleNegative, token.start, token.end, message(openerText, token.text), [fix]) };
    }
    if (!AUXILIARIES.has(token.norm)) continue;
    const not = tokens[index + 1];
    if (not?.norm !== 'not' || tokens[index + 2]?.norm === 'only') return undefined;
    // The span takes the space before "not", so that removing it leaves one space.
    const flag = createFlag(doubleNegative, token.end, not.end, message(openerText, `${token.text} ${not.text}`), ['']);
    return { index: index + 1, flag };
  }
  return undefined;
}

function message(opener: string, negated: string): string {
  return (
    `"${opener}" already makes this clause negative, so "${negated}" turns it around: in English ` +
    `"no one will not" means everyone will. French needs "ne" beside "aucun", "personne" or "jamais"; English keeps one negation.`
  );
}
