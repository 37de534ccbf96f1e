import type { LanguageProfile, NegationRules } from '../languages/index.js';
import type { Word } from '../text/words.js';
import { createFlag } from './flag.js';
import { compilePatterns, matchesAny, matchesPattern, type PatternSet } from './word-patterns.js';
import type { Check, Flag } from './types.js';

// How many words after "ne" a restrictive "que" may come.
const RESTRICTIVE_WINDOW = 12;

/** A negation on one side and none on the other. */
export const negationMismatch = {
  id: 'negation-mismatch',
  name: 'Negation lost or added',
  description:
    'A translation that drops or adds a negation says the opposite of the source. Each language\'s data lists ' +
    'how it negates: a particle with a partner a few words later ("ne ... pas", "n\'a jamais"), words negative ' +
    'on their own ("sans", "aucun", "never", "without"), endings ("n\'t"), and phrases that only look negative ' +
    '("sans doute" is "probably", "non seulement" is "not only", "no doubt"). A French "ne" without a partner ' +
    '("avant qu\'il ne parte") and "ne ... que" ("only") are not negations. Only the presence of a negation is ' +
    'compared, not the count, since "ni ... ni" and "neither ... nor" need not match word for word. A lost ' +
    'negation is flagged on the words that render the negated part of the source (between the words linked to ' +
    'the source around it); an added one where it is.',
  category: 'accuracy/mistranslation',
  severity: 'major',
  needs: 'source',
  examples: {
    flag: [
      { target: 'The minister will attend the summit.', source: 'Le ministre ne participera pas au sommet.', flagged: ['will attend the summit'] },
      { target: 'The talks have succeeded.', source: "Les négociations n'ont jamais abouti.", flagged: ['The talks have succeeded'] },
      { target: 'The mayor did not sign the decree.', source: 'Le maire a signé le décret.', flagged: ['not'] },
      { target: 'Refugees arrived with papers.', source: "Les réfugiés sont arrivés sans papiers d'identité.", flagged: ['with'] },
    ],
    pass: [
      { target: 'The minister will not attend the summit.', source: 'Le ministre ne participera pas au sommet.' },
      { target: "The minister won't attend the summit.", source: 'Le ministre ne participera pas au sommet.' },
      { target: 'Nobody knows the cost.', source: 'Personne ne connaît le coût.' },
      { target: 'The talks were probably a failure.', source: 'Les négociations ont sans doute échoué.' },
      { target: 'She can only wait.', source: "Elle ne peut qu'attendre." },
      { target: 'The plan is not only costly but useless.', source: 'Le plan est non seulement coûteux, mais inutile.' },
      { target: 'He left before the storm broke.', source: "Il est parti avant que l'orage n'éclate." },
      { target: 'The hotel is homeless shelter now.', source: "L'hôtel accueille désormais des personnes sans abri." },
      { target: 'Unemployment keeps rising.', source: "Le chômage ne cesse d'augmenter." },
      { target: 'Prices are higher than ever.', source: 'Les prix sont plus élevés que jamais.' },
      { target: 'The group failed to agree on a text.', source: "Le groupe n'a pas réussi à s'entendre sur un texte." },
    ],
  },
  run(sentence, context): Flag[] {
    const source = sentence.source;
    const sourceProfile = context.source?.profile;
    if (!source || !sourceProfile || !context.target) return [];
    const inSource = findNegations(source.words, sourceProfile);
    const inTarget = findNegations(sentence.words, context.target);
    if (inSource.strong.length > 0 && inTarget.strong.length === 0 && !inTarget.weak && !isCopied(inSource.strong, sentence.words)) {
      const words = [...new Set(inSource.strong)].sort((a, b) => a.token.start - b.token.start);
      const first = words[0]!;
      const last = words[words.length - 1]!;
      // The negated verb sits between "ne" and "pas": locate the whole stretch.
      const span = source.links.locate(first.token.start, last.token.end);
      if (!span) return [];
      const shown = words.map((word) => word.token.text).join(' … ');
      return [createFlag(negationMismatch, span.start, span.end, `The source negates ("${shown}") but the translation does not: check the meaning here.`)];
    }
    const first = inTarget.strong[0];
    if (first && inSource.strong.length === 0 && !inSource.weak) {
      const { start, end, text } = first.token;
      return [createFlag(negationMismatch, start, end, `"${text}" negates but the source does not: check the meaning.`)];
    }
    return [];
  }
} satisfies Check;

/** Negation rules compiled once per language for lookups by word. */
interface CompiledRules {
  rules: NegationRules;
  words: ReadonlySet<string>;
  weak: PatternSet;
  weakExceptions: PatternSet;
  /** "Not a negation" phrases by their first word, split into word patterns. */
  phrases: ReadonlyMap<string, string[][]>;
}

const compiled = new Map<string, CompiledRules>();

