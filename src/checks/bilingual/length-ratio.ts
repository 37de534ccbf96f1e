import { createFlag } from '../flag.js';
import type { Flag } from '../types.js';
import type { BilingualCheck } from './types.js';
import { findSentenceSpan } from './words.js';

/** A translation much shorter or longer than its source: something was likely dropped or added. */
export const lengthRatio = {
  id: 'length-ratio',
  name: 'Length far from the source\'s',
  description:
    'Translations keep a steady length ratio: English news text runs about 0.88 characters per French ' +
    'character. Following Gale and Church, the target length is modelled as normal with mean ratio × n and ' +
    'variance v × n for n source characters, both measured per language pair on human post-edited ' +
    'translations (data/<pair>.json). A sentence is flagged only beyond a wide band (|z| above 3.5, which a ' +
    'post-edited translation passes less than once in a thousand), and only for sources long enough to judge. ' +
    'Nothing in the sentence says which words are missing or added, so the flag covers the whole sentence.',
  category: 'accuracy/omission',
  severity: 'major',
  needsSource: true,
  run(target, source, context): Flag[] {
    const model = context.pair?.lengthModel;
    if (!model) return [];
    const sourceLength = source.trim().length;
    const targetLength = target.trim().length;
    if (sourceLength < model.minimumSourceLength) return [];
    const expected = model.ratio * sourceLength;
    const z = (targetLength - expected) / Math.sqrt(model.variance * sourceLength);
    if (Math.abs(z) <= model.threshold) return [];
    const span = findSentenceSpan(target);
    if (!span) return [];
    const percent = Math.round((targetLength / expected) * 100);
    const message =
      z < 0
        ? `"${excerpt(target)}" is ${percent}% of the length the source suggests: check for omitted text.`
        : `"${excerpt(target)}" is ${percent}% of the length the source suggests: check for added text.`;
    return [createFlag(lengthRatio, span[0], span[1], message)];
  }
} satisfies BilingualCheck;

// The first words of a sentence, to quote it in a message.
function excerpt(sentence: string): string {
  const words = sentence.trim().split(/\s+/);
  return words.length <= 6 ? sentence.trim() : `${words.slice(0, 6).join(' ')}…`;
}
