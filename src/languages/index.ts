/**
 * Language data, one folder per language (`en/`, `fr/`) and one per translation direction
 * (`fr-en/`): the JSON files hold the words, this module turns the shared profiles into lookups.
 */
import en from './en/profile.json' with { type: 'json' };
import wordListEn from './en/word-list.json' with { type: 'json' };
import frEn from './fr-en/pair.json' with { type: 'json' };
import fr from './fr/profile.json' with { type: 'json' };

/** Negation as a language writes it: particles paired with a partner word, words negative alone, phrases that only look negative. */
export interface NegationRules {
  /** Words that negate only with a partner after them ("ne" ... "pas"); an elided form ends with an apostrophe ("n'"). */
  particles: string[];
  partners: string[];
  /** How many words after the particle the partner may come. */
  partnerWindow: number;
  /** Partners that may also come before the particle ("personne ne sait"). */
  partnersBefore?: string[];
  /** Verbs that negate with the particle alone, in a literary style ("ne peut", "n'ose"). */
  particleVerbs?: string[];
  /** Words after a particle verb that make it restrictive, not negative ("ne peut qu'espérer": can only hope). */
  restrictive?: string[];
  /** Endings of a word that make it negative ("n't"). */
  suffixes?: string[];
  /** Words negative on their own ("never", "sans"). */
  words: string[];
  /** Words that may render a negation without being one ("unemployed", "failed", "faute de"): they explain a
   * negation on the other side but are not reported as an added one. Patterns as in `matchesPattern`. */
  weakWords: string[];
  /** Words the weak patterns must not take ("under", "until" for "un*"). */
  weakExceptions?: string[];
  /** Phrases whose words are not a negation of the sentence ("sans doute", "no doubt"); a part may end with `*`.
   * They count as weak: "not only" may render "ne ... pas seulement". */
  notNegation: string[];
}

/** How one language writes what the bilingual checks compare. Loaded from data/<code>.json. */
export interface LanguageProfile {
  code: string;
  /** English name of the language, for messages. */
  name: string;
  decimalSeparator: string;
  groupSeparators: string[];
  /** A letter written after an hour ("20h30"); empty when the language writes none. */
  hourMarker: string;
  /** Spelled-out cardinals, composed ("vingt-cinq", "two hundred and five"). */
  numberWords: ReadonlyMap<string, number>;
  /** Number words that only continue a run ("cents" in "quatre cents", not in "80 cents"). */
  numberWordsNotAlone: string[];
  /** Number words that are also other words ("neuf" is nine or new): never required alone. */
  ambiguousNumberWords: string[];
  /** Number words that are also articles: they start a number only before a hundred or more ("a thousand"). */
  articleNumbers: string[];
  /** Words allowed between number words ("et", "and"). */
  numberConnectors: string[];
  /** Words standing for a number that are not composed (ordinals, "both", "dozen"). */
  numberAliases: ReadonlyMap<string, number>;
  /** Scale words after a number ("3,5 millions"). */
  scaleWords: ReadonlyMap<string, number>;
  /** Scale letters written against the number ("3.5m"). */
  attachedScaleWords: ReadonlyMap<string, number>;
  months: ReadonlyMap<string, number>;
  weekdays: ReadonlyMap<string, number>;
  /** Whether month and weekday names are written with a capital (English) or not (French). */
  dateNamesCapitalized: boolean;
  /** Month and weekday names that are also other words ("may", "Mars", "Sun"): dates only with the case dates take. */
  ambiguousDateNames: string[];
  /** Characters that open or close a quotation. */
  quoteMarks: string;
  /** Elided words written against the next word ("l'", "qu'"), lower-case with a straight apostrophe. */
  elisions: string[];
  negation: NegationRules;
  /** Lower-case words of the language, four letters or more, when a word list is shipped for it. */
  wordList?: WordList;
}

/** A language's word list: whether a lower-case word is in it. */
export interface WordList {
  has(word: string): boolean;
}

/** The length of a translation as Gale and Church model it: target characters ~ N(ratio * n, variance * n) for n source characters. */
export interface LengthModel {
  ratio: number;
  variance: number;
  /** |z| beyond which a length is flagged. */
  threshold: number;
  /** Shorter sources vary too much to judge. */
  minimumSourceLength: number;
}

/** Facts about one direction of translation. Loaded from data/<source>-<target>.json. */
export interface PairProfile {
  lengthModel: LengthModel;
  /** Capitalised source words (lower-case, accents removed) -> target words or phrases that render them. */
  exonyms: ReadonlyMap<string, string[]>;
}

/** A language profile as its JSON file writes it: tables are objects. */
type LanguageData = Omit<LanguageProfile, 'code' | Tables> & Record<Tables, Record<string, number>>;
type Tables = 'numberWords' | 'numberAliases' | 'scaleWords' | 'attachedScaleWords' | 'months' | 'weekdays';

// The profiles known, by primary language subtag.
const LANGUAGES: ReadonlyMap<string, LanguageProfile> = new Map([
  ['en', { ...loadLanguage('en', en), wordList: decodeOnFirstLookup(wordListEn.words) }],
  ['fr', loadLanguage('fr', fr)]
]);

// The pairs known, by "source-target".
const PAIRS: ReadonlyMap<string, PairProfile> = new Map([
  ['fr-en', { lengthModel: frEn.lengthModel, exonyms: new Map(Object.entries(frEn.exonyms)) }]
]);

/**
 * The profile of a language, from its BCP 47 code (`en-GB` reads as `en`);
 * `undefined` when the language is not described.
 */
export function getLanguageProfile(code: string): LanguageProfile | undefined {
  return LANGUAGES.get(primarySubtag(code));
}

/** The profile of a translation direction, or `undefined` when the pair is not described. */
export function getPairProfile(sourceCode: string, targetCode: string): PairProfile | undefined {
  return PAIRS.get(`${primarySubtag(sourceCode)}-${primarySubtag(targetCode)}`);
}

// Tables become maps: faster to look up than objects, and a word such as "constructor" is not a key.
function loadLanguage(code: string, data: LanguageData): LanguageProfile {
  const table = (record: Record<string, number>): ReadonlyMap<string, number> => new Map(Object.entries(record));
  return {
    ...data,
    code,
    numberWords: table(data.numberWords),
    numberAliases: table(data.numberAliases),
    scaleWords: table(data.scaleWords),
    attachedScaleWords: table(data.attachedScaleWords),
    months: table(data.months),
    weekdays: table(data.weekdays)
  };
}

/**
 * The word list, decoded when first asked: its set of ~100,000 words takes several MB that only the
 * threads running checks need (the analysis worker), not the one answering requests.
 */
function decodeOnFirstLookup(coded: string): WordList {
  let words: ReadonlySet<string> | undefined;
  return { has: (word) => (words ??= decodeWordList(coded)).has(word) };
}

// A word list is stored sorted and front-coded, to keep the file small: each line is one character
// whose code minus 48 says how many first letters the word shares with the previous one, then the rest.
function decodeWordList(coded: string): ReadonlySet<string> {
  const words = new Set<string>();
  let previous = '';
  for (const line of coded.split('\n')) {
    previous = previous.slice(0, line.charCodeAt(0) - 48) + line.slice(1);
    words.add(previous);
  }
  return words;
}

function primarySubtag(code: string): string {
  return code.toLowerCase().split(/[-_]/)[0] ?? '';
}