function compileRules(profile: LanguageProfile): CompiledRules {
  const cached = compiled.get(profile.code);
  if (cached) return cached;
  const rules = profile.negation;
  const phrases = new Map<string, string[][]>();
  for (const phrase of rules.notNegation) {
    const parts = phrase.split(' ');
    const first = parts[0] ?? '';
    phrases.set(first, [...(phrases.get(first) ?? []), parts]);
  }
  const result = {
    rules,
    words: new Set(rules.words),
    weak: compilePatterns(rules.weakWords),
    weakExceptions: compilePatterns(rules.weakExceptions ?? []),
    phrases
  };
  compiled.set(profile.code, result);
  return result;
}

/** The negations of a sentence: the words that make it negative (a particle with its partner gives both), and whether a weak one is there. */
function findNegations(words: readonly Word[], profile: LanguageProfile): { strong: Word[]; weak: boolean } {
  const compiledRules = compileRules(profile);
  const { rules } = compiledRules;
  const excused = markExcused(words, compiledRules.phrases);
  const strong: Word[] = [];
  let weak = false;
  // Plain loops: this runs on every word of both sides of every sentence.
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    if (excused[index]) {
      weak = true;
      continue;
    }
    const norm = word.token.norm;
    if (compiledRules.words.has(norm) || compiledRules.words.has(word.bare) || hasSuffix(norm, rules.suffixes)) {
      strong.push(word);
      continue;
    }
    if (isParticle(norm, rules.particles)) {
      const partner = findPartner(words, index, excused, rules);
      if (partner && partner !== word) strong.push(word, partner);
      else if (partner) strong.push(word);
      continue;
    }
    if (!weak && matchesAny(norm, compiledRules.weak)) weak = !matchesAny(norm, compiledRules.weakExceptions);
  }
  return { strong, weak };
}

// The word that makes a particle a negation: a partner after it ("ne ... pas"), one of the partners that
// may come first ("personne ne"), or the particle's own verb in the literary negation ("ne peut", "n'ose").
function findPartner(words: readonly Word[], index: number, excused: boolean[], rules: NegationRules): Word | undefined {
  const particle = words[index];
  const last = Math.min(words.length - 1, index + rules.partnerWindow);
  for (let next = index + 1; next <= last; next++) {
    const word = words[next];
    if (!word || excused[next]) continue;
    if (rules.partners.includes(word.token.norm)) return word;
  }
  const verb = particle && particle.token.norm !== particle.bare ? particle : words[index + 1];
  if (verb && rules.particleVerbs?.includes(verb.bare)) {
    // "ne" and "que" may stand far apart: "ne pourrait s'inscrire dans les compétences de l'Union qu'à condition".
    const after = words.slice(index + 1, index + 1 + RESTRICTIVE_WINDOW).map((word) => word.token.norm);
    if (!after.some((norm) => rules.restrictive?.some((pattern) => matchesPattern(norm, pattern)))) return verb;
  }
  for (let previous = Math.max(0, index - rules.partnerWindow); previous < index; previous++) {
    const word = words[previous];
    if (word && !excused[previous] && rules.partnersBefore?.includes(word.token.norm)) return word;
  }
  return undefined;
}

// The source's negation words kept as they are, inside a name: "Médecins sans Frontières".
function isCopied(negations: Word[], target: readonly Word[]): boolean {
  const norms = new Set(target.map((word) => word.token.norm));
  return negations.some((word) => norms.has(word.token.norm));
}

// "ne" alone, or elided against its verb ("n'a").
function isParticle(norm: string, particles: readonly string[]): boolean {
  for (const particle of particles) {
    if (particle.endsWith("'") ? norm.startsWith(particle) && norm.length > particle.length : norm === particle) return true;
  }
  return false;
}

// A negative ending, on a longer word: "n't" of "didn't".
function hasSuffix(norm: string, suffixes: readonly string[] | undefined): boolean {
  if (!suffixes) return false;
  for (const suffix of suffixes) if (norm.length > suffix.length && norm.endsWith(suffix)) return true;
  return false;
}

// Words inside a phrase that only looks negative ("sans doute", "no doubt").
function markExcused(words: readonly Word[], phrases: ReadonlyMap<string, string[][]>): boolean[] {
  const excused = new Array<boolean>(words.length).fill(false);
  if (phrases.size === 0) return excused;
  for (let index = 0; index < words.length; index++) {
    const candidates = phrases.get(words[index]!.token.norm);
    if (!candidates) continue;
    for (const parts of candidates) {
      if (index + parts.length > words.length) continue;
      if (matchesPhrase(words, index, parts)) {
        for (let offset = 0; offset < parts.length; offset++) excused[index + offset] = true;
      }
    }
  }
  return excused;
}

function matchesPhrase(words: readonly Word[], index: number, parts: readonly string[]): boolean {
  for (let offset = 0; offset < parts.length; offset++) if (!matchesPattern(words[index + offset]?.token.norm ?? '', parts[offset]!)) return false;
  return true;
}
