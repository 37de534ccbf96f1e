import referents from '../languages/fr/referents.json' with { type: 'json' };
import starters from '../languages/fr/sentence-starters.json' with { type: 'json' };
import type { Token } from '../text/tokenize.js';
import { isAcronym, isCapitalised, type Word } from '../text/words.js';
import { createFlag, isSentenceStart, matchCase } from './flag.js';
import type { WordLinks } from './word-links.js';
import type { Check, Flag } from './types.js';

/** What a French word renders in English: a possessive (son, sa, ses), a subject (il, elle), an object (le, la, lui, se). */
type Rendering = 'possessive' | 'subject' | 'object';

// English pronouns that say a man or a woman, and the French words they render.
const ENGLISH_PRONOUNS: ReadonlyMap<string, { gender: 'masculine' | 'feminine'; renders: Rendering }> = new Map([
  ['he', { gender: 'masculine', renders: 'subject' }],
  ['she', { gender: 'feminine', renders: 'subject' }],
  ['him', { gender: 'masculine', renders: 'object' }],
  ['himself', { gender: 'masculine', renders: 'object' }],
  ['herself', { gender: 'feminine', renders: 'object' }],
  ['his', { gender: 'masculine', renders: 'possessive' }],
  ['hers', { gender: 'feminine', renders: 'possessive' }],
  ['her', { gender: 'feminine', renders: 'possessive' }],
]);
// What a thing is called instead; what a woman is called instead of a man.
const FOR_THING: Readonly<Record<string, string>> = { he: 'it', she: 'it', him: 'it', himself: 'itself', herself: 'itself', his: 'its', hers: 'its', her: 'its' };
const FOR_WOMAN: Readonly<Record<string, string>> = { he: 'she', him: 'her', himself: 'herself', his: 'her' };
// Words after which "her" is an object ("told her that"), not a possessive ("her party").
const NOT_POSSESSED = new Set(['to', 'of', 'in', 'on', 'at', 'for', 'with', 'and', 'or', 'but', 'that', 'as', 'from', 'by', 'into', 'about', 'is', 'was', 'a', 'an', 'the', 'this', 'it', 'if', 'when', 'so', 'not', 'too', 'again', 'back', 'up', 'down', 'out', 'off', 'over']);

const POSSESSIVES = new Set(referents.possessives);
const SUBJECTS = new Set(Object.keys(referents.subjectPronouns));
const OBJECTS = new Set(referents.objectPronouns);
const OBJECT_AFTER = new Set(referents.objectPronounsAfter);
const IMPERSONAL_AFTER_IL = new Set(referents.impersonalAfterIl);
const PERSON_POSSESSIONS = new Set(referents.personPossessions);
const ARTICLES: ReadonlyMap<string, string> = new Map(Object.entries(referents.articles));
const TITLES: ReadonlyMap<string, string> = new Map(Object.entries(referents.titles));
const TITLE_ADJECTIVES = new Set(referents.titleAdjectives);
const PERSON_NOUNS: ReadonlyMap<string, string> = new Map(
  (['either', 'masculine', 'feminine'] as const).flatMap((gender) => referents.personNouns[gender].map((noun) => [noun, gender] as const)),
);
const INSTITUTIONS = new Set(referents.institutionNouns);
// Words that open French sentences (articles, pronouns, connectors): never a name there.
const STARTERS = new Set(starters.map((word) => word.toLowerCase()));
// "en France", "en Bosnie": a place's name without its article.
const PLACE_PREPOSITIONS = new Set(['en']);
// Subject pronouns inverted after their verb: "pourra-t-il", "a-t-elle".
const INVERTED_SUBJECT = /-(?:t-)?(il|elle)$/;

/** A French word that an English pronoun may render, with whether a thing comes before it. */
interface SourceWord {
  start: number;
  end: number;
  norm: string;
  afterThing: boolean;
}

