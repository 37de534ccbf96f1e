import type { LanguageProfile, PairProfile } from '../languages/index.js';
import { foldForSearch, includesWord } from '../text/tokenize.js';
import { isAcronym, isCapitalised, readWords, type Word } from '../text/words.js';
import { createFlag } from './flag.js';
import { commonSubsequence } from './word-links.js';
import { readNeighbours } from './neighbours.js';
import type { Check, Flag } from './types.js';

// A name and a target word are the same name when they share this many first letters...
const MIN_SHARED_PREFIX = 4;
// ...and the shared part is at least this share of the shorter word: "Serbes"/"Serbs", "Russie"/"Russia".
const MIN_SHARED_SHARE = 0.6;
// Hyphenated parts shorter than this ("de" in "Saint-Germain-des-Prés") are not required.
const MIN_PART_LENGTH = 3;
// Longest ending dropped to find a word's exonyms by its start.
const MAX_ENDING = 5;
// Longest source, in words, read as a title when it has no closing punctuation.
const MAX_HEADING_WORDS = 10;
// Longest acronym: "UNESCO"; longer words in capitals are shouted.
const MAX_ACRONYM_LENGTH = 6;
// Share of a name's letters a translation's word must have in order to be its spelling ("Schreder",
// "Schraeder"; "Gouverneur", "governor").
const MIN_SPELLING_SHARE = 0.7;
// Roman numerals, with an ordinal ending ("XXIe siècle"): numbers, not names.
const ROMAN = /^[IVXLCDM]+\p{Ll}{0,3}$/u;

