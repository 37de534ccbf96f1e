import type { DocumentRecord } from '../model.js';
import type { AnalyzedSegment } from '../services/document-analysis.js';
import { describeLanguageMismatch, languageName } from '../services/languages.js';

/** What the API says about a document, without its sentences. */
export function toDocumentJson(document: DocumentRecord) {
  return {
    id: document.id,
    title: document.title,
    targetLanguage: document.targetLanguage,
    detectedLanguage: document.detectedLanguage,
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
  };
}

/** The choices of the filter form: the categories and severities this document's flags use. */
export function toFilterChoices(segments: readonly AnalyzedSegment[]) {
  const categories = new Set<string>();
  for (const segment of segments) for (const flag of segment.flags) categories.add(flag.category);
  return {
    categories: [...categories].sort(),
    severities: ['critical', 'major', 'minor'],
    statuses: ['to-review', 'edited', 'approved', 'excluded'],
  };
}

/** The header facts of a document page. */
export function toDocumentHeader(document: DocumentRecord, segments: readonly AnalyzedSegment[]) {
  return {
    id: document.id,
    title: document.title,
    targetLanguageName: languageName(document.targetLanguage),
    detectedLanguageName: document.detectedLanguage === 'und' ? 'not recognised' : languageName(document.detectedLanguage),
    languageWarning: describeLanguageMismatch(document.detectedLanguage, document.targetLanguage),
    sentenceCount: segments.length,
    correctedCount: segments.filter((segment) => segment.text !== segment.original).length,
  };
}