/** What a French sentence says of the people and things its pronouns may stand for. */
interface Referents {
  /** Persons of unknown gender: names that may be people's, roles without an article. */
  persons: number;
  /** A man or a woman named by a title or a role ("M.", "le ministre", "la chancelière"). */
  man: boolean;
  woman: boolean;
  /** "il" (not impersonal) and "elle" as subjects. */
  il: boolean;
  elle: boolean;
  /** Whether an "elle" comes after a person of unknown gender, who may be the woman it stands for ("Sheikh Hasina ... qu'elle"). */
  elleAfterPerson: boolean;
  /** Whether a word stands for a person outside the sentence: an "il", "elle" or "lui" before any thing, a person's possession ("ses yeux"). */
  someoneElse: boolean;
  /** An institution, a country or a company: a noun of the list, a capitalised name after an article, an acronym. */
  thing: boolean;
  renderings: Record<Rendering, SourceWord[]>;
}

/** "he", "his" for a country, a company or a woman: the French pronoun's grammatical gender read as a person's. */
export const pronounGender = {
  id: 'pronoun-gender',
  name: 'Pronoun of the wrong gender',
  description:
    'French "il" and "elle" follow the grammatical gender of any noun, and "son", "sa", "ses" agree with the thing ' +
    'owned, not its owner, so machine translation guesses "he", "she", "his". With the source attached, the check reads ' +
    'whom the French sentence can mean (src/languages/fr/referents.json). When it names things (an institution or a ' +
    'company noun, a capitalised name after an article such as "la Turquie", an acronym) and no person, an English ' +
    '"he", "she", "him", "his" or "her" that renders an "il", "elle", "le", "la", "son", "sa" or "ses" coming after ' +
    'such a thing (or in a phrase before it, ending with a comma: "Grâce à son programme, le FIDESZ") is "it" or ' +
    '"its". When it speaks of a woman ("elle", "Mme", "la ministre") and of no man, "he", "him" or "his" is "she" or ' +
    '"her". A capitalised name without an article may be a person, a role of either gender without an article ' +
    '("son homologue") may be a man, and a pronoun before any thing may be someone of the previous sentence: such ' +
    'sentences are left alone. The English pronoun must stand between the same word links as the French word it ' +
    'renders. The flag covers the pronoun.',
  category: 'accuracy/pronoun',
  severity: 'major',
  needs: 'source',
  examples: {
    flag: [
      { target: 'Serbia must not miss the chance to break with his nationalist past.', source: 'La Serbie ne doit pas manquer cette chance de rompre avec son passé nationaliste.', flagged: ['his'], fixed: 'Serbia must not miss the chance to break with its nationalist past.' },
      { target: 'The company said that she would close two plants.', source: "La société a annoncé qu'elle fermerait deux usines.", flagged: ['she'], fixed: 'The company said that it would close two plants.' },
      { target: 'The Commission is losing his credibility with the small countries.', source: 'La Commission perd sa crédibilité auprès des petits pays.', flagged: ['his'], fixed: 'The Commission is losing its credibility with the small countries.' },
      { target: 'Thanks to his programme, the party doubled its members.', source: 'Grâce à son programme, le parti a doublé ses adhérents.', flagged: ['his'], fixed: 'Thanks to its programme, the party doubled its members.' },
      { target: 'The Prime Minister said he would dissolve his cabinet.', source: "La Première ministre a déclaré qu'elle dissoudrait son gouvernement.", flagged: ['he', 'his'], fixed: 'The Prime Minister said she would dissolve his cabinet.' },
      { target: 'Mrs Hasina said he would stay.', source: "Mme Hasina a déclaré qu'elle resterait.", flagged: ['he'], fixed: 'Mrs Hasina said she would stay.' },
      { target: 'Sheikh Hasina said he would dissolve his government.', source: "Sheikh Hasina a annoncé qu'elle dissoudrait son gouvernement.", flagged: ['he', 'his'] },
    ],
    pass: [
      { target: 'The company said that it would close two plants.', source: "La société a annoncé qu'elle fermerait deux usines." },
      { target: 'The minister said that he would close two plants.', source: "Le ministre a annoncé qu'il fermerait deux usines." },
      { target: 'The government praised his courage.', source: 'Le gouvernement a salué son courage, a dit Jean Dupont.' },
      { target: 'His estimate ignores the costs for the government.', source: 'Son estimation ignore les coûts pour le gouvernement.' },
      { target: 'He became a hero in his country.', source: 'Il est devenu un héros dans son pays.' },
      { target: 'The market economy often lacks a heart in his eyes.', source: "L'économie de marché manque souvent d'un coeur à ses yeux." },
      { target: 'Roh managed to convince his electorate.', source: 'Roh a réussi à convaincre son électorat.' },
      { target: 'She met the president and his wife.', source: 'Elle a rencontré le président et son épouse.' },
      { target: 'She received her counterpart and his delegation.', source: 'Elle a reçu son homologue et sa délégation.' },
      { target: 'Mrs Hasina said she would stay.', source: "Mme Hasina a déclaré qu'elle resterait." },
      { target: 'She met Vladimir Putin and his wife.', source: 'Elle a rencontré Vladimir Poutine et son épouse.' },
      { target: 'The building is 3 m high and his roof is flat.', source: "Le bâtiment fait 3 m de haut et son toit est plat, a dit l'architecte." },
    ],
  },
  run(sentence, context): Flag[] {
    const source = sentence.source;
    const profile = context.source?.profile;
    if (!source || !profile || !sentence.tokens.some((token) => ENGLISH_PRONOUNS.has(token.norm))) return [];
    const found = readReferents(source.words, source.text, new Set(sentence.words.map((word) => word.folded)));
    // A thing when the sentence names one and no person. A woman when it names one, or says "elle", and
    // no man: another person may be a man, unless "elle" follows the only one, who is then the woman.
    const forThing = found.thing && found.persons === 0 && !found.man && !found.woman && !found.someoneElse;
    const forWoman = !forThing && (found.woman || found.elle) && !found.man && !found.il && found.persons <= (found.elleAfterPerson ? 1 : 0);
    if (!forThing && !forWoman) return [];
    const flags: Flag[] = [];
    sentence.tokens.forEach((token, index) => {
      const pronoun = ENGLISH_PRONOUNS.get(token.norm);
      if (!pronoun || (forWoman && pronoun.gender === 'feminine')) return;
      const renders = token.norm === 'her' && !isPossessed(sentence.tokens[index + 1]) ? 'object' : pronoun.renders;
      // A thing's pronoun renders a French word that comes after the thing; a woman's "he" renders "elle" (an "il" is another person).
      const counterparts = found.renderings[renders].filter((word) => (forThing ? word.afterThing && word.norm !== 'lui' : renders !== 'subject' || word.norm === 'elle'));
      const counterpart = counterparts.find((word) => rendersAt(source.links, word, token));
      if (!counterpart) return;
      // "elle-même" is "itself", "herself".
      const reflexive = counterpart.norm.endsWith('-même');
      const replacement = forThing
        ? reflexive ? 'itself' : renders === 'object' && token.norm === 'her' ? 'it' : FOR_THING[token.norm]
        : reflexive ? 'herself' : FOR_WOMAN[token.norm];
      if (!replacement) return;
      const suggestion = matchCase(replacement, token.text, isSentenceStart(sentence.text, token.start));
      const french = source.text.slice(counterpart.start, counterpart.end);
      const message = forThing
        ? `"${token.text}" renders "${french}", which stands for a thing: the source names no person here. Write "${suggestion}".`
        : `"${token.text}" renders "${french}", which stands for a woman: the source speaks of no man here. Write "${suggestion}".`;
      flags.push(createFlag(pronounGender, token.start, token.end, message, [suggestion]));
    });
    return flags;
  },
} satisfies Check;