/** Names and acronyms of the source that the translation lost. */
export const missingName = {
  id: 'missing-name',
  name: 'Name missing from the translation',
  description:
    'A capitalised word of the source that is not where a sentence or a quotation starts, or an acronym ' +
    'anywhere, is taken for a name ("Ahtisaari", "Kosovo", "ONU") and must be in the translation. It is found ' +
    'ignoring case and accents ("Québec" in "Quebec", "kosovo"), by a shared start ("Serbes" in "Serbs", ' +
    '"Russie" in "Russia"), by a close spelling ("Schreder", "Schraeder"), an acronym by the initials of the ' +
    'words it stands for ("NMD", "national missile defense"), or by the exonyms of the language pair\'s data ("Maison-Blanche" is "White House", ' +
    '"États-Unis" is "United States" or "US", "Union européenne" is "EU"). Hyphenated names need each part. ' +
    'Many capitalised source words are translated rather than kept ("Traité de Rome" is "Treaty of Rome", ' +
    '"Irakiens" is "Iraqis"), and English capitalises what renders them: so a name is reported only when ' +
    'the translation has fewer unexplained capitalised words than the source has missing names. A name found ' +
    'in the previous or next sentence of the translation is not missing (sentence alignment is not exact). ' +
    'The flag points at the words where the name should be: between the words linked to the source words ' +
    'around it (numbers, names, cognates).',
  category: 'accuracy/omission',
  severity: 'major',
  needs: 'source',
  examples: {
    flag: [
      { target: 'The minister met his counterpart in the capital.', source: 'Le ministre a rencontré son homologue Sigrid Kaag à La Haye.', flagged: ['his counterpart in the'] },
      { target: 'States - States and Canada signed the deal.', source: "Les États-Unis et le Canada ont signé l'accord.", flagged: ['States - States and'] },
      { target: 'The agency said the plant was safe.', source: "L'AIEA a déclaré que la centrale était sûre.", flagged: ['The agency said the'] },
    ],
    pass: [
      { target: 'The minister met his counterpart Sigrid Kaag in The Hague.', source: 'Le ministre a rencontré son homologue Sigrid Kaag à La Haye.' },
      { target: 'The minister met his counterpart sigrid kaag in the hague.', source: 'Le ministre a rencontré son homologue Sigrid Kaag à La Haye.' },
      { target: 'The White House denied the report.', source: "La Maison-Blanche a démenti l'information." },
      { target: 'The US and Canada signed the deal.', source: "Les États-Unis et le Canada ont signé l'accord." },
      { target: 'The IAEA said the plant was safe.', source: "L'AIEA a déclaré que la centrale était sûre." },
      { target: 'NATO troops stayed in Quebec.', source: "Les troupes de l'OTAN sont restées au Québec." },
      { target: 'Serbs and Croats voted on Sunday.', source: 'Les Serbes et les Croates ont voté dimanche.' },
      { target: 'Iraqis queued to vote.', source: 'Les Irakiens ont fait la queue pour voter.' },
      { target: 'The Treaty of Lisbon changed little.', source: 'Le Traité de Lisbonne a peu changé les choses.' },
      { target: 'The EU budget was adopted.', source: "Le budget de l'Union européenne a été adopté." },
      { target: 'The bank raised rates in the 21st century.', source: 'La banque a relevé ses taux au XXIe siècle.' },
      { target: 'Farmers are angry.', source: 'Les Agriculteurs En Colère' },
      { target: 'He spoke to the mayor.', source: 'Il a parlé au maire.' },
      { target: 'He met his counterpart in Vienna on Monday.', source: 'Il a rencontré lundi à Vienne son homologue, Martti Ahtisaari.', document: ['Martti Ahtisaari, the UN envoy, said little.'] },
    ],
  },
  run(sentence, context): Flag[] {
    const source = sentence.source;
    const profile = context.source?.profile;
    if (!source || !profile) return [];
    const sourceWords = source.words;
    const heading = isHeading(source.text, sourceWords);
    const names = sourceWords.filter((word) => isName(word, profile) && (!heading || isAcronym(word)));
    // Most names are in the translation as they are ("Kosovo", "Ahtisaari"): a word of the translation is
    // its own folded form when it has no accent, so finding it among the sentence's words is enough.
    if (names.every((word) => includesWord(sentence.norms, word.folded))) return [];
    const pair = context.source?.pair;
    const targetWords = sentence.words;
    const found = createFinder(sentence.text, targetWords, pair);
    // The phrases of the pair's data are read only when a name is not found as it is.
    const notFound = names.filter((word) => !isFound(word, found));
    if (notFound.length === 0) return [];
    const covered = coverPhrases(sourceWords, found, pair);
    const missing = notFound.filter((word) => !covered[sourceWords.indexOf(word)]);
    if (missing.length === 0) return [];
    const unexplained = countUnexplainedCapitals(targetWords, sourceWords, pair);
    if (missing.length <= unexplained) return [];
    const neighbours = readNeighbours(context, sentence.index).map((text) => createFinder(text, readWords(text, context.target), pair));
    const lost = missing.filter((word) => !neighbours.some((finder) => isFound(word, finder)));
    const flags: Flag[] = [];
    for (const group of groupAdjacent(lost, sourceWords)) {
      const first = group[0]!;
      const last = group[group.length - 1]!;
      const span = source.links.locate(first.token.start, last.token.end);
      if (!span || flags.some((flag) => flag.start < span.end && span.start < flag.end)) continue;
      const name = source.text.slice(first.token.start, last.token.end);
      flags.push(createFlag(missingName, span.start, span.end, `"${name}" of the source is not in the translation: check the name was kept here.`));
    }
    return flags;
  }
} satisfies Check;

// Whether a source name is in a translation: as is, without its hyphens, as an acronym, or part by part.
function isFound(word: Word, found: Finder): boolean {
  if (found.key(word.folded) || (word.folded.includes('-') && found.key(word.folded.replaceAll('-', ' ')))) return true;
  if (isAcronym(word) && found.acronym(word.folded)) return true;
  const parts = word.folded.split('-').filter((part) => part.length >= MIN_PART_LENGTH);
  return parts.length > 1 && parts.every((part) => found.key(part));
}

// Missing names next to each other in the source ("Sigrid Kaag") make one flag.
function groupAdjacent(missing: readonly Word[], words: readonly Word[]): Word[][] {
  const groups: Word[][] = [];
  for (const word of missing) {
    const group = groups[groups.length - 1];
    const previous = group?.[group.length - 1];
    if (group && previous && words.indexOf(word) === words.indexOf(previous) + 1) group.push(word);
    else groups.push([word]);
  }
  return groups;
}

