/**
 * The French news lexicon, src/languages/fr-en/news-lexicon.json: false friends and calques of
 * French news vocabulary, keyed on the French word. An entry fires on an English sentence when
 *   1. one of its `phrases` matches the English with the entry's conditions, exactly as the
 *      target-only false-friend check matches them (compileLexicon over tokenize), and
 *   2. one of its `source` forms occurs in the French sentence aligned with it.
 *
 * How a `source` form is matched (the check engine implements the same semantics):
 * - The French sentence is lower-cased, typographic apostrophes made straight, and cut into tokens:
 *   numbers (digits with inner "." or ","), words (letters and marks with inner apostrophes), and
 *   every other character that is not a space, a hyphen or an apostrophe, alone, so a form never
 *   runs across a comma or a quote. A hyphen only separates words: "porte-parole" and "porte parole"
 *   are the same two tokens. A word opening with one of the French profile's elisions (l', d', qu',
 *   s', n', c', j', m', t', jusqu', lorsqu', puisqu', quelqu', presqu') is cut after its apostrophe:
 *   "l'Assemblée" is "l'" + "assemblée", "s'est" is "s'" + "est"; "aujourd'hui" stays one word.
 * - A form is space-separated steps, as in `phrases`: alternatives joined by `|`, a step ending in
 *   `?` optional. Each alternative is written as French and cut by the same tokeniser, so one
 *   alternative may stand for several tokens ("d'orsay", "porte-parole").
 * - A form matches when its steps match consecutive tokens anywhere in the sentence. Accents count
 *   ("état" is not "etat"): forms list the unaccented capitals French often prints ("Etat").
 * Each entry is matched on its own here. An engine that compiles the whole lexicon at once must drop
 * the entries whose French is absent before it keeps the longest match at a word, or an entry keyed
 * on other French ("coup d'envoi") could hide the one that applies ("coup franc").
 */
import { describe, expect, it } from 'vitest';
import french from '../../src/checks/bilingual/data/fr.json' with { type: 'json' };
import { selectFixes } from '../../src/checks/false-friends.js';
import { isSentenceStart, matchCase } from '../../src/checks/flag.js';
import { compileLexicon, type Lexicon, type LexiconEntry, type LexiconMatch } from '../../src/checks/lexicon.js';
import { joinNorms, tokenize } from '../../src/checks/tokens.js';
import entries from '../../src/languages/fr-en/news-lexicon.json' with { type: 'json' };

/** A lexicon entry keyed on the French source, with the sentences it must flag and pass. */
interface NewsLexiconEntry extends LexiconEntry {
  id: string;
  /** French forms, one of which the aligned French sentence must contain. */
  source: string[];
  examples: {
    flag: Array<{ target: string; source: string; fixed: string }>;
    pass: Array<{ target: string; source: string }>;
  };
}

// One step of a source form: each alternative is a run of French tokens.
interface SourceStep {
  alternatives: string[][];
  optional: boolean;
}

