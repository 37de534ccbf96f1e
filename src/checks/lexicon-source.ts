import { tokenize, type Token } from '../text/tokenize.js';

/**
 * The French side of lexicon entries (`source`, `sourceHas`, `sourceLacks` in src/checks/lexicon.ts):
 * the source sentence cut into words as those forms are written, the forms parsed, and where a form
 * occurs in the sentence.
 */

/** A word of the source as source forms read it, with its offsets. */
export interface SourceToken {
  norm: string;
  start: number;
  end: number;
}

/**
 * A source sentence as the lexicon reads it (`LexiconInput.source`): its words cut on first use,
 * since few sentences reach an entry keyed on the source. A class, where an object literal with a
 * getter would do the same: V8 keeps a literal's getters in its old generation, and with them
 * everything they close over, so every sentence's tokens and words outlived the young generation
 * (a quarter of the analysis's memory was promoted, and the collector took 18% of its time).
 */
export class LexiconSource {
  #words: SourceToken[] | undefined;

  constructor(
    private readonly source: { text: string; tokens: readonly Token[] },
    private readonly elisions: readonly string[],
  ) {}

  get words(): readonly SourceToken[] {
    return (this.#words ??= readSourceTokens(this.source.text, this.elisions, this.source.tokens));
  }
}

/** A step of a source form: alternatives, each a run of source words, the last one perhaps a prefix. */
export interface SourceStep {
  alternatives: Array<{ words: string[]; prefix: boolean }>;
  optional: boolean;
}

/**
 * The words of a source sentence as source forms read them: the shared tokeniser's words cut at
 * hyphens and after an elision ("l'" of "l'Assemblée"), an elision written apart kept with its
 * apostrophe ("s' est"), numbers and other characters as they are, hyphens and apostrophes dropped.
 */
export function readSourceTokens(text: string, elisions: readonly string[], tokens: readonly Token[] = tokenize(text)): SourceToken[] {
  const words: SourceToken[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    // A token is a source word as it is (most are): only the others are copied.
    if (token.kind !== 'word') {
      if (token.kind === 'number' || !SOURCE_SEPARATORS.includes(token.text)) words.push(token);
      continue;
    }
    // An elision written apart keeps its apostrophe: "s' est".
    const next = tokens[index + 1];
    const apostrophe = next?.kind === 'punct' && next.start === token.end && (next.text === "'" || next.text === '’') && elisions.includes(`${token.norm}'`);
    const norm = apostrophe ? `${token.norm}'` : token.norm;
    if (!apostrophe && !norm.includes('-') && !norm.includes("'")) {
      // One part, no elision.
      words.push(norm.length === token.end - token.start ? token : { norm, start: token.start, end: token.start + norm.length });
      continue;
    }
    let offset = token.start;
    for (const part of norm.split('-')) {
      const elision = findElision(part, elisions);
      if (elision) {
        words.push({ norm: elision, start: offset, end: offset + elision.length });
        words.push({ norm: part.slice(elision.length), start: offset + elision.length, end: offset + part.length });
      } else if (part !== '') {
        words.push({ norm: part, start: offset, end: offset + part.length });
      }
      offset += part.length + 1;
    }
  }
  return words;
}

// The elided word a part starts with ("l'" of "l'assemblée"), when it is longer than that.
function findElision(part: string, elisions: readonly string[]): string | undefined {
  for (const elision of elisions) if (part.length > elision.length && part.startsWith(elision)) return elision;
  return undefined;
}

// Characters that only join or separate words in a source form.
const SOURCE_SEPARATORS = "-'’";

/** Parse a source form: steps of alternatives, each read by `readSourceTokens` ("d'orsay" is two words). */
export function parseSourceForm(form: string, elisions: readonly string[]): SourceStep[] {
  return form
    .trim()
    .split(/\s+/)
    .map((raw) => {
      const optional = raw.endsWith('?') && raw.length > 1;
      const body = optional ? raw.slice(0, -1) : raw;
      return {
        optional,
        alternatives: body.split('|').map((alternative) => {
          const prefix = alternative.endsWith('*');
          const words = readSourceTokens(prefix ? alternative.slice(0, -1) : alternative, elisions).map((word) => word.norm);
          if (words.length === 0) throw new Error(`Empty alternative in source form: ${form}`);
          return { words, prefix };
        }),
      };
    });
}

/** The first place in the source where one of the forms occurs, as a character range. */
export function findInSource(forms: readonly SourceStep[][], words: readonly SourceToken[]): { start: number; end: number } | undefined {
  if (forms.length === 0) return undefined;
  for (let index = 0; index < words.length; index++) {
    for (const steps of forms) {
      const last = matchSourceSteps(steps, 0, words, index);
      if (last > index) return { start: words[index]!.start, end: words[last - 1]!.end };
    }
  }
  return undefined;
}

// Returns the word index after the form, or -1; an optional step is tried first, then skipped.
function matchSourceSteps(steps: readonly SourceStep[], stepIndex: number, words: readonly SourceToken[], wordIndex: number): number {
  const step = steps[stepIndex];
  if (!step) return wordIndex;
  for (const alternative of step.alternatives) {
    const after = matchAlternative(alternative, words, wordIndex);
    if (after < 0) continue;
    const end = matchSourceSteps(steps, stepIndex + 1, words, after);
    if (end >= 0) return end;
  }
  return step.optional ? matchSourceSteps(steps, stepIndex + 1, words, wordIndex) : -1;
}

function matchAlternative(alternative: { words: string[]; prefix: boolean }, words: readonly SourceToken[], from: number): number {
  const { words: wanted, prefix } = alternative;
  for (let offset = 0; offset < wanted.length; offset++) {
    const word = words[from + offset]?.norm;
    if (word === undefined) return -1;
    const last = offset === wanted.length - 1;
    if (last && prefix ? !word.startsWith(wanted[offset]!) : word !== wanted[offset]) return -1;
  }
  return from + wanted.length;
}