// A capitalised word away from a sentence start, or an acronym anywhere; not a roman numeral or a number word.
function isName(word: Word, profile: LanguageProfile): boolean {
  if (word.surface.length < 2 || !isCapitalised(word) || ROMAN.test(word.surface)) return false;
  // A long word in capitals is shouted, not an acronym: "une situation CRITIQUE".
  if (word.surface.length > MAX_ACRONYM_LENGTH && word.surface === word.surface.toUpperCase()) return false;
  // "Deuxième Guerre mondiale" is "Second World War": ordinals and number words are translated.
  if (profile.numberWords.has(word.bare) || profile.numberAliases.has(word.bare)) return false;
  return !word.initial || isAcronym(word);
}

/** Where a name of the source is looked for in the translation. */
interface Finder {
  /** The translation folded for phrase search (`foldForSearch`). */
  readonly text: string;
  /** Whether a folded source word or part is in the translation, as is, by its start or by an exonym. */
  key(key: string): boolean;
  /** Whether an acronym's letters, in any order, are an acronym of the translation ("UEM" and "EMU", "OTAN" and "NATO"). */
  acronym(folded: string): boolean;
}

// The finder reads the translation once; what only some names need (the folded text, the list of
// forms, the acronyms) is built on first use. A class: a sentence with names makes one, and its
// methods are not closures made for each.
class NameFinder implements Finder {
  readonly #forms = new Set<string>();
  #text: string | undefined;
  #acronyms: Set<string> | undefined;
  #formList: string[] | undefined;

