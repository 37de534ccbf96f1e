import { tokenize, type Token } from '../text/tokenize.js';
import { compileLexicon, type Lexicon, type LexiconEntry } from './lexicon.js';
import type { Flag } from './types.js';

/**
 * A document's newsroom rules as the checks apply them: plain data, sent with the document's
 * facts to the analysis worker. Stored rules (src/model.ts NewsroomRuleRecord) become these in
 * src/services/newsroom-rules.ts.
 */
export interface CheckRules {
  /** Phrases never flagged: a flag whose words lie inside one is dropped, for every check (`checkId` null) or one. */
  ignore: readonly { phrase: string; checkId: string | null }[];
  /** Custom entries: `phrase` is flagged with `replacement` suggested; `id` names the rule in flags (`entryId`). */
  suggest: readonly { id: string; phrase: string; replacement: string; note: string }[];
}

/** The rules made ready once per document: ignored phrases as token norms by their first, the custom entries as a lexicon. */
export interface CompiledRules {
  /** A newsroom may keep hundreds of names: each token looks up only the phrases it can start. */
  ignore: ReadonlyMap<string, readonly { norms: readonly string[]; checkId: string | null }[]>;
  lexicon: Lexicon | undefined;
  entries: ReadonlyMap<string, CheckRules['suggest'][number]>;
}

/** Prepare a document's rules for its analysis. */
export function compileRules(rules: CheckRules): CompiledRules {
  const ignore = new Map<string, { norms: string[]; checkId: string | null }[]>();
  for (const { phrase, checkId } of rules.ignore) {
    const norms = tokenize(phrase).map((token) => token.norm);
    if (norms.length === 0) continue;
    const list = ignore.get(norms[0]!);
    if (list) list.push({ norms, checkId });
    else ignore.set(norms[0]!, [{ norms, checkId }]);
  }
  return {
    ignore,
    lexicon: rules.suggest.length > 0 ? compileLexicon(rules.suggest.map(toLexiconEntry)) : undefined,
    entries: new Map(rules.suggest.map((rule) => [rule.id, rule])),
  };
}

/** The phrase of a custom entry in the lexicon's syntax: its tokens' lower-case forms. */
export function toLexiconPhrase(phrase: string): string {
  return tokenize(phrase).map((token) => token.norm).join(' ');
}

/**
 * The flags no ignore rule covers: a flag is dropped when its words lie inside an occurrence of an
 * ignored phrase (in any case) and the rule is for every check or for the flag's.
 */
export function dropIgnored(flags: Flag[], tokens: readonly Token[], rules: CompiledRules): Flag[] {
  if (rules.ignore.size === 0 || flags.length === 0) return flags;
  const covered: { start: number; end: number; checkId: string | null }[] = [];
  for (let index = 0; index < tokens.length; index++) {
    for (const rule of rules.ignore.get(tokens[index]!.norm) ?? []) {
      if (index + rule.norms.length > tokens.length) continue;
      if (rule.norms.every((norm, offset) => tokens[index + offset]!.norm === norm)) {
        covered.push({ start: tokens[index]!.start, end: tokens[index + rule.norms.length - 1]!.end, checkId: rule.checkId });
      }
    }
  }
  if (covered.length === 0) return flags;
  return flags.filter((flag) => !covered.some((span) =>
    span.start <= flag.start && flag.end <= span.end && (span.checkId === null || span.checkId === flag.checkId)));
}

function toLexiconEntry({ id, phrase, replacement }: CheckRules['suggest'][number]): LexiconEntry {
  return { id, phrases: [toLexiconPhrase(phrase)], french: '', meaning: '', fixes: [replacement], fine: '', examples: { flag: [], pass: [] } };
}
