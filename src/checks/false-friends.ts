import french from '../languages/fr/profile.json' with { type: 'json' };
import entries from '../languages/fr-en/lexicon.json' with { type: 'json' };
import { createFlag, isSentenceStart, matchCase } from './flag.js';
import { startsWithVowelSound } from './indefinite-article.js';
import { inflectionOf, selectFixes } from './inflection.js';
import { compileLexicon, type LexiconEntry, type LexiconMatch } from './lexicon.js';
import { LexiconSource } from './lexicon-source.js';
import { isInsideName } from './names.js';
import { joinNorms } from '../text/tokenize.js';
import type { Check, Flag, Sentence } from './types.js';

/** The French -> English lexicon: every entry, with its examples. */
export const pairLexicon: readonly LexiconEntry[] = entries as LexiconEntry[];

// Verbs that agree with a plural subject just before them.
const PLURAL_VERBS = new Set(['are', 'were', 'have', 'do', 'remain', 'show', 'suggest']);

// Compiled when first used (patterns indexed by first word): several MB that only threads running checks need.
let compiled: ReturnType<typeof compileLexicon> | undefined;
const lexicon = () => (compiled ??= compileLexicon(pairLexicon, french.elisions));

/** False friends and calques from the language pair's lexicon, keyed on the French word when the source is attached. */
export const falseFriends = {
  id: 'false-friends',
  name: 'False friends and calques',
  description:
    'English words and phrases that copy a French one with another meaning ("tenant of the White House" for ' +
    '"locataire de la Maison-Blanche", "a society" for "une société", a company) or its structure ("has the ' +
    'way open", "since two years"). Each entry of the pair\'s lexicon (src/languages/fr-en/lexicon.json) ' +
    'records the French, what it meant, the fixes, the contexts where the English is fine (which its ' +
    'conditions leave unflagged) and examples. Entries keyed on the source word fire only when the French ' +
    'source is attached and holds that word, and the message then quotes the French the phrase copies. The ' +
    'flag covers only the words to replace; of the fixes, those inflected like the flagged words are ' +
    'offered ("tenants" gets "occupants", "Decrees" gets "Executive orders"), and none is offered when none ' +
    'agrees. Words inside a proper name ("Chamber of Deputies", a name of the document or of the source) ' +
    'are never flagged.',
  category: 'accuracy/false-friend',
  severity: 'minor',
  needs: 'translation',
  examples: {
    flag: [
      { target: 'Biden, the tenant of the White House, spoke on Monday.', flagged: ['tenant'], fixed: 'Biden, the occupant of the White House, spoke on Monday.' },
      { target: 'Decrees against immigration were signed by Biden.', flagged: ['Decrees'], fixed: 'Executive orders against immigration were signed by Biden.' },
      { target: 'The actual mayor is running again.', source: "L'actuel maire se représente.", flagged: ['actual'], fixed: 'The current mayor is running again.' },
    ],
    pass: [
      { target: 'The Chamber of Deputies voted on Tuesday.' },
      { target: 'The meeting was chaired by the Prime Minister Jan Fischer.' },
      { target: 'The family filed a complaint against the driver with the police.' },
      { target: 'The complaint of the government against the proposals was rejected.' },
      { target: 'The actual cost was higher than expected.', source: 'Le coût réel a été plus élevé que prévu.' },
    ],
  },
  run(sentence, context): Flag[] {
    const source = sentence.source;
    const matches = lexicon().match({
      tokens: sentence.tokens,
      norms: sentence.norms,
      document: context,
      source: source && new LexiconSource(source, french.elisions),
    });
    const flags: Flag[] = [];
    for (const match of matches) {
      if (isInsideName(sentence, match.first, match.last, context, match.entry.needsSource === false ? match.source : undefined, match.entry.needsSource !== false && match.entry.source !== undefined)) continue;
      if (source && match.source && rendersElsewhere(match, sentence)) continue;
      flags.push(flagMatch(sentence, match));
    }
    return flags;
  }
} satisfies Check;

function flagMatch(sentence: Sentence, match: LexiconMatch): Flag {
  const { tokens, text } = sentence;
  const { entry } = match;
  let start = tokens[match.first]?.start ?? 0;
  const end = tokens[match.last - 1]?.end ?? start;
  const found = text.slice(start, end);
  const { agreeing, filled } = selectFixes(entry.fixes, tokens.slice(match.first, match.last), entry.anyInflection);
  const startsSentence = isSentenceStart(text, start);
  // "Their researches were published": "research were" would not agree with its verb.
  const verbAfter = tokens[match.last]?.norm ?? '';
  const numberChanges = (fix: string): boolean =>
    match.last - match.first === 1 && PLURAL_VERBS.has(verbAfter) && inflectionOf(fix.split(' ').at(-1)!.toLowerCase()) !== inflectionOf(tokens[match.first]!.norm);
  let suggestions = agreeing.filter((candidate) => !numberChanges(candidate)).map((candidate) => matchCase(candidate, found, startsSentence));
  // "a decree" -> "an executive order": the article goes with the fix.
  const article = tokens[match.first - 1];
  if (article && (article.norm === 'a' || article.norm === 'an') && suggestions.some((fix) => articleFor(fix) !== article.norm)) {
    start = article.start;
    suggestions = suggestions.map((fix) => matchCase(`${articleFor(fix)} ${fix}`, article.text, isSentenceStart(text, start)));
  }
  const copied = match.source && sentence.source ? sentence.source.text.slice(match.source.start, match.source.end) : undefined;
  const fix = agreeing[0] ?? filled[0] ?? '';
  const message = copied
    ? `"${found}" copies "${copied}" of the source (${entry.meaning}): write "${fix}" or rephrase.`
    : `"${found}" copies French "${entry.french}" (${entry.meaning}): write "${fix}" or rephrase.`;
  return createFlag(falseFriends, start, end, message, suggestions, {
    category: entry.category,
    severity: entry.severity,
    entryId: entry.id,
    hint: entry.hint,
  });
}

// The indefinite article a fix takes.
function articleFor(fix: string): 'a' | 'an' {
  return startsWithVowelSound(fix.toLowerCase()) ? 'an' : 'a';
}

// A look-alike keyed on a source word whose right rendering is already in the sentence, outside the
// matched words, renders another word: "actuel" given as "current", and "actual" there is "réel".
function rendersElsewhere(match: LexiconMatch, sentence: Sentence): boolean {
  const outside = joinNorms([...sentence.tokens.slice(0, match.first), ...sentence.tokens.slice(match.last)]);
  return match.entry.fixes.some((fix) => !fix.includes('{') && outside.includes(` ${fix.toLowerCase()} `));
}
