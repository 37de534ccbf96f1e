import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { correctSegment } from '../../src/services/correct-segment.js';
import { exportDocument } from '../../src/services/export-document.js';
import { escapeContent } from '../../src/formats/xml-escape.js';
import { METADATA_NAMESPACE, XLIFF_NAMESPACE } from '../../src/services/export-xliff.js';
import { importDocument } from '../../src/services/import-document.js';
import { createSqliteStorage } from '../../src/storage/sqlite/index.js';
import type { Storage } from '../../src/storage/types.js';
import { findElements, parseXml, readXliffText, type XmlElement } from '../support/parse-xml.js';
import { createTestAnalyzer, createTempDatabase } from '../support/test-server.js';
import type { Analyzer } from '../../src/services/document-analysis.js';
import { setSegmentStatus } from '../../src/services/segment-status.js';

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

const ARTICLE = 'The offer was rejected.\n\nMicrosoft said so on Sunday.\n\nOracle did not confirm.\n\nDongxu Fang / Costfoto / Sipa USA /';
const HOSTILE = '<script>alert(1)</script> & "quotes" \'apos\' ]]> \u202eoverride\u202c \u200bzero-width, pair 😀, tab\tLF\nand more';

async function exportXliff(title = 'Deal off') {
  const { document } = await importDocument(storage, analyzer, { text: ARTICLE, title, author: 'importer' });
  const segments = await storage.segments.listByDocument(document.id);
  return { document, segments };
}

function metaOf(unit: XmlElement): Record<string, string> {
  return Object.fromEntries(findElements(unit, 'mda:meta').map((meta) => [meta.attributes.type!, readXliffText(meta)]));
}

describe('XLIFF export', () => {
  it('writes an XLIFF 2.1 file with one unit per sentence, MT as source, correction as target, statuses as states', async () => {
    const { document, segments } = await exportXliff();
    await correctSegment(storage, analyzer, { segmentId: segments[0]!.id, text: 'Microsoft’s offer was turned down.', baseRevision: 0, author: 'ana' });
    await setSegmentStatus(storage, { segmentId: segments[2]!.id, baseRevision: 0, status: 'approved', author: 'ana' });
    const file = await exportDocument(storage, analyzer, document.id, 'xliff');
    expect(file).toMatchObject({ fileName: `${document.id}-deal-off.xlf`, contentType: 'application/xliff+xml; charset=utf-8' });

    const root = parseXml(file.body);
    expect(root).toMatchObject({
      name: 'xliff',
      attributes: { xmlns: XLIFF_NAMESPACE, 'xmlns:mda': METADATA_NAMESPACE, version: '2.1', srcLang: 'en', trgLang: 'en' },
    });
    const units = findElements(root, 'unit').map((unit) => ({
      id: unit.attributes.id,
      translate: unit.attributes.translate,
      state: findElements(unit, 'segment')[0]!.attributes.state,
      subState: findElements(unit, 'segment')[0]!.attributes.subState,
      source: readXliffText(findElements(unit, 'source')[0]!),
      target: readXliffText(findElements(unit, 'target')[0]!),
      meta: metaOf(unit),
    }));
    expect(units).toEqual([
      { id: `s${segments[0]!.id}`, translate: undefined, state: 'reviewed', subState: 'retouche:edited',
        source: 'The offer was rejected.', target: 'Microsoft’s offer was turned down.',
        meta: { role: 'body', status: 'edited', paragraph: '1', revision: '1' } },
      { id: `s${segments[1]!.id}`, translate: undefined, state: 'translated', subState: 'retouche:to-review',
        source: 'Microsoft said so on Sunday.', target: 'Microsoft said so on Sunday.',
        meta: { role: 'body', status: 'to-review', paragraph: '2', revision: '0' } },
      { id: `s${segments[2]!.id}`, translate: undefined, state: 'final', subState: 'retouche:approved',
        source: 'Oracle did not confirm.', target: 'Oracle did not confirm.',
        // A paragraph of its own just before a photo credit counts as the photo's caption.
        meta: { role: 'photo-caption', status: 'approved', paragraph: '3', revision: '0' } },
      { id: `s${segments[3]!.id}`, translate: 'no', state: 'translated', subState: 'retouche:excluded',
        source: 'Dongxu Fang / Costfoto / Sipa USA /', target: 'Dongxu Fang / Costfoto / Sipa USA /',
        meta: { role: 'credit', status: 'excluded', paragraph: '4', revision: '0' } },
    ]);
  });

  it('stays well-formed and lossless with hostile text in the sentence and the title', async () => {
    const { document, segments } = await exportXliff('Title <b>&amp;</b> "x" ]]> \u202e');
    // The input rules keep controls, non-characters and lone surrogates out; escapeContent's own
    // cases below show how they would be written (text stored before the rules may hold them).
    await correctSegment(storage, analyzer, { segmentId: segments[1]!.id, text: HOSTILE, baseRevision: 0, author: 'ana' });
    const root = parseXml((await exportDocument(storage, analyzer, document.id, 'xliff')).body);
    const unit = findElements(root, 'unit')[1]!;
    const stored = (await storage.segments.get(segments[1]!.id))!.text;
    expect(stored).toBe(HOSTILE);
    expect(readXliffText(findElements(unit, 'target')[0]!)).toBe(stored);
    expect(readXliffText(findElements(root, 'note')[0]!)).toBe('Title <b>&amp;</b> "x" ]]> \u202e');
  });

  it.each([
    ['a & b < c > d', 'a &amp; b &lt; c &gt; d'],
    ['end ]]> here', 'end ]]&gt; here'],
    ['"quotes" \'apos\'', '"quotes" \'apos\''],
    ['tab\tLF\nCR\r', 'tab\tLF\nCR&#xD;'],
    ['nul\u0000 esc\u001b', 'nul<cp hex="0000"/> esc<cp hex="001B"/>'],
    ['\ufffe\uffff', '<cp hex="FFFE"/><cp hex="FFFF"/>'],
    ['lone \ud83d end', 'lone <cp hex="D83D"/> end'],
    ['lone \ude00 end', 'lone <cp hex="DE00"/> end'],
    ['pair 😀', 'pair 😀'],
  ])('escapes %j for <source> and <target>', (text, escaped) => {
    expect(escapeContent(text)).toBe(escaped);
  });
});

describe('the test XML parser', () => {
  it.each([
    ['<a>&</a>', /bare "&"/],
    ['<a>&nbsp;</a>', /unknown entity/],
    ['<a>&#1;</a>', /forbidden character/],
    ['<a><b></a>', /mismatched end tag/],
    ['<a>\u0001</a>', /not allowed in XML/],
    ['<a>\ud800</a>', /not allowed in XML/],
    ['<a>]]></a>', /"]]>" in text/],
    ['<a b="<"/>', /"<" in an attribute/],
    ['<a b="1" b="2"/>', /duplicate attribute/],
    ['<x:a/>', /undeclared namespace prefix x/],
    ['<a/><b/>', /content after the root/],
    ['<a><!-- x -- y --></a>', /bad comment/],
  ])('rejects %j', (xml, message) => {
    expect(() => parseXml(xml)).toThrow(message);
  });

  it('reads entities, character references and CDATA back', () => {
    expect(parseXml('<a x="&quot;&#9;\t">&lt;&#x1F600;<![CDATA[<&]]></a>')).toEqual({
      name: 'a', attributes: { x: '"\t ' }, children: ['<😀', '<&'],
    });
  });
});