/**
 * Whom a French sentence can mean, read word by word.
 *
 * @param text The French sentence the words are read from.
 * @param targetWords The translation's folded words: a capitalised word that opens the source and is
 *   kept as it is in the translation is a name ("Roh a réussi" and "Roh managed").
 */
function readReferents(words: readonly Word[], text: string, targetWords: ReadonlySet<string>): Referents {
  const found: Referents = {
    persons: 0,
    man: false,
    woman: false,
    il: false,
    elle: false,
    elleAfterPerson: false,
    someoneElse: false,
    thing: false,
    renderings: { possessive: [], subject: [], object: [] },
  };
  // Whether a phrase ended by a comma may still say whose a possessive is: "Grâce à son programme, le FIDESZ".
  let pendingPossessives: SourceWord[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    const norm = word.token.norm;
    readPronouns(found, words, index, pendingPossessives);
    const title = isCapitalised(word) || norm.length > 3 ? TITLES.get(norm) ?? TITLES.get(`${norm}.`) : undefined;
    const role = PERSON_NOUNS.get(word.bare);
    if (title || role) {
      markPerson(found, title ?? (role === 'either' ? ARTICLES.get(articleBefore(words, index) ?? '') : role));
      // The name after a title or a role is that person's: "Mme Hasina", "le président Obama".
      index = endOfName(words, index);
      continue;
    }
    if (INSTITUTIONS.has(word.bare) && !isCapitalised(word)) markThing(found, words, index, pendingPossessives, text);
    if (!isCapitalised(word)) continue;
    // "la Première ministre": an adjective of a title, capitalised.
    if (TITLE_ADJECTIVES.has(word.bare) && PERSON_NOUNS.has(words[index + 1]?.bare ?? '')) continue;
    if (word.initial && !isNameAtStart(words, index, targetWords)) continue;
    if (!word.initial && (isAcronym(word) || articleBefore(words, index) || PLACE_PREPOSITIONS.has(words[index - 1]?.token.norm ?? ''))) {
      markThing(found, words, index, pendingPossessives, text);
      pendingPossessives = [];
      index = endOfName(words, index);
      continue;
    }
    // A capitalised word without an article may be a person's name; a run of them is one name.
    found.persons++;
    index = endOfName(words, index);
  }
  return found;
}

