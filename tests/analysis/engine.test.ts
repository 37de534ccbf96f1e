import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnalysisEngine, joinTexts, type AnalysisResult, type DocumentFacts } from '../../src/analysis/engine.js';
import { analyzeDocument } from '../../src/checks/run.js';
import type { Flag } from '../../src/checks/types.js';
import { segmentArticle } from '../../src/text/segment-article.js';
import { SEED_FILE } from '../support/test-server.js';

// The seed article, and sentences that reach each document-wide fact the checks read: names and
// their casings, quotations over several sentences, brackets, photo credits (roles), words a
// lexicon entry needs somewhere in the document ("trump", "app"), numbers a neighbour may hold.
const SEED = segmentArticle(fs.readFileSync(SEED_FILE, 'utf8')).map(({ text, paragraph }) => ({ text, paragraph }));
const EXTRA = [
  'Donald trump spoke to the tenant of the White House.', '“We are ready.', 'We will win,” the captain said.', 'The group (founded in 1990 said no.',
  'Dongxu Fang / Costfoto / Sipa USA /', 'The application was downloaded 3 million times.', 'He said "no.', 'Emmanuel macron met Olaf Scholz.',
  'On Monday, President Emmanuel Macron met Olaf Scholz in Berlin.', 'Tags', 'Video', 'The app is popular since two years.',
];
const SOURCES = [
  'Le locataire de la Maison-Blanche a parlé.', 'Il a téléchargé 3 millions de fois.', '', 'Donald Trump a signé 20 décrets le 3 mars.',
  '« Nous sommes prêts.', 'Nous gagnerons », a dit le capitaine.', 'Il a dit « non ».', 'Emmanuel Macron a rencontré Olaf Scholz à Berlin.',
];
// A short article of three paragraphs: few sentences, so random saves meet each other's neighbours and paragraphs.
const SHORT = [
  { text: 'Donald Trump signed 20 decrees on March 3.', paragraph: 0 }, { text: '“We are ready.', paragraph: 0 },
  { text: 'We will win, the captain said.', paragraph: 0 }, { text: 'Dongxu Fang / Costfoto / Sipa USA /', paragraph: 1 },
  { text: 'Emmanuel Macron met Olaf Scholz in Berlin.', paragraph: 2 }, { text: 'He said no.', paragraph: 2 },
  { text: 'The application was downloaded 3 million times.', paragraph: 2 },
];
// Its source, sentence by sentence: the second and third sentences quote over a full stop; the
// last three translate one source sentence together.
const SHORT_SOURCES = [
  'Donald Trump a signé 20 décrets le 3 mars.', '« Nous sommes prêts.', 'Nous gagnerons », a dit le capitaine.', '',
  ...Array(3).fill('Emmanuel Macron a rencontré Olaf Scholz à Berlin ; il a dit non, et elle a été téléchargée 3 millions de fois.'),
];

/** A random change of one sentence's text, meant to move the facts the checks share. */
function mutate(text: string, pick: (n: number) => number): string {
  const words = text.split(' ');
  const at = pick(words.length);
  switch (pick(7)) {
    case 0: return [...EXTRA, ...SHORT.map((segment) => segment.text)][pick(EXTRA.length + SHORT.length)]!;
    case 1: words[at] = words[at]!.toLowerCase(); return words.join(' ');
    case 2: words[at] = words[at]!.charAt(0).toUpperCase() + words[at]!.slice(1); return words.join(' ');
    case 3: words.splice(at, 0, ['“', '(', '"', '”', ')'][pick(5)]!); return words.join(' ');
    case 4: return words.length > 1 ? words.filter((_, index) => index !== at).join(' ') : 'Trump';
    case 5: return `${text} Trump said the app was ready.`;
    default: return SEED[pick(SEED.length)]!.text;
  }
}

function factsOf(segments: readonly { text: string; paragraph: number }[], revisions: number[], sources?: string[]): DocumentFacts {
  return {
    version: 1, targetLanguage: 'en', ids: segments.map((_, index) => 100 + index), revisions, paragraphs: segments.map((segment) => segment.paragraph),
    texts: joinTexts(segments.map((segment) => segment.text)), originals: joinTexts(segments.map((segment) => segment.text)),
    ...(sources && { source: { language: 'fr', texts: joinTexts(sources) } }),
  };
}

