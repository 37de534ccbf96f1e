import type { Flag, Severity } from '../types.js';
import { bilingualChecks } from './index.js';
import { getLanguageProfile, getPairProfile } from './languages.js';
import type { BilingualContext } from './types.js';

/** A bilingual check's metadata, as shown in the list of checks (the target-only checks' summary plus `needsSource`). */
export interface BilingualCheckSummary {
  id: string;
  name: string;
  category: string;
  severity: Severity;
  description: string;
  needsSource: true;
}

/** One link of a sentence alignment: indices of source and target sentences (see `alignSentences`). */
export interface SentenceLink {
  source: readonly number[];
  target: readonly number[];
}

/**
 * Prepare what the bilingual checks share for a document: the two languages'
 * profiles and the pair's. Done once per document.
 *
 * @param sourceLanguage BCP 47 code of the source article, e.g. `fr`.
 * @param targetLanguage BCP 47 code of the translation, e.g. `en`.
 */
export function createBilingualContext(sourceLanguage: string, targetLanguage: string): BilingualContext {
  return {
    sourceLanguage,
    targetLanguage,
    source: getLanguageProfile(sourceLanguage),
    target: getLanguageProfile(targetLanguage),
    pair: getPairProfile(sourceLanguage, targetLanguage)
  };
}

/**
 * Run every bilingual check on a target sentence and the source text it was
 * aligned to (several source sentences joined by a space). No source, no
 * flags: a sentence the aligner left unpaired is not compared.
 *
 * @returns Flags with offsets into `target`, sorted by offset.
 */
export function analyzeBilingualSegment(target: string, source: string, context: BilingualContext): Flag[] {
  if (source.trim() === '' || target.trim() === '') return [];
  const flags: Flag[] = [];
  for (const check of bilingualChecks) {
    for (const flag of check.run(target, source, context)) flags.push(flag);
  }
  return flags.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Run the bilingual checks over an aligned document. A link of several target
 * sentences is checked as one text against its source, so that a number moved
 * to the next sentence is not missing; each flag is then cut back to the
 * sentence(s) it covers.
 *
 * @param sourceSentences The source article's sentences.
 * @param targetSentences The translation's sentences.
 * @param links From `alignSentences(sourceSentences, targetSentences)`.
 * @returns The flags of each target sentence, same order as `targetSentences`.
 */
export function analyzeBilingualDocument(
  sourceSentences: readonly string[],
  targetSentences: readonly string[],
  links: readonly SentenceLink[],
  context: BilingualContext
): Flag[][] {
  const result: Flag[][] = targetSentences.map(() => []);
  for (const link of links) {
    if (link.target.length === 0 || link.source.length === 0) continue;
    const source = link.source.map((index) => sourceSentences[index] ?? '').join(' ');
    const offsets: number[] = [];
    let joined = '';
    for (const index of link.target) {
      if (joined !== '') joined += ' ';
      offsets.push(joined.length);
      joined += targetSentences[index] ?? '';
    }
    for (const flag of analyzeBilingualSegment(joined, source, context)) {
      link.target.forEach((index, position) => {
        const from = offsets[position] ?? 0;
        const length = targetSentences[index]?.length ?? 0;
        const start = Math.max(flag.start - from, 0);
        const end = Math.min(flag.end - from, length);
        if (end > start) result[index]?.push({ ...flag, start, end });
      });
    }
  }
  return result;
}

/** The registered bilingual checks' metadata, in registry order. */
export function listBilingualChecks(): BilingualCheckSummary[] {
  return bilingualChecks.map(({ id, name, category, severity, description, needsSource }) => ({
    id,
    name,
    category,
    severity,
    description,
    needsSource
  }));
}
