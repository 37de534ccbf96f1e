import type { Token } from '../text/tokenize.js';
import { createFlag } from './flag.js';
import type { Check, CheckContext, Flag, SourceSentence } from './types.js';
import type { WordLink } from './word-links.js';

// Longest stretch of added words a flag covers: beyond that it points at a clause, not at words.
const MAX_ADDED_WORDS = 8;

/** A translation much shorter or longer than its source: something was likely dropped or added. */
export const lengthRatio = {
  id: 'length-ratio',
  name: 'Length far from the source\'s',
  description:
    'Translations keep a steady length ratio: English news text runs about 0.88 characters per French ' +
    'character. Following Gale and Church, the target length is modelled as normal with mean ratio × n and ' +
    'variance v × n for n source characters, both measured per language pair on human post-edited ' +
    'translations (src/languages/<pair>/pair.json). A sentence is flagged only beyond a wide band (|z| above ' +
    '4, which no post-edited translation of the LIG split passes), and only for sources long ' +
    'enough to judge; sentences aligned to the same source sentences are measured together. The flag points at the likeliest place: for a short translation, the words where the ' +
    'longest stretch of the source linked to nothing should be; for a long one, the longest stretch of the ' +
    'translation linked to nothing.',
  category: 'accuracy/omission',
  severity: 'major',
  needs: 'source',
  examples: {
    flag: [
      {
        target: 'The council voted a budget.',
        source: "Le conseil municipal a voté mardi soir un budget en hausse de trois pour cent, malgré l'opposition des élus écologistes qui réclamaient davantage de crédits pour les transports publics et les pistes cyclables.",
      },
      {
        target:
          'On Tuesday evening the city council voted, after a long, heated and at times bitter debate that lasted well past midnight and saw several members walk out of the chamber in protest, for a budget up three percent, despite opposition from Green councillors who wanted more money for public transport and cycle lanes, and who promised to take the matter to the regional court.',
        source: "Le conseil municipal a voté mardi soir un budget en hausse de trois pour cent, malgré l'opposition des élus écologistes qui réclamaient davantage de crédits pour les transports publics et les pistes cyclables.",
      },
    ],
    pass: [
      {
        target: 'On Tuesday evening the city council voted a budget up three percent, despite opposition from Green councillors who wanted more money for public transport and cycle lanes.',
        source: "Le conseil municipal a voté mardi soir un budget en hausse de trois pour cent, malgré l'opposition des élus écologistes qui réclamaient davantage de crédits pour les transports publics et les pistes cyclables.",
      },
      { target: 'Yes.', source: 'Oui, bien sûr.' },
      { target: 'No comment.', source: 'Pas de commentaire.' },
    ],
  },
  run({ text: target, tokens, source, index }, context): Flag[] {
    const model = context.source?.pair?.lengthModel;
    if (!model || !source) return [];
    const sourceLength = source.text.trim().length;
    const targetLength = measureLinked(context, index, target);
    if (sourceLength < model.minimumSourceLength) return [];
    const expected = model.ratio * sourceLength;
    const z = (targetLength - expected) / Math.sqrt(model.variance * sourceLength);
    if (Math.abs(z) <= model.threshold) return [];
    const span = z < 0 ? locateOmission(source) : locateAddition(source, target, tokens);
    if (!span) return [];
    const percent = Math.round((targetLength / expected) * 100);
    const message =
      z < 0
        ? `The translation is ${percent}% of the length the source suggests: check for omitted text around "${target.slice(span.start, span.end)}".`
        : `The translation is ${percent}% of the length the source suggests: check whether "${target.slice(span.start, span.end)}" was added.`;
    return [createFlag(lengthRatio, span.start, span.end, message)];
  }
} satisfies Check;

// The length of the translation of this sentence's source: its neighbours aligned to the same source
// sentences (a one-to-two link) count too.
function measureLinked(context: CheckContext, index: number, text: string): number {
  const texts = context.source?.texts ?? [];
  const shared = texts[index];
  let length = text.trim().length;
  for (let other = index - 1; other >= 0 && texts[other] === shared; other--) length += (context.segments[other]?.text.trim().length ?? 0) + 1;
  for (let other = index + 1; other < texts.length && texts[other] === shared; other++) length += (context.segments[other]?.text.trim().length ?? 0) + 1;
  return length;
}

// Where the longest stretch of source linked to nothing should be in the translation.
function locateOmission(source: SourceSentence): { start: number; end: number } | undefined {
  const gap = longestGap(source.links.links.map((link) => link.source), source.text.length);
  return gap ? source.links.locate(gap.start, gap.end) : undefined;
}

// The translation's longest stretch linked to nothing, at most MAX_ADDED_WORDS words of it.
function locateAddition(source: SourceSentence, target: string, tokens: readonly Token[]): { start: number; end: number } | undefined {
  const gap = longestGap(source.links.links.map((link: WordLink) => link.target), target.length);
  if (!gap) return undefined;
  const words = tokens.filter((token) => token.kind !== 'punct' && token.start >= gap.start && token.end <= gap.end);
  if (words.length === 0) return undefined;
  const kept = words.slice(0, MAX_ADDED_WORDS);
  return { start: kept[0]!.start, end: kept[kept.length - 1]!.end };
}

// The longest stretch of a text between linked spans (sorted by start), or before the first or after the last.
function longestGap(spans: ReadonlyArray<{ start: number; end: number }>, length: number): { start: number; end: number } | undefined {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let best: { start: number; end: number } | undefined;
  let from = 0;
  for (const span of [...sorted, { start: length, end: length }]) {
    if (span.start > from && (!best || span.start - from > best.end - best.start)) best = { start: from, end: span.start };
    from = Math.max(from, span.end);
  }
  return best;
}
