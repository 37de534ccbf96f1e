import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignSentences, type AlignmentLink } from '../../src/text/align-sentences.js';
import { splitSentences } from '../../src/text/split-sentences.js';

// A short French article and its English translation, one sentence each, of varied lengths.
const FRENCH = [
  'Le gouvernement a présenté mardi un plan de relance de 20 milliards d’euros.',
  'Selon le ministre, la croissance devrait atteindre 1,5 % l’an prochain, contre 0,8 % cette année.',
  'Les syndicats ont dénoncé un texte « insuffisant » et appelé à manifester le 12 octobre.',
  'Pourquoi maintenant ?',
  'Parce que les élections régionales approchent et que la majorité veut rassurer les électeurs inquiets.',
  'L’opposition a déjà annoncé qu’elle voterait contre.',
];
const ENGLISH = [
  'The government on Tuesday presented a 20 billion euro stimulus plan.',
  'According to the minister, growth should reach 1.5% next year, against 0.8% this year.',
  'The unions denounced an "insufficient" text and called for a demonstration on 12 October.',
  'Why now?',
  'Because the regional elections are approaching and the majority wants to reassure worried voters.',
  'The opposition has already announced that it would vote against it.',
];

/** A small deterministic generator (LCG), so the long document is the same on every run. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function oneToOne(count: number): AlignmentLink[] {
  return Array.from({ length: count }, (_, k) => ({ source: [k], target: [k] }));
}

describe('alignSentences', () => {
  it.each<[string, string[], string[], AlignmentLink[]]>([
    ['both empty', [], [], []],
    ['empty source: every target sentence is added', [], ['One.', 'Two.'], [{ source: [], target: [0] }, { source: [], target: [1] }]],
    ['empty target: every source sentence is dropped', ['Un.', 'Deux.'], [], [{ source: [0], target: [] }, { source: [1], target: [] }]],
    ['1-1 throughout', FRENCH, ENGLISH, oneToOne(6)],
    [
      '1-2: a long sentence translated as two',
      FRENCH,
      [
        ...ENGLISH.slice(0, 4),
        'Because the regional elections are approaching.',
        'And the majority wants to reassure worried voters.',
        ENGLISH[5] ?? '',
      ],
      [...oneToOne(4), { source: [4], target: [4, 5] }, { source: [5], target: [6] }],
    ],
    [
      '2-1: two sentences translated as one',
      FRENCH,
      [ENGLISH[0] ?? '', ENGLISH[1] ?? '', ENGLISH[2] ?? '', 'Why now? Because the regional elections are approaching and the majority wants to reassure worried voters.', ENGLISH[5] ?? ''],
      [...oneToOne(3), { source: [3, 4], target: [3] }, { source: [5], target: [4] }],
    ],
    [
      '1-0: a dropped sentence',
      FRENCH,
      ENGLISH.filter((_, k) => k !== 1),
      [{ source: [0], target: [0] }, { source: [1], target: [] }, { source: [2], target: [1] }, { source: [3], target: [2] }, { source: [4], target: [3] }, { source: [5], target: [4] }],
    ],
    [
      '0-1: an added sentence',
      FRENCH,
      [...ENGLISH.slice(0, 2), 'Economists at several banks said the forecast looked optimistic given the weak state of exports.', ...ENGLISH.slice(2)],
      [{ source: [0], target: [0] }, { source: [1], target: [1] }, { source: [], target: [2] }, { source: [2], target: [3] }, { source: [3], target: [4] }, { source: [4], target: [5] }, { source: [5], target: [6] }],
    ],
  ])('%s', (_name, source, target, expected) => {
    expect(alignSentences(source, target)).toEqual(expected);
  });

  it.each<[string, string, string, string, string]>([
    ['whole numbers', 'de 12 %, contre 40 %', '12% against 40%', 'de 18 postes sur 95', 'of 18 posts out of 95'],
    ['decimal commas and spaced thousands', 'de 3,5 %, contre 20 000', '3.5% against 20,000', 'de 1 500 euros sur 2,25', 'of 1,500 euros out of 2.25'],
  ])('numbers pull the alignment back past a dropped and an added sentence (%s)', (_name, frenchTaxes, englishTaxes, frenchCut, englishCut) => {
    // The middle sentences have about the same length, so lengths alone pair each with its neighbour.
    const source = [
      'Le conseil municipal s’est réuni lundi soir pour examiner le budget de la ville.',
      'Les élus de l’opposition ont quitté la salle avant le vote final, en dénonçant un passage en force.',
      `La hausse des impôts locaux sera ${frenchTaxes} l’an dernier.`,
      `Le maire a promis une baisse ${frenchCut} dans les services.`,
      'La prochaine séance aura lieu en janvier, après les fêtes de fin d’année.',
    ];
    const target = [
      'The city council met on Monday evening to examine the town budget.',
      `The rise in local taxes will be ${englishTaxes} last year.`,
      `The mayor promised a cut ${englishCut} in services.`,
      'Residents who spoke at the meeting said they were worried.',
      'The next session will take place in January, after the holidays.',
    ];
    expect(alignSentences(source, target)).toEqual([
      { source: [0], target: [0] },
      { source: [1], target: [] },
      { source: [2], target: [1] },
      { source: [3], target: [2] },
      { source: [], target: [3] },
      { source: [4], target: [4] },
    ]);
    // Without the numbers, the same texts align one to one.
    const strip = (text: string): string => text.replace(/\d/g, 'n');
    expect(alignSentences(source.map(strip), target.map(strip))).toEqual(oneToOne(5));
  });

  it('stays on the diagonal through a long document and recovers after a dropped passage', () => {
    const next = createRandom(7);
    const sizes = Array.from({ length: 5000 }, () => 3 + Math.floor(next() * 30));
    const source = sizes.map((words) => 'mot '.repeat(words).trim() + '.');
    // English runs a little shorter, with noise; 80 sentences in the middle are not translated.
    const translated = sizes.map((words) => 'word '.repeat(Math.max(1, Math.round(words * (0.8 + next() * 0.3)))).trim() + '.');
    const target = [...translated.slice(0, 2500), ...translated.slice(2580)];
    const links = alignSentences(source, target);
    const pairs = links.filter((link) => link.source.length === 1 && link.target.length === 1);
    const right = pairs.filter(({ source: [s], target: [t] }) => s === (t !== undefined && t >= 2500 ? t + 80 : t));
    expect(right.length / pairs.length).toBeGreaterThan(0.95);
    expect(links.at(-1)).toEqual({ source: [4999], target: [4919] });
  });

  it('covers every source and target index exactly once, in order', () => {
    const sentence = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.constantFrom(...FRENCH, ...ENGLISH, 'En 2010, 3,5 % de hausse ?', 'In 2010, a 3.5% rise?', ''),
    );
    fc.assert(
      fc.property(fc.array(sentence, { maxLength: 40 }), fc.array(sentence, { maxLength: 40 }), (source, target) => {
        const links = alignSentences(source, target);
        expect(links.flatMap((link) => link.source)).toEqual(source.map((_, k) => k));
        expect(links.flatMap((link) => link.target)).toEqual(target.map((_, k) => k));
        for (const link of links) {
          expect(link.source.length + link.target.length).toBeGreaterThan(0);
          expect(link.source.length).toBeLessThanOrEqual(2);
          expect(link.target.length).toBeLessThanOrEqual(2);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('splitSentences with French rules, as alignment uses it', () => {
  it.each<[string, string, string[]]>([
    ['titles before names', 'M. Dupont a vu Mme Martin et MM. Durand et Petit. Ils sont partis.', ['M. Dupont a vu Mme Martin et MM. Durand et Petit.', 'Ils sont partis.']],
    ['abbreviated month', 'Il est arrivé le 3 janv. à Paris. Il pleuvait.', ['Il est arrivé le 3 janv. à Paris.', 'Il pleuvait.']],
    ['elided article before a numeric abbreviation', "Selon l'art. 12 du code, c'est interdit. Voilà.", ["Selon l'art. 12 du code, c'est interdit.", 'Voilà.']],
    ['accented sentence starter after an abbreviation', 'Il a signé avec Dupont et Cie. À Lyon, rien.', ['Il a signé avec Dupont et Cie.', 'À Lyon, rien.']],
  ])('%s', (_name, text, expected) => {
    expect(splitSentences(text, 0, text.length, { language: 'fr' }).map((span) => text.slice(span.start, span.end))).toEqual(expected);
  });
});