describe('analysis engine', () => {
  it('keeps every sentence\'s reported flags equal to a whole analysis, through random saves and refreshes', () => {
    fc.assert(fc.property(fc.integer(), fc.boolean(), fc.boolean(), (seed, withSource, short) => {
      let state = seed;
      const pick = (n: number) => {
        state = (Math.imul(state, 1103515245) + 12345) | 0;
        return Math.abs(state >> 8) % n;
      };
      const segments = (short ? SHORT : SEED).map((segment) => ({ ...segment }));
      const sources = !withSource ? undefined : short ? [...SHORT_SOURCES] : segments.map(() => SOURCES[pick(SOURCES.length)]!);
      const revisions = segments.map(() => 0);
      const engine = createAnalysisEngine();
      const reported = new Map<number, Flag[]>();
      const take = (results: AnalysisResult[]) => results.forEach((result) => reported.set(result.segmentId - 100, result.flags));
      take(engine.analyseDocument(1, factsOf(segments, revisions, sources)));
      for (let round = 0; round < 6; round++) {
        // One to three saves, each stored with the flags found for its text alone, then one refresh.
        for (let save = 0; save <= pick(3); save++) {
          const position = pick(segments.length);
          const text = mutate(segments[position]!.text, pick);
          if (text === segments[position]!.text) continue;
          reported.set(position, engine.analyseText(1, 1, position, text)!);
          segments[position]!.text = text;
          revisions[position]! += 1;
          engine.applyTexts(1, [{ position, revision: revisions[position]!, text }]);
        }
        const refreshed = engine.refresh(1, 1, revisions.reduce((sum, revision) => sum + revision, 0));
        expect(Array.isArray(refreshed)).toBe(true);
        take(refreshed as AnalysisResult[]);
        const whole = analyzeDocument(segments, 'en', sources ? { source: { language: 'fr', texts: sources } } : {});
        expect(segments.map((_, position) => reported.get(position))).toEqual(whole.map((analysis) => analysis.flags));
      }
    }), { numRuns: 80 });
  });

  it('reports only the sentences whose flags changed, and asks to be loaded or synced when it cannot tell', () => {
    const engine = createAnalysisEngine();
    const segments = SEED.map((segment) => ({ ...segment }));
    const revisions = segments.map(() => 0);
    expect(engine.analyseDocument(7, factsOf(segments, revisions))).toHaveLength(segments.length);
    expect(engine.analyseText(7, 2, 3, 'Another text.')).toBeNull();
    expect(engine.refresh(7, 2, 0)).toBe('not-loaded');
    expect(engine.refresh(8, 1, 0)).toBe('not-loaded');
    // A save whose text was analysed alone, then committed: nothing more to report.
    const position = segments.findIndex((segment) => segment.text.startsWith('Oracle and TikTok'));
    engine.analyseText(7, 1, position, 'Oracle and TikTok did not confirm at once.');
    engine.applyTexts(7, [{ position, revision: 1, text: 'Oracle and TikTok did not confirm at once.' }]);
    expect(engine.refresh(7, 1, 1)).toEqual([]);
    // Another server saved a sentence: the sum says so, and a sync brings it in.
    expect(engine.refresh(7, 1, 2)).toBe('out-of-sync');
    segments[position] = { ...segments[position]!, text: 'Oracle and TikTok did not confirm at once.' };
    segments[0] = { ...segments[0]!, text: 'The Chinese TikTok app in front of the American flag.' };
    engine.sync(7, [1, ...revisions.slice(1, position), 1, ...revisions.slice(position + 1)], joinTexts(segments.map((segment) => segment.text)));
    const results = engine.refresh(7, 1, 2) as AnalysisResult[];
    expect(results.map((result) => [result.segmentId - 100, result.revision])).toEqual([[0, 1]]);
  });
});