// The pronouns of one word: possessives, subjects (also inverted: "pourra-t-il"), objects (also elided: "l'ont soutenu").
function readPronouns(found: Referents, words: readonly Word[], index: number, pending: SourceWord[]): void {
  const word = words[index]!;
  const norm = word.token.norm;
  const previous = words[index - 1]?.token.norm ?? '';
  if (POSSESSIVES.has(norm)) {
    const possessive = sourceWord(word, found);
    found.renderings.possessive.push(possessive);
    if (PERSON_POSSESSIONS.has(words[index + 1]?.bare ?? '')) found.someoneElse = true;
    else if (!found.thing) pending.push(possessive);
  }
  const subject = SUBJECTS.has(word.bare) && !isCapitalisedName(word) ? word.bare : INVERTED_SUBJECT.exec(norm)?.[1];
  if (subject === 'il' && IMPERSONAL_AFTER_IL.has(words[index + 1]?.token.norm ?? '')) return;
  if (subject) {
    if (subject === 'il') found.il = true;
    else {
      found.elle = true;
      if (found.persons > 0) found.elleAfterPerson = true;
    }
    if (!found.thing) found.someoneElse = true;
    found.renderings.subject.push(sourceWord(word, found, word.token.end, subject));
  }
  if (word.bare === 'lui' || word.bare === 'lui-même') found.someoneElse = true;
  const elided = norm.slice(0, norm.length - word.bare.length);
  if (isObjectPronoun(word.bare, previous)) found.renderings.object.push(sourceWord(word, found));
  else if (elided !== '' && isObjectPronoun(elided, previous)) found.renderings.object.push(sourceWord(word, found, word.token.start + elided.length, elided));
}

// A word as an English pronoun may render it: the whole word, or its subject or elided part.
function sourceWord(word: Word, found: Referents, end = word.token.end, norm = word.bare): SourceWord {
  return { start: word.token.start, end, norm, afterThing: found.thing };
}