  constructor(
    private readonly target: string,
    private readonly targetWords: readonly Word[],
    private readonly pair: PairProfile | undefined,
  ) {
    for (const word of targetWords) {
      this.#forms.add(word.folded);
      // "L'Expansion" left in French still carries the name "Expansion".
      if (/[-']/.test(word.folded)) for (const part of word.folded.split(/[-']/)) if (part !== '') this.#forms.add(part);
    }
  }

  get text(): string {
    return (this.#text ??= foldForSearch(this.target));
  }

  key(key: string): boolean {
    if (this.#hasWord(key)) return true;
    const exonyms = findExonyms(key, this.pair);
    if (exonyms) for (const phrase of exonyms) if (this.#hasPhrase(phrase)) return true;
    // The slowest test comes last, after the exonyms.
    return this.#list().some((form) => spellsAlike(key, form));
  }

  acronym(folded: string): boolean {
    this.#acronyms ??= new Set(this.targetWords.filter(isAcronym).map((word) => sortLetters(word.folded)));
    return this.#acronyms.has(sortLetters(folded)) || isSpelledOut(folded, this.targetWords);
  }

  // A sentence has a few dozen words: a scan for a shared start costs less than an index of their starts.
  #hasWord(key: string): boolean {
    return this.#forms.has(key) || this.#list().some((form) => sharesStart(key, form));
  }

  // An exonym is trusted: its start is enough ("web" in "website").
  #hasPhrase(phrase: string): boolean {
    return this.text.includes(` ${phrase} `) || (!phrase.includes(' ') && this.#list().some((form) => form.startsWith(phrase)));
  }

  #list(): string[] {
    return (this.#formList ??= [...this.#forms]);
  }
}

function createFinder(target: string, targetWords: readonly Word[], pair: PairProfile | undefined): Finder {
  return new NameFinder(target, targetWords, pair);
}

// The exonyms of a word, or of its longest start that has some ("irakiens" takes those of "irak").
function findExonyms(key: string, pair: PairProfile | undefined): string[] | undefined {
  const exonyms = pair?.exonyms;
  if (!exonyms) return undefined;
  // An ending to drop is short: "irakiens" takes those of "irak".
  for (let length = key.length; length >= Math.max(Math.min(key.length, MIN_SHARED_PREFIX), key.length - MAX_ENDING); length--) {
    const found = exonyms.get(key.slice(0, length));
    if (found) return found;
  }
  return undefined;
}

// An acronym written out in the translation: the initials of consecutive words, in its order or
// another ("NMD" in "national missile defense", "OTAN" in "North Atlantic Treaty Organization"); a
// longer one may lose a letter in translation ("NMD" as "missile defence programme").
function isSpelledOut(acronym: string, words: readonly Word[]): boolean {
  const content = words.filter((word) => word.folded.length > 3 || isCapitalised(word));
  const initials = content.map((word) => word.folded.charAt(0)).join('');
  const wanted = sortLetters(acronym);
  for (let index = 0; index + acronym.length <= initials.length; index++) {
    const run = initials.slice(index, index + acronym.length);
    if (run === acronym || sortLetters(run) === wanted) return true;
  }
  return acronym.length >= 3 && [...acronym].some((_, skipped) => initials.includes(acronym.slice(0, skipped) + acronym.slice(skipped + 1)));
}

// A word written alike, same first letter and most letters in the same order: a spelling of the name.
function spellsAlike(name: string, form: string): boolean {
  if (name.length < MIN_SHARED_PREFIX || form.charCodeAt(0) !== name.charCodeAt(0)) return false;
  const longer = Math.max(name.length, form.length);
  return Math.min(name.length, form.length) >= MIN_SPELLING_SHARE * longer && commonSubsequence(name, form) >= MIN_SPELLING_SHARE * longer;
}

function sortLetters(word: string): string {
  return [...word].sort().join('');
}

// A title ("Les Leçons du tsunami", "Le Prix de l'immobilier : un château de cartes ?"): short, without a
// closing full stop; its capitals may be title case, so only its acronyms are taken for names.
function isHeading(source: string, words: readonly Word[]): boolean {
  return words.length <= MAX_HEADING_WORDS && !/[.!;»"”)]\s*$/.test(source);
}

// Source words inside a multi-word exonym found on both sides ("Union européenne" with "EU").
function coverPhrases(words: readonly Word[], found: Finder, pair: PairProfile | undefined): boolean[] {
  const covered = words.map(() => false);
  const exonyms = pair?.exonyms;
  if (!exonyms) return covered;
  const starts = indexPhraseStarts(exonyms);
  words.forEach((word, index) => {
    if (!starts.has(word.folded)) return;
    for (const length of [3, 2]) {
      const slice = words.slice(index, index + length);
      if (slice.length < length) continue;
      const key = slice.map((other) => other.folded).join(' ');
      if (exonyms.get(key)?.some((phrase) => found.text.includes(` ${phrase} `))) {
        for (let offset = 0; offset < length; offset++) covered[index + offset] = true;
      }
    }
  });
  return covered;
}

// First words of the multi-word exonym keys, per exonym table.
const phraseStarts = new WeakMap<object, ReadonlySet<string>>();

function indexPhraseStarts(exonyms: ReadonlyMap<string, string[]>): ReadonlySet<string> {
  const cached = phraseStarts.get(exonyms);
  if (cached) return cached;
  const starts = new Set([...exonyms.keys()].filter((key) => key.includes(' ')).map((key) => key.split(' ')[0] ?? ''));
  phraseStarts.set(exonyms, starts);
  return starts;
}

// Capitalised target words away from the sentence start that match no source word and render none by
// the exonyms: translations of names ("Treaty", "Iraqis", "West"), each of which may account for one
// missing name. "States" renders "États" and explains nothing else: "États-Unis" as "States - States".
function countUnexplainedCapitals(targetWords: readonly Word[], sourceWords: readonly Word[], pair: PairProfile | undefined): number {
  const rendered = new Set<string>();
  for (const word of sourceWords) {
    for (const key of [word.folded, ...word.folded.split('-')]) {
      for (const phrase of pair?.exonyms.get(key) ?? []) for (const part of phrase.split(' ')) rendered.add(part);
    }
  }
  const sourceForms = new Set(sourceWords.map((word) => word.folded));
  let count = 0;
  for (const word of targetWords) {
    if (word.initial || !isCapitalised(word) || word.surface.length < 2 || rendered.has(word.folded) || sourceForms.has(word.folded)) continue;
    if (!sourceWords.some((other) => sharesStart(other.folded, word.folded))) count++;
  }
  return count;
}

// "serbes" and "serbs" share "serb": four letters, two thirds of the shorter word.
function sharesStart(name: string, form: string): boolean {
  const limit = Math.min(name.length, form.length);
  let shared = 0;
  while (shared < limit && name.charCodeAt(shared) === form.charCodeAt(shared)) shared++;
  return shared >= MIN_SHARED_PREFIX && shared >= MIN_SHARED_SHARE * limit;
}
