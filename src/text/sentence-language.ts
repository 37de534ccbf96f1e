/** Each language's word lists for the sentence splitter: abbreviations, sentence starters, elisions. */
import abbreviationsEn from '../languages/en/abbreviations.json' with { type: 'json' };
import abbreviationsFr from '../languages/fr/abbreviations.json' with { type: 'json' };
import startersEn from '../languages/en/sentence-starters.json' with { type: 'json' };
import startersFr from '../languages/fr/sentence-starters.json' with { type: 'json' };

/** The languages whose abbreviations and sentence starters the splitter knows. */
export type SentenceLanguage = 'en' | 'fr';

/** The splitter's language for an ISO 639-1 code, or undefined when it has no word lists for it (English rules then apply). */
export function toSentenceLanguage(code: string): SentenceLanguage | undefined {
  return code === 'en' || code === 'fr' ? code : undefined;
}

/** One language's word lists; everything else in the scan is the same for every language. */
export interface LanguageRules {
  // Titles and the like precede a name, so a capital after them never starts a sentence ("Mt. Fuji").
  prepositive: ReadonlySet<string>;
  // Abbreviations before a number ("p. 55", "No. 5"); before anything else they are words ("he said no.").
  numeric: ReadonlySet<string>;
  // Abbreviations that may end a sentence ("Briggs & Co. It closed") or not ("Apple Inc. Chief Executive").
  ambiguous: ReadonlySet<string>;
  // Capitalised words that usually open a sentence: after an abbreviation they signal a boundary.
  starters: ReadonlySet<string>;
  // Words elided before a vowel ("l'art. 12"), stripped before an abbreviation is looked up.
  elisions: ReadonlySet<string>;
}

// The word lists of each language, from its folder in src/languages.
export const RULES: Record<SentenceLanguage, LanguageRules> = {
  en: createRules(abbreviationsEn, startersEn),
  fr: createRules(abbreviationsFr, startersFr),
};

/** Build a language's rules from its abbreviation lists and sentence starters. */
function createRules(
  lists: { prepositive: string[]; numeric: string[]; ambiguous: string[]; elisions?: string[] },
  starters: string[],
): LanguageRules {
  return {
    prepositive: new Set(lists.prepositive),
    numeric: new Set(lists.numeric),
    ambiguous: new Set(lists.ambiguous),
    starters: new Set(starters),
    elisions: new Set(lists.elisions ?? []),
  };
}

/** The token without a leading elided word of the language ("l'art" -> "art"); English has none. */
export function stripElision(token: string, rules: LanguageRules): string {
  if (rules.elisions.size === 0) return token;
  const apostrophe = token.search(/['’]/);
  return apostrophe > 0 && rules.elisions.has(token.slice(0, apostrophe).toLowerCase()) ? token.slice(apostrophe + 1) : token;
}
