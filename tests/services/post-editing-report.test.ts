import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { correctSegment } from '../../src/services/correct-segment.js';
import { exportDocument } from '../../src/services/export-document.js';
import { formatReportCsv } from '../../src/services/export-csv.js';
import { importDocument } from '../../src/services/import-document.js';
import { buildPostEditingReport } from '../../src/services/post-editing-report.js';
import { createSqliteStorage } from '../../src/storage/sqlite/index.js';
import type { Storage } from '../../src/storage/types.js';
import { createTestAnalyzer, createTempDatabase } from '../support/test-server.js';
import type { Analyzer } from '../../src/services/document-analysis.js';
import { recordDismissal } from '../support/changes.js';

let storage: Storage;
let analyzer: Analyzer;
let removeDatabase: () => void;

beforeEach(() => {
  const database = createTempDatabase();
  storage = createSqliteStorage(database.file);
  analyzer = createTestAnalyzer(storage);
  removeDatabase = database.remove;
});
afterEach(async () => {
  await storage.close();
  removeDatabase();
});

const HEADING = 'Decrees against complaint';
const TENANT = 'This is an announcement that will not fail to react the tenant of the White House as he has invested in the file.';
const FIXED = 'This announcement is sure to draw a reaction from the occupant of the White House, who has taken a personal interest in the matter.';
const ASIDE = 'The application for its part filed a complaint against the US government to contest this measure.';
const COMMAS = 'The application, for its part, filed a complaint against the US government to contest this measure.';
const CLEAN = 'Oracle and TikTok did not immediately confirm.';

/** A four-sentence article: a heading left alone, a sentence rewritten, one given commas with a flag dismissed, one clean. */
async function importReviewedArticle() {
  const { document } = await importDocument(storage, analyzer, { text: [HEADING, TENANT, ASIDE, CLEAN].join('\n\n'), title: 'Report', author: 'importer' });
  const [heading, tenant, aside] = await storage.segments.listByDocument(document.id);
  await correctSegment(storage, analyzer, { segmentId: tenant!.id, text: FIXED, baseRevision: 0, author: 'ana' });
  await correctSegment(storage, analyzer, { segmentId: aside!.id, text: COMMAS, baseRevision: 0, author: 'ana' });
  await recordDismissal(storage, { segmentId: aside!.id, checkId: 'false-friends', spanText: 'complaint', author: 'ana' });
  return { document, heading: heading!, tenant: tenant! };
}