// A thing is named: possessives in the phrase before it, closed by a comma, are its own.
function markThing(found: Referents, words: readonly Word[], index: number, pending: SourceWord[], text: string): void {
  if (!found.thing && pending.length > 0 && isAfterComma(words, index, text)) {
    for (const possessive of pending) possessive.afterThing = true;
  } else if (!found.thing && pending.length > 0) {
    // "Son estimation ... pour le gouvernement": the owner is someone of the previous sentence.
    found.someoneElse = true;
  }
  found.thing = true;
}

// Whether a comma stands right before this word or its article: "..., le FIDESZ".
function isAfterComma(words: readonly Word[], index: number, text: string): boolean {
  const elided = words[index]!.token.norm !== words[index]!.bare;
  const first = articleBefore(words, index) && !elided ? index - 1 : index;
  const previous = words[first - 1];
  return previous !== undefined && text.slice(previous.token.end, words[first]!.token.start).includes(',');
}

// A capitalised word that opens the sentence is a name when a capitalised word follows it ("Jean-Paul II",
// "Thomas Jefferson") or when the translation keeps it as it is ("Roh"); articles and connectors are not.
function isNameAtStart(words: readonly Word[], index: number, targetWords: ReadonlySet<string>): boolean {
  const word = words[index]!;
  if (STARTERS.has(word.token.norm) || STARTERS.has(word.bare) || TITLES.has(word.bare) || PERSON_NOUNS.has(word.bare)) return false;
  const next = words[index + 1];
  return (next !== undefined && isCapitalised(next) && isAdjacent(word, next)) || targetWords.has(word.folded);
}

// The last word of a run of capitalised words joined by spaces only ("Banque Mondiale", "Jean-Paul II").
function endOfName(words: readonly Word[], index: number): number {
  let last = index;
  while (last + 1 < words.length && isCapitalised(words[last + 1]!) && isAdjacent(words[last]!, words[last + 1]!)) last++;
  return last;
}

function isAdjacent(word: Word, next: Word): boolean {
  return next.token.start - word.token.end <= 1;
}

// "Il" opening a sentence is the pronoun; "Il" inside one is not a name either.
function isCapitalisedName(word: Word): boolean {
  return isCapitalised(word) && !word.initial;
}

// "lui", "se", "elle-même" anywhere; "le", "la", "l'" only after a subject or "ne", where they are not articles.
function isObjectPronoun(norm: string, previous: string): boolean {
  if (!OBJECTS.has(norm)) return false;
  return !ARTICLES.has(norm) || OBJECT_AFTER.has(previous);
}

// A person of this gender ('either' or undefined: unknown) is in the sentence.
function markPerson(found: Referents, gender: string | undefined): void {
  if (gender === 'masculine') found.man = true;
  else if (gender === 'feminine') found.woman = true;
  else found.persons++;
}

// The article before a word, elided ("l'Allemagne") or not ("la Turquie"), perhaps before an adjective
// of a title ("la nouvelle ministre").
function articleBefore(words: readonly Word[], index: number): string | undefined {
  const word = words[index]!;
  if (word.token.norm !== word.bare) {
    const elided = word.token.norm.slice(0, word.token.norm.length - word.bare.length);
    return ARTICLES.has(elided) ? elided : undefined;
  }
  const previous = words[index - 1];
  if (!previous) return undefined;
  if (ARTICLES.has(previous.token.norm)) return previous.token.norm;
  return TITLE_ADJECTIVES.has(previous.bare) ? articleBefore(words, index - 1) : undefined;
}

// Whether the pronoun stands where the French word is rendered: between the same word links.
function rendersAt(links: WordLinks, word: { start: number; end: number }, token: Token): boolean {
  let from = 0;
  let to = Infinity;
  for (const link of links.links) {
    if (link.source.end <= word.start) from = link.target.end;
    else if (link.source.start >= word.end) {
      to = link.target.start;
      break;
    }
  }
  return token.start >= from && token.end <= to;
}

function isPossessed(next: Token | undefined): boolean {
  return next !== undefined && next.kind === 'word' && !NOT_POSSESSED.has(next.norm);
}
