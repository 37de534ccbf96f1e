import { createFlag } from '../flag.js';
import type { Flag } from '../types.js';
import { readNumbers, type NumberMention } from './read-numbers.js';
import type { BilingualCheck } from './types.js';
import { findSentenceSpan } from './words.js';

/** Numbers of the source missing from the translation, or changed in it. */
export const numberMismatch = {
  id: 'number-mismatch',
  name: 'Number differs from the source',
  description:
    'Every number of the source must be in the translation with the same value. Both sides are read the way ' +
    'their language writes numbers (from the language data): "3,5 millions" and "3.5 million" are both ' +
    '3,500,000, "20 000" is "20,000", "5 %" is "5%", "deux" is "two", "2" or "both", "20h" is 20 or 8 o\'clock. ' +
    'When a number of the translation has the same digits as the missing one ("35" for "3,5") or is the only ' +
    'other number left, the flag points at it as the likely misreading; otherwise the flag covers the whole ' +
    'sentence, since nothing in it marks where the number went. A spelled-out "one" is not required: in most ' +
    'languages it is also the article ("un", "a"); nor are ordinals and words such as "both" in the source, ' +
    'which a translation may write another way ("Deuxième Guerre mondiale" is "World War II").',
  category: 'accuracy/mistranslation',
  severity: 'major',
  needsSource: true,
  run(target, source, context): Flag[] {
    if (!context.source || !context.target) return [];
    const wanted = readNumbers(source, context.source).filter((mention) => !isLoneOne(mention) && !mention.alias);
    if (wanted.length === 0) return [];
    const found = readNumbers(target, context.target);
    // A translation's number also counts before its scale word, since a source may leave the scale implied
    // ("98 autres milliards" is "$98 billion"), and a two-digit one as a year ("1997-98").
    const foundValues = new Set(found.flatMap((mention) => [...mention.values, ...mention.bases]));
    const wantedValues = new Set(wanted.flatMap((mention) => mention.values));
    const missing = wanted.filter((mention) => !mention.values.some((value) => foundValues.has(value)));
    if (missing.length === 0) return [];
    const spare = found.filter((mention) => !mention.spelled && !mention.values.some((value) => wantedValues.has(value)));
    const flags: Flag[] = [];
    const dropped: string[] = [];
    for (const mention of missing) {
      const written = source.slice(mention.start, mention.end);
      const partner = findPartner(mention, missing, spare);
      if (partner) {
        spare.splice(spare.indexOf(partner), 1);
        const shown = target.slice(partner.start, partner.end);
        flags.push(createFlag(numberMismatch, partner.start, partner.end, `"${shown}" does not match "${written}" in the source: check the number.`));
      } else {
        dropped.push(`"${written}"`);
      }
    }
    const span = findSentenceSpan(target);
    if (dropped.length > 0 && span) {
      const message = `${dropped.join(', ')} of the source ${dropped.length === 1 ? 'is' : 'are'} not in the translation: check nothing was dropped.`;
      flags.push(createFlag(numberMismatch, span[0], span[1], message));
    }
    return flags;
  }
} satisfies BilingualCheck;

// "un", "une", "a": a spelled-out one is usually the article.
function isLoneOne(mention: NumberMention): boolean {
  return mention.spelled && mention.values.length === 1 && mention.values[0] === '1';
}

// The translation's number that stands for a missing one: the same digits ("3,5" -> "35"), or the only
// number left on each side ("15" -> "50").
function findPartner(mention: NumberMention, missing: NumberMention[], spare: NumberMention[]): NumberMention | undefined {
  if (mention.digits !== '') {
    const same = spare.find((candidate) => candidate.digits === mention.digits);
    if (same) return same;
  }
  return missing.length === 1 && spare.length === 1 && !mention.spelled ? spare[0] : undefined;
}
