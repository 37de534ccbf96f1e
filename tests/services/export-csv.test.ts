import { describe, expect, it } from 'vitest';
import { formatReportCsv, neutralizeFormula, quoteField } from '../../src/services/export-csv.js';
import type { PostEditingReport, SentenceReport } from '../../src/services/post-editing-report.js';

function sentence(overrides: Partial<SentenceReport>): SentenceReport {
  return {
    segmentId: 1, position: 0, paragraph: 0, role: 'body', status: 'to-review', original: 'Same.', text: 'Same.', changed: false,
    editRate: { edits: 0, words: 1, rate: 0 }, classes: [], diff: [], flags: [], ...overrides,
  };
}

function reportOf(sentences: SentenceReport[]): PostEditingReport {
  return {
    document: { id: 1, title: 'T', targetLanguage: 'en' },
    summary: { sentences: sentences.length, changedSentences: 0, measuredSentences: 0, edits: 0, words: 0, editRate: null, meanSentenceEditRate: null, classCounts: [] },
    sentences,
    checks: [],
  };
}

describe('formatReportCsv', () => {
  it('writes a BOM, a header, one CRLF-ended row per sentence, numbers as numbers and hostile text neutralised', () => {
    const csv = formatReportCsv(reportOf([
      sentence({ position: 4, paragraph: 2, status: 'edited', changed: true, original: '-1 point', text: '<script>alert(1)</script> & "quotes" ]]>',
        editRate: { edits: 2, words: 6, rate: 1 / 3 }, classes: ['word-choice', 'numbers'],
        flags: [
          { checkId: 'a-check', category: 'c', severity: 'minor', start: 0, end: 2, spanText: '-1', message: 'm', outcome: 'confirmed' },
          { checkId: 'a-check', category: 'c', severity: 'minor', start: 3, end: 8, spanText: 'point', message: 'm', outcome: 'left' },
        ] }),
      sentence({ role: 'separator', status: 'excluded', original: '-', text: '-' }),
    ]));
    expect(csv.split('\r\n')).toEqual([
      '\ufeffsentence,paragraph,role,status,changed,edit_rate,edits,words,classes,flags_on_mt,flags_confirmed,flags_dismissed,flags_left,checks_on_mt,machine_translation,text',
      `5,3,body,edited,yes,0.3333,2,6,word-choice numbers,2,1,0,1,a-check,'-1 point,"<script>alert(1)</script> & ""quotes"" ]]>"`,
      "1,1,separator,excluded,no,0,0,1,,0,0,0,0,,'-,'-",
      '',
    ]);
  });

  it.each([
    ['=1+1', "'=1+1"], ['+1', "'+1"], ['-1', "'-1"], ['@SUM(A1)', "'@SUM(A1)"], ['\tx', "'\tx"], ['\rx', "'\rx"],
    ['a=1', 'a=1'], ['', ''], ["'quoted", "'quoted"],
  ])('neutralises %j as a formula', (value, expected) => {
    expect(neutralizeFormula(value)).toBe(expected);
  });

  it.each([
    ['plain', 'plain'], ['a,b', '"a,b"'], ['say "hi"', '"say ""hi"""'], ['two\nlines', '"two\nlines"'], ['cr\r', '"cr\r"'],
  ])('quotes %j', (value, expected) => {
    expect(quoteField(value)).toBe(expected);
  });
});