const lexiconEntries = entries as NewsLexiconEntry[];
const SEVERITIES = ['minor', 'major', 'critical'];
const ELISIONS = french.elisions;
// Numbers, words with inner apostrophes (and a final one, kept only by an elision written alone: "s'"),
// or one other visible character that is not a hyphen or an apostrophe.
const FRENCH_TOKEN = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}]+(?:'[\p{L}\p{M}]+)*'?|[^\s\p{L}\p{M}\p{N}'-]/gu;

describe('French news lexicon', () => {
  it('has at least 300 complete entries with unique kebab-case ids, sorted by id', () => {
    expect(lexiconEntries.length).toBeGreaterThanOrEqual(300);
    const ids = lexiconEntries.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort());
    for (const entry of lexiconEntries) {
      expect(entry.id, entry.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(entry.phrases.length, entry.id).toBeGreaterThan(0);
      expect(entry.source.length, entry.id).toBeGreaterThan(0);
      for (const form of entry.source) expect(form, entry.id).toBe(form.toLowerCase());
      expect(entry.french.length, entry.id).toBeGreaterThan(0);
      expect(entry.meaning.length, entry.id).toBeGreaterThan(0);
      expect(entry.fixes.length, entry.id).toBeGreaterThan(0);
      expect(entry.fine.length, entry.id).toBeGreaterThan(0);
      expect(SEVERITIES, entry.id).toContain(entry.severity);
      expect(entry.examples.flag.length, entry.id).toBeGreaterThan(0);
      expect(entry.examples.pass.length, entry.id).toBeGreaterThan(0);
    }
  });

  it('compiles every phrase and source form', () => {
    expect(() => compileLexicon(lexiconEntries)).not.toThrow();
    for (const entry of lexiconEntries) for (const form of entry.source) expect(() => parseSourceForm(form), entry.id).not.toThrow();
  });

  describe.each(lexiconEntries.map((entry) => [entry.id, entry] as const))('%s', (_, entry) => {
    const lexicon = compileLexicon([entry]);
    it.each(entry.examples.flag)('flags $target', (example) => {
      expect(hasSourceForm(entry, example.source), `no source form in: ${example.source}`).toBe(true);
      expect(matchTarget(lexicon, example.target).length).toBeGreaterThan(0);
      expect(applyFirstFixes(lexicon, example.target)).toBe(example.fixed);
      expect(example.fixed).not.toBe(example.target);
    });
    it.each(entry.examples.pass)('passes $target', (example) => {
      const fires = hasSourceForm(entry, example.source) && matchTarget(lexicon, example.target).length > 0;
      expect(fires).toBe(false);
    });
  });
});

describe('source form matching', () => {
  it.each([
    ["porte-parole", "Le porte-parole de l'ONU a démenti.", true],
    ["porte-parole", "Le porte parole du gouvernement a démenti.", true],
    ["cour suprême", "La Cour suprême a tranché.", true],
    ["cour suprême", "La cour, suprême arbitre, a tranché.", false],
    ["s'est envolé|envolée", "Le Premier ministre s'est envolé pour Bruxelles.", true],
    ["quai d'orsay", "Le Quai d’Orsay a convoqué l'ambassadeur.", true],
    ["assemblée nationale", "L'Assemblée nationale a voté le texte.", true],
    ["état d'urgence", "L'Etat d'urgence a été décrété.", false],
    ["état|etat d'urgence", "L'Etat d'urgence a été décrété.", true],
    ["s' est|était envolé", "Il s'était envolé la veille.", true],
    ["l'ancien", "Selon 'l'ancien' ministre, non.", true],
    ["hui", "Il pleut aujourd'hui.", false],
    ["société|sociétés civile?", "Les sociétés ont protesté.", true]
  ])('%s in %j: %s', (form, sentence, expected) => {
    expect(hasSourceForm({ source: [form] }, sentence)).toBe(expected);
  });
});

// The entry's matches in an English sentence, conditions included; the sentence is its own document.
function matchTarget(lexicon: Lexicon, target: string): LexiconMatch[] {
  const tokens = tokenize(target);
  const words = joinNorms(tokens);
  return lexicon.match(tokens, words, words);
}

// Replace every match of the entry's phrases with its first fix as the check would offer it
// (inflected like the flagged words, capitalised like them).
function applyFirstFixes(lexicon: Lexicon, target: string): string {
  const tokens = tokenize(target);
  let fixed = target;
  for (const match of matchTarget(lexicon, target).reverse()) {
    const start = tokens[match.first]?.start ?? 0;
    const end = tokens[match.last - 1]?.end ?? start;
    const found = target.slice(start, end);
    const fix = selectFixes(match.entry.fixes, tokens.slice(match.first, match.last))[0] ?? '';
    fixed = fixed.slice(0, start) + matchCase(fix, found, isSentenceStart(target, start)) + fixed.slice(end);
  }
  return fixed;
}

function hasSourceForm(entry: Pick<NewsLexiconEntry, 'source'>, sentence: string): boolean {
  const tokens = tokenizeFrench(sentence);
  return entry.source.some((form) => {
    const steps = parseSourceForm(form);
    return tokens.some((_, index) => matchSourceSteps(steps, 0, tokens, index) >= 0);
  });
}

function tokenizeFrench(text: string): string[] {
  const tokens: string[] = [];
  for (const [match] of text.toLowerCase().replace(/’/g, "'").matchAll(FRENCH_TOKEN)) {
    const token = match.endsWith("'") && !ELISIONS.includes(match) ? match.slice(0, -1) : match;
    const elision = ELISIONS.find((prefix) => token.length > prefix.length && token.startsWith(prefix));
    if (elision) tokens.push(elision, token.slice(elision.length));
    else tokens.push(token);
  }
  return tokens;
}

function parseSourceForm(form: string): SourceStep[] {
  return form
    .trim()
    .split(/\s+/)
    .map((raw) => {
      const optional = raw.endsWith('?') && raw.length > 1;
      const body = optional ? raw.slice(0, -1) : raw;
      const alternatives = body.split('|').map(tokenizeFrench);
      if (alternatives.some((tokens) => tokens.length === 0)) throw new Error(`Empty alternative in source form: ${form}`);
      return { alternatives, optional };
    });
}

// Returns the token index after the match, or -1; optional steps are tried greedily first.
function matchSourceSteps(steps: readonly SourceStep[], stepIndex: number, tokens: readonly string[], at: number): number {
  const step = steps[stepIndex];
  if (!step) return at;
  for (const alternative of step.alternatives) {
    if (alternative.every((token, offset) => tokens[at + offset] === token)) {
      const end = matchSourceSteps(steps, stepIndex + 1, tokens, at + alternative.length);
      if (end >= 0) return end;
    }
  }
  return step.optional ? matchSourceSteps(steps, stepIndex + 1, tokens, at) : -1;
}
