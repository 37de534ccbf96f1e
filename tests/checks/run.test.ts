import { describe, expect, it } from 'vitest';
import { checks } from '../../src/checks/index.js';
import { analyzeDocument, analyzeSegment, createCheckContext, listChecks, scoreRisk } from '../../src/checks/run.js';
import { classifyRoles } from '../../src/checks/segment-roles.js';
import type { DocumentSegment } from '../../src/checks/types.js';

const article: DocumentSegment[] = [
  { text: 'Protesters gather in front of the Élysée palace.', paragraph: 0 },
  { text: '***', paragraph: 1 },
  { text: 'Photo: John Smith / AFP', paragraph: 2 },
  { text: 'This is a reform that will not fail to anger the unions.', paragraph: 3 },
  { text: 'The government presented the text on Monday.', paragraph: 3 },
  { text: 'A long night', paragraph: 4 },
  { text: 'Talks lasted until dawn, with President Emmanuel Macron present.', paragraph: 5 },
  { text: 'Politics', paragraph: 6 },
  { text: 'Pension reform: what changes for you', paragraph: 7 },
  { text: 'France', paragraph: 8 },
  { text: 'Emmanuel macron', paragraph: 9 },
  { text: 'Pensions', paragraph: 10 }
];

describe('analyzeDocument', () => {
  it('gives each segment a role, sorted flags and a risk', () => {
    const analyses = analyzeDocument(article, 'en');
    expect(analyses.map((analysis) => analysis.role)).toEqual([
      'photo-caption', 'separator', 'credit', 'body', 'body', 'heading', 'body', 'section-label', 'teaser', 'tag', 'tag', 'tag'
    ]);
    expect(analyses[3]).toEqual({
      role: 'body',
      flags: [
        {
          checkId: 'false-friends',
          entryId: 'will-not-fail-to',
          category: 'accuracy/calque',
          severity: 'major',
          start: 22,
          end: 38,
          message: '"will not fail to" copies French "ne manquera pas de" (is bound to, is sure to): write "will surely" or rephrase.',
          suggestions: ['will surely', 'is sure to', 'is bound to'],
          hint: false
        }
      ],
      risk: 3
    });
    expect(analyses[10]?.flags.map((flag) => flag.checkId)).toEqual(['name-consistency']);
    for (const analysis of analyses) {
      const starts = analysis.flags.map((flag) => flag.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      expect(analysis.risk).toBe(scoreRisk(analysis.flags));
    }
  });

  it('is deterministic', () => {
    expect(analyzeDocument(article, 'en')).toEqual(analyzeDocument(article, 'en'));
  });

  it('gives no flag and no risk to credits and separators', () => {
    const analyses = analyzeDocument(article, 'en');
    expect(analyses[1]).toEqual({ role: 'separator', flags: [], risk: 0 });
    expect(analyses[2]).toEqual({ role: 'credit', flags: [], risk: 0 });
  });
});

describe('analyzeSegment', () => {
  it('analyses an edited text in the stored context', () => {
    const context = createCheckContext(article, 'en');
    expect(analyzeSegment(context, 3, 'This reform is sure to anger the unions.')).toEqual({ role: 'body', flags: [], risk: 0 });
  });
});

describe('analyzeSegment with a source', () => {
  const withSource = (targets: string[], sources: string[]) =>
    createCheckContext(targets.map((text) => ({ text, paragraph: 0 })), 'en', { source: { language: 'fr', texts: sources } });
  const spans = (context: ReturnType<typeof withSource>, index: number): Array<[string, string]> =>
    analyzeSegment(context, index).flags.map((flag) => [flag.checkId, context.segments[index]!.text.slice(flag.start, flag.end)]);

  it('runs the checks that compare only where the sentence has a source', () => {
    const context = withSource(['The mayor did not resign on Thursday.', 'The mayor did not resign on Thursday.'], ['Le maire a démissionné mardi.', '']);
    expect(spans(context, 0)).toEqual([
      ['negation-mismatch', 'not'],
      ['date-mismatch', 'Thursday'],
    ]);
    expect(spans(context, 1)).toEqual([]);
  });
  it('finds in the next sentence what a one-to-two link moved there', () => {
    const source = 'Le maire, élu en 2014, a démissionné mardi après dix ans de mandat.';
    const context = withSource(['The mayor, elected in 2014, resigned on Tuesday.', 'He had served ten years.'], [source, source]);
    expect([spans(context, 0), spans(context, 1)]).toEqual([[], []]);
  });
  it('makes one flag of a word that is both untranslated and unknown, with both reasons', () => {
    const context = withSource(['Prices revint to their level.'], ['Les prix revinrent à leur niveau.'.replace('revinrent', 'revint')]);
    const flags = analyzeSegment(context, 0).flags;
    expect(flags.map((flag) => [flag.checkId, flag.message])).toEqual([
      ['untranslated-word', '"revint" is the source word left as is and is not an English word: translate it.'],
    ]);
  });
  it('runs only the language-free checks for a pair it does not describe', () => {
    const context = createCheckContext([{ text: 'Sindaco ha dato 5 dimissioni « oggi ».', paragraph: 0 }], 'yy', { source: { language: 'xx', texts: ['Sindaco ha dato 5 dimissioni « oggi ».'] } });
    const comparing = new Set(checks.filter((check) => check.needs === 'source').map((check) => check.id));
    expect(analyzeSegment({ ...context, roles: ['body'] }, 0).flags.map((flag) => flag.checkId).filter((id) => comparing.has(id))).toEqual(['untranslated-sentence']);
  });
});

describe('the English variant', () => {
  const text = 'The defence programme was cut.';
  it('flags the other variant\'s spellings only once a variant is set', () => {
    const ids = (variant?: 'us' | 'uk') => analyzeDocument([{ text, paragraph: 0 }], 'en', { variant })[0]!.flags.map((flag) => flag.checkId);
    expect(ids()).toEqual([]);
    expect(ids('uk')).toEqual([]);
    expect(ids('us')).toEqual(['spelling-variant', 'spelling-variant']);
  });
});

describe('classifyRoles', () => {
  it('reads bullets as list items and keeps a short body paragraph as body', () => {
    const roles = classifyRoles([
      { text: 'The strike continued on Tuesday.', paragraph: 0 },
      { text: '• Paris', paragraph: 1 },
      { text: '• Strikes', paragraph: 2 },
      { text: '• Transport', paragraph: 3 }
    ]);
    expect(roles).toEqual(['body', 'tag', 'tag', 'tag']);
  });
});

describe('listChecks', () => {
  it('lists every registered check once, with kebab-case ids', () => {
    const listed = listChecks();
    expect(listed).toHaveLength(checks.length);
    expect(new Set(listed.map((check) => check.id)).size).toBe(listed.length);
    for (const check of listed) expect(check.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });
});