describe('post-editing report', () => {
  it('reports each sentence: edit rate, correction classes, and what happened to each flag on the MT', async () => {
    const { document, tenant } = await importReviewedArticle();
    const report = await buildPostEditingReport(storage, document.id);
    expect(report.document).toEqual({ id: document.id, title: 'Report', targetLanguage: 'en' });
    expect(report.sentences.map((sentence) => [sentence.role, sentence.status, sentence.changed, sentence.classes])).toEqual([
      ['heading', 'to-review', false, []],
      ['body', 'edited', true, ['word-choice', 'word-order', 'deletion']],
      ['body', 'edited', true, ['punctuation-and-typography']],
      ['body', 'to-review', false, []],
    ]);
    const { diff, flags, ...rewritten } = report.sentences[1]!;
    expect(rewritten).toEqual({
      segmentId: tenant.id, position: 1, paragraph: 1, role: 'body', status: 'edited', original: TENANT, text: FIXED, changed: true,
      editRate: { edits: 18, words: 24, rate: 0.75 }, classes: ['word-choice', 'word-order', 'deletion'],
    });
    expect(diff).toContainEqual({ text: 'occupant', kind: 'added' });
    // Rewritten at large: every flagged word changed, but only about half of the rest stayed. Outside
    // the four words "will not fail to", half the words were kept ("This", "announcement", "of the
    // White House"...): confirmed; outside the shorter spans, less than half: not.
    expect(flags.map((flag) => [flag.checkId, flag.spanText, flag.outcome])).toEqual([
      ['false-friends', 'will not fail to', 'confirmed'],
      ['intransitive-object', 'react the tenant', 'left'],
      ['false-friends', 'tenant', 'left'],
      ['false-friends', 'invested in', 'left'],
    ]);
    // Commas inserted around the aside fix its flag; the dismissed false friend stays dismissed though its words stayed.
    expect(report.sentences[2]!.flags.map((flag) => [flag.checkId, flag.spanText, flag.outcome])).toEqual([
      ['aside-without-commas', 'for its part', 'confirmed'],
      ['false-friends', 'complaint', 'dismissed'],
    ]);
    expect(report.sentences[0]!.flags.map((flag) => flag.outcome)).toEqual(['left']);
  });

  it('sums the document on its body sentences, and scores each check', async () => {
    const { document } = await importReviewedArticle();
    const { summary, checks } = await buildPostEditingReport(storage, document.id);
    // Body sentences: 18 edits / 24 words, 2 / 16 ("application," and "part,"), 0 / 7.
    expect(summary).toEqual({
      sentences: 4, changedSentences: 2, measuredSentences: 3, edits: 20, words: 47,
      editRate: 20 / 47, meanSentenceEditRate: (0.75 + 2 / 16 + 0) / 3,
      classCounts: [
        { kind: 'word-choice', sentences: 1 }, { kind: 'word-order', sentences: 1 }, { kind: 'addition', sentences: 0 },
        { kind: 'deletion', sentences: 1 }, { kind: 'names-and-casing', sentences: 0 }, { kind: 'numbers', sentences: 0 },
        { kind: 'punctuation-and-typography', sentences: 1 },
      ],
    });
    expect(checks.map(({ checkId, flagged, confirmed, dismissed, left, precision }) => ({ checkId, flagged, confirmed, dismissed, left, precision }))).toEqual([
      { checkId: 'false-friends', flagged: 5, confirmed: 1, dismissed: 1, left: 3, precision: 1 / 2 },
      { checkId: 'intransitive-object', flagged: 1, confirmed: 0, dismissed: 0, left: 1, precision: null },
      { checkId: 'aside-without-commas', flagged: 1, confirmed: 1, dismissed: 0, left: 0, precision: 1 },
    ]);
    // Over every document: the save that put commas around the aside confirmed it; the dismissal judged the false friend.
    expect(checks.map((check) => check.observed && [check.observed.confirmed, check.observed.dismissed])).toEqual([[1, 1], null, [1, 0]]);
  });

  it('has no rate and no precision before anything can be measured', async () => {
    const { document } = await importDocument(storage, analyzer, { text: 'Dongxu Fang / Costfoto / Sipa USA /', author: 'importer' });
    const { summary, checks } = await buildPostEditingReport(storage, document.id);
    expect(summary).toMatchObject({ sentences: 1, changedSentences: 0, measuredSentences: 0, editRate: null, meanSentenceEditRate: null });
    expect(checks).toEqual([]);
  });
});

describe('report CSV export', () => {
  it('has a header and one row per sentence, quoted per RFC 4180, as the csv export', async () => {
    const { document, heading } = await importReviewedArticle();
    await correctSegment(storage, analyzer, { segmentId: heading.id, text: '=HYPERLINK("http://x","Decrees, again")', baseRevision: 0, author: 'ana' });
    const file = await exportDocument(storage, analyzer, document.id, 'csv');
    expect(file).toMatchObject({ fileName: `${document.id}-report-report.csv`, contentType: 'text/csv; charset=utf-8; header=present' });
    expect(file.body).toBe(formatReportCsv(await buildPostEditingReport(storage, document.id)));
    const lines = file.body.split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe('\ufeffsentence,paragraph,role,status,changed,edit_rate,edits,words,classes,flags_on_mt,flags_confirmed,'
      + 'flags_dismissed,flags_left,checks_on_mt,machine_translation,text');
    // Two words now ('=HYPERLINK("http://x","Decrees,' and 'again")'): two substitutions and a deletion.
    expect(lines[1]).toBe(`1,1,heading,edited,yes,1.5,3,2,word-choice addition,1,0,0,1,false-friends,${HEADING},"'=HYPERLINK(""http://x"",""Decrees, again"")"`);
    expect(lines[3]).toBe(`3,3,body,edited,yes,0.125,2,16,punctuation-and-typography,2,1,1,0,aside-without-commas false-friends,${ASIDE},"${COMMAS}"`);
    expect(lines[5]).toBe('');
  });
});
