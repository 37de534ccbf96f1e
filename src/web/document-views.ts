import { pairLexicon } from '../checks/false-friends.js';
import { listChecks } from '../checks/run.js';
import type { DocumentRecord, ReviewCounts } from '../model.js';
import { ENGLISH_VARIANT_NAMES, ENGLISH_VARIANTS } from '../services/english-variant.js';
import { describeLanguageMismatch, languageName } from '../services/languages.js';

/** What the API says about a document, without its sentences. */
export function toDocumentJson(document: DocumentRecord) {
  return {
    id: document.id,
    title: document.title,
    targetLanguage: document.targetLanguage,
    detectedLanguage: document.detectedLanguage,
    englishVariant: document.englishVariant,
    variantChosenBy: document.variantChosenBy,
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
    lastAuthor: document.lastAuthor,
    archivedAt: document.archivedAt,
  };
}

// The categories flags can have (the checks', and the lexicon entries' own): the same choices for
// every document, so that drawing the form reads no flag.
const CATEGORIES = [...new Set([...listChecks().map((check) => check.category), ...pairLexicon.flatMap((entry) => (entry.category ? [entry.category] : []))])].sort();

/** The choices of the filter form. */
export function toFilterChoices() {
  return { categories: CATEGORIES, severities: ['critical', 'major', 'minor'], statuses: ['to-review', 'edited', 'approved', 'excluded'] };
}

/** The header facts of a document page. */
export function toDocumentHeader(document: DocumentRecord, counts: ReviewCounts) {
  return {
    id: document.id,
    title: document.title,
    targetLanguageName: languageName(document.targetLanguage),
    detectedLanguageName: document.detectedLanguage === 'und' ? 'not recognised' : languageName(document.detectedLanguage),
    languageWarning: describeLanguageMismatch(document.detectedLanguage, document.targetLanguage),
    sentenceCount: counts.total,
    correctedCount: counts.corrected,
    /** "2026-12-05 05:50" while an admin has it archived, else null. */
    archivedAt: document.archivedAt && document.archivedAt.slice(0, 16).replace('T', ' '),
    variant: toVariantView(document),
  };
}

/** The document's English variant as its control shows it: the choices, the one in force, and whether it was guessed. */
function toVariantView(document: DocumentRecord) {
  const value = document.englishVariant ?? 'unspecified';
  return {
    value,
    choices: ENGLISH_VARIANTS.map((variant) => ({ value: variant, name: ENGLISH_VARIANT_NAMES[variant] })),
    source: document.variantChosenBy ? `chosen by ${document.variantChosenBy}`
      : value === 'unspecified' ? 'British and American spellings not checked' : 'guessed from its spellings',
  };
}
